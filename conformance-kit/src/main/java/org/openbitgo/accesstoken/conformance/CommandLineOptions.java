package org.openbitgo.accesstoken.conformance;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The command line, parsed; a mistake is an {@link UsageException} naming it (never the token). */
record CommandLineOptions(
    boolean help,
    boolean version,
    boolean list,
    URI baseUrl,
    String token,
    String otherUserToken,
    Environment environment,
    URI stateChangeUrl,
    Path reportDir,
    Path caCert,
    java.time.Duration requestTimeout,
    KitOptions kitOptions) {

  static final String USAGE =
      "Usage: java -jar accesstoken-conformance-kit.jar --base-url URL --token TOKEN [options]"
          + "   (--help lists the options)";

  static final String HELP =
      """
      Judges a running provider of the BitGo access-token contract, check by check.

      Usage: java -jar accesstoken-conformance-kit.jar --base-url URL --token TOKEN [options]

        --base-url URL          the provider's root, e.g. http://127.0.0.1:8080 (required)
        --token TOKEN           a bearer token the provider accepts (required, or --token-env)
        --token-env NAME        read the token from environment variable NAME instead
        --other-user-token TOKEN
                                a bearer token of another user: adds the checks that one
                                user never sees nor revokes another's tokens (without it
                                they are noted as not run)
        --other-user-token-env NAME
                                read that token from environment variable NAME instead
        --environment test|prod the environment the provider imitates (default test)
        --state-change-url URL  Pact's state-change endpoint, when the provider serves one;
                                without it the kit arranges provider states through the API
        --report-dir DIR        where to write the JUnit XML and Markdown reports
                                (default conformance-report)
        --ca-cert FILE          trust the PEM certificate(s) in FILE for https
        --request-timeout S     seconds an answer may take, headers and body (default 10);
                                after 3 exchanges in a row without a whole answer, the
                                rest of the run fails at once instead of waiting
        --only GLOB             run only checks whose name matches (repeatable; e.g. 'auth.*')
        --skip GLOB             skip checks whose name matches (repeatable)
        --hostile               also run the hostile-peer checks (slow bodies, bad request lines)
        --seed N                seed of the generated invalid bodies (a failure prints it)
        --invalid-bodies N      how many invalid bodies to send (default 200)
        --list                  print the checks that would run, with their rules, and exit
        --version               print the kit's contract version
        --help                  print this help

      Exit status: 0 every check passed, 1 a check failed (or none ran), 2 usage error,
      3 the URL cannot be reached, does not answer like this API, or refuses --token.
      """;

  /** A mistake on the command line. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  static CommandLineOptions parse(List<String> args, Map<String, String> environmentVariables)
      throws UsageException {
    boolean help = false;
    boolean version = false;
    boolean list = false;
    URI baseUrl = null;
    String token = null;
    String otherUserToken = null;
    Environment environment = Environment.TEST;
    URI stateChangeUrl = null;
    Path reportDir = Path.of("conformance-report");
    java.time.Duration requestTimeout = ProviderTarget.DEFAULT_REQUEST_TIMEOUT;
    Path caCert = null;
    KitOptions.Builder kit = KitOptions.builder();
    List<String> queue = new ArrayList<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        queue.add(arg.substring(0, equals));
        queue.add(arg.substring(equals + 1));
      } else {
        queue.add(arg);
      }
    }
    for (int i = 0; i < queue.size(); i++) {
      String option = queue.get(i);
      switch (option) {
        case "--help", "-h" -> help = true;
        case "--version" -> version = true;
        case "--list" -> list = true;
        case "--hostile" -> kit.hostile(true);
        default -> {
          if (!option.startsWith("--")) {
            throw new UsageException("unexpected argument " + option);
          }
          if (i + 1 >= queue.size()) {
            throw new UsageException(option + " needs a value");
          }
          String value = queue.get(++i);
          switch (option) {
            case "--base-url" -> baseUrl = url(option, value);
            case "--token" -> token = value;
            case "--token-env" -> token = fromEnvironment(option, value, environmentVariables);
            case "--other-user-token" -> otherUserToken = value;
            case "--other-user-token-env" ->
                otherUserToken = fromEnvironment(option, value, environmentVariables);
            case "--environment" -> {
              try {
                environment = Environment.parse(value);
              } catch (IllegalArgumentException e) {
                throw new UsageException("--environment " + e.getMessage());
              }
            }
            case "--state-change-url" -> stateChangeUrl = url(option, value);
            case "--report-dir" -> reportDir = Path.of(value);
            case "--ca-cert" -> caCert = Path.of(value);
            case "--request-timeout" -> {
              long seconds = number(option, value);
              if (seconds < 1 || seconds > 3600) {
                throw new UsageException(
                    "--request-timeout must be 1 to 3600 seconds, got " + value);
              }
              requestTimeout = java.time.Duration.ofSeconds(seconds);
            }
            case "--only" -> kit.only(value);
            case "--skip" -> kit.skip(value);
            case "--seed" -> kit.seed(number(option, value));
            case "--invalid-bodies" -> {
              long count = number(option, value);
              if (count < 1 || count > 100_000) {
                throw new UsageException("--invalid-bodies must be 1 to 100000, got " + value);
              }
              kit.invalidBodies((int) count);
            }
            default -> throw new UsageException("unknown option " + option);
          }
        }
      }
    }
    if (!help && !version && !list) {
      if (baseUrl == null) {
        throw new UsageException("--base-url is required");
      }
      if (token == null || token.isBlank()) {
        throw new UsageException("--token (or --token-env) is required");
      }
      if (otherUserToken != null && (otherUserToken.isBlank() || otherUserToken.equals(token))) {
        throw new UsageException(
            "--other-user-token must be a token of another user than --token's");
      }
    }
    return new CommandLineOptions(
        help,
        version,
        list,
        baseUrl,
        token,
        otherUserToken,
        environment,
        stateChangeUrl,
        reportDir,
        caCert,
        requestTimeout,
        kit.build());
  }

  ProviderTarget target(javax.net.ssl.SSLContext sslContext) {
    return ProviderTarget.builder()
        .baseUrl(baseUrl)
        .token(token)
        .otherUserToken(otherUserToken)
        .environment(environment)
        .stateChangeUrl(stateChangeUrl)
        .sslContext(sslContext)
        .requestTimeout(requestTimeout)
        .build();
  }

  @Override
  public String toString() {
    return "CommandLineOptions[" + baseUrl + ", " + environment.cliName() + ", token=<redacted>]";
  }

  private static String fromEnvironment(
      String option, String name, Map<String, String> environmentVariables) throws UsageException {
    String value = environmentVariables.get(name);
    if (value == null || value.isBlank()) {
      throw new UsageException(option + ": environment variable " + name + " is not set");
    }
    return value;
  }

  private static URI url(String option, String value) throws UsageException {
    try {
      URI uri = new URI(value);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw new UsageException(option + " must be an http or https URL, got " + value);
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new UsageException(option + " must be an http or https URL, got " + value);
    }
  }

  private static long number(String option, String value) throws UsageException {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new UsageException(option + " must be a number, got " + value);
    }
  }
}
