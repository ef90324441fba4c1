package org.openbitgo.accesstoken.stub.app;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.openbitgo.accesstoken.contract.ContractFacts;
import org.openbitgo.accesstoken.stub.StubEnvironment;
import org.openbitgo.accesstoken.stub.StubServer;
import org.openbitgo.accesstoken.stub.StubServerConfig;
import org.openbitgo.accesstoken.stub.store.BearerTokenRegistry;

/**
 * {@code java -jar accesstoken-stub-server.jar [options]}: starts the stub server and runs until
 * Ctrl-C or SIGTERM.
 */
public final class StubServerMain {

  /** Exit status of a mistake on the command line. */
  static final int USAGE_ERROR = 2;

  /** Exit status of a failure while starting or running (e.g. the port is in use). */
  static final int RUNTIME_FAILURE = 1;

  /** The line printed under every command-line mistake. */
  static final String USAGE_LINE =
      "Usage: java -jar accesstoken-stub-server.jar [options]   (--help lists the options)";

  static final String USAGE =
      """
      Usage: java -jar accesstoken-stub-server.jar [options]
         or: java @stub-server-app/target/stub-server.args [options]   (from a build of the repository)

        --host H            interface to bind (default 127.0.0.1; 0.0.0.0 for all)
        --port N            port to listen on (default 8080; 0 picks a free one)
        --environment E     test or prod (default test); prod requires ipRestrict, /24 to /32
        --token T           a bearer token to accept (repeatable), each its own user; none: one
                            is generated and printed
        --rate-limit N      requests per minute per bearer token before 429 (default 0: unlimited)
        --max-stored-tokens N
                            created tokens kept in memory, oldest dropped first (default 10000);
                            a dropped token no longer authenticates, lists or revokes
        --provider-states   TEST ONLY: serve POST /_pact/provider-states, Pact's state-change
                            endpoint, so a verifier in any language can set provider states
                            (e.g. accept a bearer token); anyone who reaches the port can use it
        --version           print the contract version this stub implements and exit
        --help              print this and exit

      Every option also takes the --option=value form.
      """;

  /**
   * The options that take a value; {@code --provider-states}, {@code --help}, {@code --version}
   * take none.
   */
  private static final List<String> VALUED_OPTIONS =
      List.of(
          "--host",
          "--port",
          "--environment",
          "--env",
          "--token",
          "--rate-limit",
          "--max-stored-tokens");

  private StubServerMain() {}

  public static void main(String[] args) throws InterruptedException {
    BufferedStandardOutput output = BufferedStandardOutput.install();
    PrintStream stdout = output.stream();
    PrintStream stderr =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    configureLoggingDefaults();
    StubServerConfig config;
    StubServer server;
    try {
      config = configure(List.of(args), stdout, stderr);
      server = listen(config, stderr);
    } catch (Exit exit) {
      output.flushNow();
      System.exit(exit.status);
      return;
    }

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("Stopping the access token stub server ...");
                  server.close();
                  output.flushNow();
                  stopped.countDown();
                },
                "stub-server-shutdown"));
    printBanner(System.out, server, config.acceptedTokens().isEmpty());
    output.flushNow();
    stopped.await();
  }

  /**
   * Reads the command line. Help, the version and every mistake are printed here and end in {@link
   * Exit}: a mistake is one line naming it, then {@link #USAGE_LINE}; never a stack trace.
   */
  static StubServerConfig configure(List<String> args, PrintStream out, PrintStream err)
      throws Exit {
    try {
      return parse(args);
    } catch (HelpRequested e) {
      out.print(USAGE);
      throw new Exit(0);
    } catch (VersionRequested e) {
      out.println(
          "access token stub server, implementing contract version "
              + ContractFacts.contractVersion()
              + " ("
              + ContractFacts.OPERATION_PATH
              + ")");
      throw new Exit(0);
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      err.println(USAGE_LINE);
      throw new Exit(USAGE_ERROR);
    }
  }

  /**
   * Starts the server; a port in use or any other reason it cannot listen is one line on {@code
   * err}.
   */
  static StubServer listen(StubServerConfig config, PrintStream err) throws Exit {
    try {
      return StubServer.start(config, new DocsPage());
    } catch (UncheckedIOException e) {
      err.println("error: " + cannotListen(config, e.getCause()));
      throw new Exit(RUNTIME_FAILURE);
    }
  }

  private static String cannotListen(StubServerConfig config, IOException cause) {
    Throwable reason =
        cause.getCause() != null && !(cause instanceof BindException) ? cause.getCause() : cause;
    if (reason instanceof BindException && String.valueOf(reason.getMessage()).contains("in use")) {
      return "port " + config.port() + " is in use; pick another with --port";
    }
    String why =
        reason.getMessage() != null ? reason.getMessage() : reason.getClass().getSimpleName();
    return "cannot listen on " + config.host() + ":" + config.port() + ": " + why;
  }

  static void printBanner(PrintStream out, StubServer server, boolean tokenGenerated) {
    out.println(
        "Access token stub server ("
            + server.environment()
            + " environment, origin "
            + server.environment().origin()
            + ") listening on "
            + server.baseUri());
    out.println("  POST   " + server.endpointUri() + "        create");
    out.println("  GET    " + server.endpointUri() + "        list (?limit=&prevId=)");
    out.println("  DELETE " + server.endpointUri() + "/{id}   revoke");
    if (server.providerStatesEnabled()) {
      out.println(
          "  POST   "
              + server.providerStatesUri()
              + " (Pact provider states; test only: it can grant bearer tokens)");
    }
    if (tokenGenerated) {
      // printed on purpose: it is a throwaway credential for a local stub, and the caller needs it
      out.println("  Accepted bearer token (generated): " + server.initialTokens().get(0));
    } else {
      out.println(
          "  Accepting " + server.initialTokens().size() + " bearer token(s) given with --token");
    }
    out.println("Press Ctrl-C to stop.");
    out.flush();
  }

  /**
   * The command line as a config. Every mistake is a {@link UsageException} whose message names the
   * option as typed, never a Java name.
   */
  static StubServerConfig parse(List<String> args) {
    StubServerConfig.Builder config = StubServerConfig.builder();
    for (int i = 0; i < args.size(); i++) {
      String option = args.get(i);
      if (!option.startsWith("-")) {
        throw new UsageException("unexpected argument " + option);
      }
      String value = null;
      int equals = option.indexOf('=');
      if (option.startsWith("--") && equals > 0) {
        value = option.substring(equals + 1);
        option = option.substring(0, equals);
      }
      switch (option) {
        case "--help", "-h" -> throw new HelpRequested();
        case "--version" -> throw new VersionRequested();
        case "--provider-states" -> {
          if (value != null) {
            throw new UsageException("--provider-states takes no value");
          }
          config.providerStatesEndpoint(true);
          continue;
        }
        default -> {
          if (!VALUED_OPTIONS.contains(option)) {
            throw new UsageException("unknown option " + option);
          }
        }
      }
      if (value == null) {
        // the next argument is the value, unless there is none or it is the next option
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
          throw new UsageException(option + " needs a value");
        }
        value = args.get(++i);
      }
      apply(config, option, value);
    }
    return config.build();
  }

  private static void apply(StubServerConfig.Builder config, String option, String value) {
    switch (option) {
      case "--host" -> {
        if (value.isBlank()) {
          throw new UsageException("--host needs a value");
        }
        config.host(value);
      }
      case "--port" -> config.port(integer(option, value, 0, 65_535));
      case "--environment", "--env" -> {
        try {
          config.environment(StubEnvironment.fromName(value));
        } catch (IllegalArgumentException e) {
          throw new UsageException(option + " must be test or prod, got \"" + value + "\"");
        }
      }
      case "--token" -> {
        if (!BearerTokenRegistry.isWellFormed(value)) {
          // never the value: it may be a real secret pasted by mistake
          throw new UsageException("--token must be " + ContractFacts.bearerTokenRule());
        }
        config.acceptedToken(value);
      }
      case "--rate-limit" ->
          config.rateLimitPerMinute(integer(option, value, 0, Integer.MAX_VALUE));
      case "--max-stored-tokens" ->
          config.maxStoredTokens(integer(option, value, 1, Integer.MAX_VALUE));
      default -> throw new IllegalStateException("an option without a rule: " + option);
    }
  }

  private static int integer(String option, String value, int min, int max) {
    int number;
    try {
      number = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new UsageException(option + " needs a whole number, got \"" + value + "\"");
    }
    if (number < min || number > max) {
      throw new UsageException(
          option
              + (max == Integer.MAX_VALUE ? " must be ≥ " + min : " must be " + min + " to " + max)
              + ", got "
              + number);
    }
    return number;
  }

  /** slf4j-simple reads its settings from system properties; set readable defaults once. */
  static void configureLoggingDefaults() {
    setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
    setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    setIfAbsent("org.slf4j.simpleLogger.logFile", "System.out");
    setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  /** A mistake on the command line; the message names it as the user typed it. */
  static final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /** The process should end with {@link #status}; what to say has been printed. */
  static final class Exit extends Exception {
    private static final long serialVersionUID = 1L;

    final int status;

    Exit(int status) {
      super("exit " + status, null, false, false);
      this.status = status;
    }
  }

  private static final class HelpRequested extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HelpRequested() {
      super(null, null, false, false);
    }
  }

  private static final class VersionRequested extends RuntimeException {
    private static final long serialVersionUID = 1L;

    VersionRequested() {
      super(null, null, false, false);
    }
  }
}
