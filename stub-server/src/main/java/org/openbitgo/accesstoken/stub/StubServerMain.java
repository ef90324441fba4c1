package org.openbitgo.accesstoken.stub;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar accesstoken-stub-server.jar [options]}: starts the stub server and runs until
 * Ctrl-C or SIGTERM.
 */
public final class StubServerMain {

  static final String USAGE =
      """
      Usage: java -jar accesstoken-stub-server.jar [options]

        --host H            interface to bind (default 127.0.0.1; 0.0.0.0 for all)
        --port N            port to listen on (default 8080; 0 picks a free one)
        --environment E     test or prod (default test); prod requires ipRestrict, /24 to /32
        --token T           a bearer token to accept (repeatable); none: one is generated and printed
        --rate-limit N      requests per minute per bearer token before 429 (default 0: unlimited)
        --max-stored-tokens N
                            created tokens kept in memory, oldest dropped first (default 10000)
        --provider-states   TEST ONLY: serve POST /_pact/provider-states, Pact's state-change
                            endpoint, so a verifier in any language can set provider states
                            (e.g. accept a bearer token); anyone who reaches the port can use it
        --help              print this and exit
      """;

  private StubServerMain() {}

  /** How often buffered standard output reaches the terminal or file. */
  static final long STDOUT_FLUSH_MILLIS = 100;

  public static void main(String[] args) throws InterruptedException {
    PrintStream stdout = bufferStandardOutput();
    configureLoggingDefaults();
    StubServerConfig config;
    try {
      config = parse(List.of(args));
    } catch (HelpRequested e) {
      System.out.print(USAGE);
      System.out.flush();
      return;
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }

    StubServer server = StubServer.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("Stopping the access token stub server ...");
                  server.close();
                  stdout.flush();
                  stopped.countDown();
                },
                "stub-server-shutdown"));
    printBanner(System.out, server, config.acceptedTokens().isEmpty());
    stopped.await();
  }

  static void printBanner(PrintStream out, StubServer server, boolean tokenGenerated) {
    out.println(
        "Access token stub server (" + server.environment() + " environment, origin "
            + server.environment().origin() + ") listening on " + server.baseUri());
    out.println("  POST " + server.endpointUri());
    if (server.providerStatesEnabled()) {
      out.println("  POST " + server.baseUri().resolve(ProviderStateEndpoint.PATH)
          + " (Pact provider states; test only: it can grant bearer tokens)");
    }
    if (tokenGenerated) {
      // printed on purpose: it is a throwaway credential for a local stub, and the caller needs it
      out.println("  Accepted bearer token (generated): " + server.initialTokens().get(0));
    } else {
      out.println("  Accepting " + server.initialTokens().size() + " bearer token(s) given with --token");
    }
    out.println("Press Ctrl-C to stop.");
    out.flush();
  }

  static StubServerConfig parse(List<String> args) {
    StubServerConfig.Builder config = StubServerConfig.builder();
    for (int i = 0; i < args.size(); i++) {
      String option = args.get(i);
      String value = null;
      int equals = option.indexOf('=');
      if (option.startsWith("--") && equals > 0) {
        value = option.substring(equals + 1);
        option = option.substring(0, equals);
      }
      if (option.equals("--help") || option.equals("-h")) {
        throw new HelpRequested();
      }
      if (option.equals("--provider-states") && value == null) {
        config.providerStatesEndpoint(true);
        continue;
      }
      if (value == null) {
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException(option + " needs a value");
        }
        value = args.get(++i);
      }
      switch (option) {
        case "--host" -> config.host(value);
        case "--port" -> config.port(integer(option, value));
        case "--environment", "--env" -> config.environment(StubEnvironment.fromName(value));
        case "--token" -> config.acceptedToken(value);
        case "--rate-limit" -> config.rateLimitPerMinute(integer(option, value));
        case "--max-stored-tokens" -> config.maxStoredTokens(integer(option, value));
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    return config.build();
  }

  private static int integer(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a whole number, got \"" + value + "\"");
    }
  }

  /**
   * One access-log line per request: written through to the file descriptor, each line would be a
   * system call, which cost the stub about a third of its throughput. Standard output is buffered
   * instead and flushed every {@value #STDOUT_FLUSH_MILLIS} ms, and when the server stops.
   */
  private static PrintStream bufferStandardOutput() {
    PrintStream buffered = new PrintStream(
        new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024), false,
        StandardCharsets.UTF_8);
    System.setOut(buffered);
    ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "stdout-flush");
      thread.setDaemon(true);
      return thread;
    });
    flusher.scheduleWithFixedDelay(buffered::flush, STDOUT_FLUSH_MILLIS, STDOUT_FLUSH_MILLIS,
        TimeUnit.MILLISECONDS);
    return buffered;
  }

  /** slf4j-simple reads its settings from system properties; set readable defaults once. */
  private static void configureLoggingDefaults() {
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

  private static final class HelpRequested extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HelpRequested() {
      super(null, null, false, false);
    }
  }
}
