package org.openbitgo.accesstoken.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts the servers under test as their own processes and drives valid creates at them. */
final class ServerRuns {

  static final String HOST = "127.0.0.1";

  private final Settings settings;
  private final Path stubArgs;
  private final Path prism;
  private final Path spec;
  private final ProgressLog progress;
  private final String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  ServerRuns(Settings settings, Path stubArgs, Path prism, Path spec, ProgressLog progress) {
    this.settings = settings;
    this.stubArgs = stubArgs;
    this.prism = prism;
    this.spec = spec;
    this.progress = progress;
  }

  /**
   * The README's run command, {@code java @stub-server-app/target/stub-server.args} (the jar, its heap
   * settings and its class-data archive), with the host and token added.
   */
  List<String> stubCommand() {
    return List.of(javaBin, "@" + stubArgs, "--host", HOST, "--token", Payloads.BEARER_TOKEN);
  }

  ServerProcess startStub(String name, List<String> extraJvmFlags)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(stubCommand());
    command.addAll(1, extraJvmFlags);
    return awaitFirst200(ServerProcess.start(name, HOST, command, List.of("--port", "{port}")), 60);
  }

  boolean hasPrism() {
    return prism != null;
  }

  ServerProcess startPrism() throws IOException, InterruptedException {
    // output discarded, like the stub's: Prism logs several lines per request
    List<String> command = List.of(prism.toString(), "mock", "-h", HOST);
    return awaitFirst200(
        ServerProcess.start("prism", HOST, command, List.of("-p", "{port}", spec.toString())), 90);
  }

  /**
   * A canned-response server of {@link CannedServers} on {@code stack}, from this harness's jar.
   */
  ServerProcess startCanned(String stack) throws IOException, InterruptedException {
    List<String> command = List.of(javaBin, "-cp", ownJar(), CannedServers.class.getName(), stack);
    return awaitFirst200(
        ServerProcess.start("canned " + stack, HOST, command, List.of("{port}")), 60);
  }

  String prismVersion() {
    try {
      Path pkg =
          prism
              .toAbsolutePath()
              .getParent()
              .getParent()
              .resolve("@stoplight/prism-cli/package.json");
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(Files.readString(pkg))
          .path("version")
          .asText("?");
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  static BenchmarkReport.ServerStart started(ServerProcess server) {
    return new BenchmarkReport.ServerStart(
        server.name,
        Report.round(server.startupMillis, 1),
        Report.round(server.rssKiB() / 1024.0, 1),
        Proc.threadCount(server.pid()));
  }

  /**
   * Valid creates at 8 connections, not measured: the server's JIT (or V8) compiles its hot paths.
   */
  void warmUp(ServerProcess server) throws InterruptedException {
    progress.line(
        describe(
            LoadGenerator.run(
                    server.name + " warm-up",
                    HOST,
                    server.port,
                    8,
                    0,
                    settings.serverWarmupSeconds(),
                    LoadGenerator.only(validCreate(server.port)))
                .row(null, Double.NaN)));
  }

  /** Valid creates: {@code warmupSeconds} unmeasured, then {@code measureSeconds} measured. */
  LoadGenerator.Row valid(
      ServerProcess server, int connections, double warmupSeconds, double measureSeconds)
      throws InterruptedException {
    Proc.CpuWindow cpu = new Proc.CpuWindow();
    LoadGenerator.Result result =
        LoadGenerator.run(
            server.name,
            HOST,
            server.port,
            connections,
            warmupSeconds,
            measureSeconds,
            LoadGenerator.only(validCreate(server.port)));
    LoadGenerator.Row row = result.row(cpu.finish(), Proc.loadAverage()[0]);
    progress.line(describe(row));
    return row;
  }

  static LoadGenerator.RequestKind validCreate(int port) {
    return new LoadGenerator.RequestKind(
        "valid create",
        Payloads.rawPost(HOST, port, "Bearer " + Payloads.BEARER_TOKEN, Payloads.FULL_REQUEST),
        200);
  }

  static String describe(LoadGenerator.Row r) {
    return String.format(
        java.util.Locale.ROOT,
        "  %-20s x%-3d %10.1f req/s  p50 %.3f ms  p99 %.3f ms  errors %d  closed-by-server %d%s%s",
        r.target(),
        r.connections(),
        r.requestsPerSecond(),
        r.latency().p50Ms(),
        r.latency().p99Ms(),
        r.errors(),
        r.serverClosedConnections(),
        r.cpu() == null
            ? ""
            : "  cpu ours " + r.cpu().thisBenchmark() + " others " + r.cpu().others(),
        r.firstError() == null ? "" : "  first error: " + r.firstError());
  }

  private static ServerProcess awaitFirst200(ServerProcess server, double timeoutSeconds)
      throws IOException, InterruptedException {
    try {
      return server.awaitFirst200(validCreate(server.port).bytes(), timeoutSeconds);
    } catch (IOException | InterruptedException e) {
      server.close();
      throw e;
    }
  }

  private static String ownJar() {
    try {
      return Path.of(
              CannedServers.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
