package org.openbitgo.accesstoken.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark in one go and writes {@code benchmark-report.md} and {@code .json}:
 *
 * <ol>
 *   <li>stub server startup (process start to first 200), several fresh processes;
 *   <li>stub server and Prism, interleaved, at 1, 8 and 32 keep-alive connections (raw sockets);
 *   <li>the stub without its per-request log line (where time goes);
 *   <li>the Feign client against a plain HttpClient, 1 and 8 threads;
 *   <li>a soak of the stub at 64 connections with valid and invalid requests, RSS every second;
 *   <li>JMH: JSON with the generated models vs a JsonNode tree.
 * </ol>
 *
 * Started by {@code benchmarks/run.sh}; {@code --quick} shortens every phase to smoke-test it.
 */
public final class BenchmarkMain {

  private static final String HOST = "127.0.0.1";

  /** Durations of one mode. */
  record Settings(
      String mode,
      double serverWarmupSeconds,
      double warmupSeconds,
      double measureSeconds,
      int[] connections,
      int startupRuns,
      double clientWarmupSeconds,
      double clientMeasureSeconds,
      int clientRounds,
      int[] clientThreads,
      int soakConnections,
      double soakSeconds,
      double soakRssWindowSeconds,
      int jmhForks,
      int jmhWarmupIterations,
      int jmhMeasurementIterations) {

    static Settings full() {
      return new Settings("full", 20, 5, 10, new int[] {1, 8, 32}, 3, 3, 5, 2, new int[] {1, 8}, 64, 60, 10, 1, 5, 5);
    }

    static Settings quick() {
      return new Settings("quick", 3, 1, 2, new int[] {1, 8, 32}, 1, 1, 1, 2, new int[] {1, 8}, 64, 10, 3, 1, 1, 2);
    }

    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("mode", mode);
      m.put("serverWarmupSeconds", serverWarmupSeconds);
      m.put("serverWarmup", "each server process gets this long of valid creates at 8 connections before its first measured row (JIT)");
      m.put("loadWarmupSeconds", warmupSeconds);
      m.put("loadMeasureSeconds", measureSeconds);
      m.put("loadConnections", connections);
      m.put("loadClient", "closed loop, one raw-socket HTTP/1.1 keep-alive connection per thread, TCP_NODELAY");
      m.put("startupRuns", startupRuns);
      m.put("clientWarmupSeconds", clientWarmupSeconds);
      m.put("clientMeasureSecondsPerRound", clientMeasureSeconds);
      m.put("clientRounds", clientRounds);
      m.put("clientThreads", clientThreads);
      m.put("soakConnections", soakConnections);
      m.put("soakSeconds", soakSeconds);
      m.put("soakMix", "80% valid create (200), 10% invalid body (400), 10% wrong/missing bearer (401)");
      m.put("soakRssWindowSeconds", soakRssWindowSeconds);
      m.put("soakRssFlatTolerancePercent", 15);
      m.put("jmh", "forks " + jmhForks + ", warmup " + jmhWarmupIterations + " x 1 s, measurement "
          + jmhMeasurementIterations + " x 1 s, mode AverageTime");
      return m;
    }
  }

  private final Settings settings;
  private final Path stubJar;
  private final Path prism;
  private final Path spec;
  private final Path out;
  private final String javaBin;
  private final Map<String, Object> report = new LinkedHashMap<>();
  private final StringBuilder md = new StringBuilder();
  private final List<double[]> loadSamples = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private BenchmarkMain(Settings settings, Path stubJar, Path prism, Path spec, Path out) {
    this.settings = settings;
    this.stubJar = stubJar;
    this.prism = prism;
    this.spec = spec;
    this.out = out;
    this.javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.full();
    Path stubJar = Path.of("server-stubs/target/accesstoken-stub-server.jar");
    Path prism = Path.of("benchmarks/target/prism/node_modules/.bin/prism");
    Path spec = Path.of("openapi/src/main/resources/openapi/access-token.yaml");
    Path out = Path.of("benchmarks/target");
    boolean noPrism = false;
    boolean noJmh = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> settings = Settings.quick();
        case "--stub-jar" -> stubJar = Path.of(args[++i]);
        case "--prism" -> prism = Path.of(args[++i]);
        case "--no-prism" -> noPrism = true;
        case "--no-jmh" -> noJmh = true;
        case "--spec" -> spec = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--drive-client" -> {
          // profiling aid: one client variant (feign | plain | jackson) against a running server
          String variant = args[++i];
          int port = Integer.parseInt(args[++i]);
          int threads = Integer.parseInt(args[++i]);
          double seconds = Double.parseDouble(args[++i]);
          ClientComparison.Variants v = new ClientComparison.Variants(java.net.URI.create("http://" + HOST + ":" + port + "/"));
          ClientComparison.Caller c = switch (variant) {
            case "feign" -> v.feign();
            case "plain" -> v.plain();
            default -> v.plainWithJackson();
          };
          System.out.println(ClientComparison.summarize(variant, threads, 0,
              List.of(ClientComparison.run(variant, c, threads, 0, seconds))));
          return;
        }
        case "--drive" -> {
          // profiling aid: valid creates against an already running server, then exit
          int port = Integer.parseInt(args[++i]);
          int connections = Integer.parseInt(args[++i]);
          double seconds = Double.parseDouble(args[++i]);
          LoadGenerator.RequestKind kind = new LoadGenerator.RequestKind("valid create",
              Payloads.rawPost(HOST, port, "Bearer " + Payloads.BEARER_TOKEN, Payloads.FULL_REQUEST), 200);
          LoadGenerator.Result r = LoadGenerator.run("drive", HOST, port, connections, 0, seconds, LoadGenerator.only(kind));
          System.out.println(describe(r, new double[] {Double.NaN, Double.NaN, Double.NaN}));
          return;
        }
        default -> {
          System.err.println("unknown option " + args[i]
              + "\nusage: [--quick] [--stub-jar J] [--prism P | --no-prism] [--no-jmh] [--spec S] [--out DIR] | --drive PORT CONNECTIONS SECONDS");
          System.exit(2);
        }
      }
    }
    BenchmarkMain main = new BenchmarkMain(settings, stubJar, noPrism ? null : prism, spec, out);
    main.run(noJmh);
  }

  private void run(boolean noJmh) throws Exception {
    long runStart = System.nanoTime();
    AtomicBoolean done = new AtomicBoolean();
    Thread loadSampler = new Thread(() -> {
      long deadline = System.nanoTime() + 3_600_000_000_000L; // never more than an hour
      while (!done.get() && System.nanoTime() < deadline) {
        double[] l = Proc.loadAverage();
        synchronized (loadSamples) {
          loadSamples.add(l);
        }
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "loadavg-sampler");
    loadSampler.setDaemon(true);
    double[] loadAtStart = Proc.loadAverage();
    loadSampler.start();

    String started = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    report.put("generatedAt", started);
    report.put("settings", settings.toMap());
    log("Benchmarks (" + settings.mode() + "), load average at start " + Arrays.toString(loadAtStart));

    byte[] validStub;
    Map<String, Object> startup = new LinkedHashMap<>();
    report.put("startup", startup);

    // 1. startup of fresh stub processes
    List<Double> startupMs = new ArrayList<>();
    List<Long> idleRss = new ArrayList<>();
    for (int i = 0; i < settings.startupRuns(); i++) {
      try (ServerProcess s = startStub("stub-startup-" + i, List.of())) {
        startupMs.add(round1(s.startupMillis));
        Thread.sleep(300);
        idleRss.add(s.rssKiB());
        log("  stub startup run " + (i + 1) + ": " + f1(s.startupMillis) + " ms to first 200, RSS " + mib(s.rssKiB()));
      }
    }
    Map<String, Object> stubStartup = new LinkedHashMap<>();
    stubStartup.put("command", "java " + String.join(" ", STUB_JVM_FLAGS) + " -jar accesstoken-stub-server.jar --host 127.0.0.1 --port P --token bench-token");
    stubStartup.put("runsMs", startupMs);
    stubStartup.put("medianMs", median(startupMs));
    stubStartup.put("rssAfterFirst200MiB", idleRss.stream().map(k -> round1(k / 1024.0)).toList());
    startup.put("stub", stubStartup);

    // 2. stub and Prism, interleaved per concurrency
    ServerProcess stub = startStub("stub", List.of());
    ServerProcess prismServer = null;
    if (prism != null) {
      prismServer = startPrism();
      Map<String, Object> ps = new LinkedHashMap<>();
      ps.put("command", "prism mock -h 127.0.0.1 -p P access-token.yaml (Prism " + prismVersion() + ")");
      ps.put("startupMs", round1(prismServer.startupMillis));
      ps.put("rssAfterFirst200MiB", round1(prismServer.rssKiB() / 1024.0));
      startup.put("prism", ps);
      log("  prism startup: " + f1(prismServer.startupMillis) + " ms to first 200");
    } else {
      notes.add("Prism was skipped (--no-prism): no Prism columns or ratios.");
    }

    serverWarmup(stub);
    if (prismServer != null) {
      serverWarmup(prismServer);
    }
    List<Map<String, Object>> throughput = new ArrayList<>();
    report.put("throughput", throughput);
    Map<Integer, LoadGenerator.Result> stubResults = new LinkedHashMap<>();
    Map<Integer, LoadGenerator.Result> prismResults = new LinkedHashMap<>();
    Map<Integer, double[]> stubCpu = new LinkedHashMap<>();
    Map<Integer, double[]> prismCpu = new LinkedHashMap<>();
    for (int c : settings.connections()) {
      Proc.CpuWindow w = new Proc.CpuWindow();
      LoadGenerator.Result sr = valid(stub, c);
      stubCpu.put(c, w.finish());
      stubResults.put(c, sr);
      log(describe(sr, stubCpu.get(c)));
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("connections", c);
      Map<String, Object> sm = sr.toMap();
      sm.put("cpuCores", cpuMap(stubCpu.get(c)));
      row.put("stub", sm);
      if (prismServer != null) {
        Proc.CpuWindow pw = new Proc.CpuWindow();
        LoadGenerator.Result pr = valid(prismServer, c);
        prismCpu.put(c, pw.finish());
        prismResults.put(c, pr);
        log(describe(pr, prismCpu.get(c)));
        Map<String, Object> pm = pr.toMap();
        pm.put("cpuCores", cpuMap(prismCpu.get(c)));
        row.put("prism", pm);
        row.put("throughputRatioStubToPrism", Report.round(sr.requestsPerSecond / pr.requestsPerSecond, 2));
        row.put("p50RatioPrismToStub", Report.round(pr.latency.p50Ms / sr.latency.p50Ms, 2));
        row.put("p99RatioPrismToStub", Report.round(pr.latency.p99Ms / sr.latency.p99Ms, 2));
      }
      throughput.add(row);
    }
    long stubRssAfterLoad = stub.rssKiB();
    Long prismRssAfterLoad = prismServer == null ? null : prismServer.rssKiB();
    if (prismServer != null) {
      prismServer.close();
    }

    // 3. the client comparison, same stub process
    List<Map<String, Object>> clientRows = new ArrayList<>();
    Map<String, Object> client = new LinkedHashMap<>();
    client.put("server", "the same stub server process as the throughput runs");
    client.put("rows", clientRows);
    report.put("client", client);
    ClientComparison.Variants variants = new ClientComparison.Variants(stub.process == null ? null
        : java.net.URI.create("http://" + HOST + ":" + stub.port + "/"));
    ClientComparison.smoke(variants.feign(), variants.plain(), variants.plainWithJackson());
    List<Object[]> clientRatios = new ArrayList<>();
    for (int t : settings.clientThreads()) {
      // each variant warms up once, then the variants take turns, round after round, so that a
      // change in the machine's background load hits all of them alike
      String[] names = {"plain HttpClient (bytes)", "Feign AccessTokenClient", "plain HttpClient + Jackson models"};
      ClientComparison.Caller[] callers = {variants.plain(), variants.feign(), variants.plainWithJackson()};
      List<List<ClientComparison.Sample>> samples = new ArrayList<>();
      for (int v = 0; v < callers.length; v++) {
        ClientComparison.run(names[v], callers[v], t, 0, settings.clientWarmupSeconds());
        samples.add(new ArrayList<>());
      }
      for (int round = 0; round < settings.clientRounds(); round++) {
        for (int v = 0; v < callers.length; v++) {
          samples.get(v).add(ClientComparison.run(names[v], callers[v], t, 0, settings.clientMeasureSeconds()));
        }
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int v = 0; v < callers.length; v++) {
        rows.add(ClientComparison.summarize(names[v], t, settings.clientWarmupSeconds(), samples.get(v)));
      }
      double plainRps = (double) rows.get(0).get("requestsPerSecond");
      double feignRps = (double) rows.get(1).get("requestsPerSecond");
      double jacksonRps = (double) rows.get(2).get("requestsPerSecond");
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("threads", t);
      row.put("variants", rows);
      row.put("ratioFeignToPlain", Report.round(feignRps / plainRps, 3));
      row.put("ratioFeignToPlainWithJackson", Report.round(feignRps / jacksonRps, 3));
      clientRows.add(row);
      clientRatios.add(new Object[] {t, rows, feignRps / plainRps, feignRps / jacksonRps});
      for (Map<String, Object> r : rows) {
        log("  client " + r.get("client") + " x" + t + ": " + r.get("requestsPerSecond") + " req/s, p50 "
            + ((Map<?, ?>) r.get("latency")).get("p50Ms") + " ms, errors " + r.get("errors"));
      }
    }
    long stubRssAfterAll = stub.rssKiB();
    stub.close();
    Map<String, Object> rss = new LinkedHashMap<>();
    rss.put("stubAfterThroughputRunsMiB", round1(stubRssAfterLoad / 1024.0));
    rss.put("stubAfterClientRunsMiB", round1(stubRssAfterAll / 1024.0));
    if (prismRssAfterLoad != null) {
      rss.put("prismAfterThroughputRunsMiB", round1(prismRssAfterLoad / 1024.0));
    }
    report.put("residentMemory", rss);

    // 4. where the stub's time goes: the same load without the per-request access log line
    Map<Integer, LoadGenerator.Result> quietResults = new LinkedHashMap<>();
    try (ServerProcess quiet = startStub("stub-no-access-log",
        List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"))) {
      serverWarmup(quiet);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int c : new int[] {1, 32}) {
        Proc.CpuWindow w = new Proc.CpuWindow();
        LoadGenerator.Result r = valid(quiet, c);
        double[] cpu = w.finish();
        quietResults.put(c, r);
        log(describe(r, cpu));
        Map<String, Object> m = r.toMap();
        m.put("cpuCores", cpuMap(cpu));
        if (stubResults.containsKey(c)) {
          m.put("throughputRatioToDefaultStub", Report.round(r.requestsPerSecond / stubResults.get(c).requestsPerSecond, 3));
        }
        rows.add(m);
      }
      Map<String, Object> inv = new LinkedHashMap<>();
      inv.put("what", "the stub started with -Dorg.slf4j.simpleLogger.defaultLogLevel=warn (no per-request access log line)");
      inv.put("rows", rows);
      report.put("stubWithoutAccessLog", inv);
    }

    // 5. soak
    Map<String, Object> soak = soak();
    report.put("soak", soak);

    // 6. JMH
    List<Map<String, Object>> jmh = new ArrayList<>();
    if (!noJmh) {
      jmh = jmh();
      report.put("jmh", jmh);
    } else {
      notes.add("JMH was skipped (--no-jmh).");
    }

    done.set(true);
    double[] loadAtEnd = Proc.loadAverage();
    double maxLoad = 0;
    double sumLoad = 0;
    int nLoad;
    synchronized (loadSamples) {
      for (double[] l : loadSamples) {
        maxLoad = Math.max(maxLoad, l[0]);
        sumLoad += l[0];
      }
      nLoad = loadSamples.size();
    }
    Map<String, Object> machine = machine(loadAtStart, loadAtEnd, maxLoad, nLoad == 0 ? Double.NaN : sumLoad / nLoad);
    Map<String, Object> ordered = new LinkedHashMap<>();
    ordered.put("generatedAt", report.remove("generatedAt"));
    ordered.put("durationSeconds", round1((System.nanoTime() - runStart) / 1e9));
    ordered.put("machine", machine);
    ordered.putAll(report);
    List<Map<String, Object>> targets = targets(stubResults, prismResults, clientRatios, soak);
    ordered.put("targets", targets);
    ordered.put("notes", notes);

    markdown(ordered, machine, stubResults, prismResults, stubCpu, prismCpu, quietResults, clientRatios, soak, jmh,
        targets, startup, rss);
    Report.writeJson(out.resolve("benchmark-report.json"), ordered);
    Report.writeMarkdown(out.resolve("benchmark-report.md"), md.toString());
    log("Report: " + out.resolve("benchmark-report.md") + " and " + out.resolve("benchmark-report.json"));
    System.out.println();
    System.out.println(md);
  }

  // ---------------------------------------------------------------------------------------------

  /** The JVM flags of the README's run command: the stub's live heap is ~20 MiB. */
  static final List<String> STUB_JVM_FLAGS = List.of("-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch");

  private ServerProcess startStub(String name, List<String> jvmFlags) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBin);
    cmd.addAll(STUB_JVM_FLAGS);
    cmd.addAll(jvmFlags);
    cmd.add("-jar");
    cmd.add(stubJar.toString());
    cmd.add("--host");
    cmd.add(HOST);
    cmd.add("--token");
    cmd.add(Payloads.BEARER_TOKEN);
    ServerProcess s = ServerProcess.start(name, HOST, cmd, List.of("--port", "{port}"), null);
    try {
      return s.awaitFirst200(Payloads.rawPost(HOST, s.port, "Bearer " + Payloads.BEARER_TOKEN, Payloads.FULL_REQUEST), 60);
    } catch (IOException | InterruptedException e) {
      s.close();
      throw e;
    }
  }

  private ServerProcess startPrism() throws IOException, InterruptedException {
    List<String> cmd = List.of(prism.toString(), "mock", "-h", HOST);
    // output discarded, like the stub's: Prism logs several lines per request
    ServerProcess s = ServerProcess.start("prism", HOST, cmd, List.of("-p", "{port}", spec.toString()), null);
    try {
      return s.awaitFirst200(Payloads.rawPost(HOST, s.port, "Bearer " + Payloads.BEARER_TOKEN, Payloads.FULL_REQUEST), 90);
    } catch (IOException | InterruptedException e) {
      s.close();
      throw e;
    }
  }

  private String prismVersion() {
    try {
      Path pkg = prism.toAbsolutePath().getParent().getParent().resolve("@stoplight/prism-cli/package.json");
      String json = java.nio.file.Files.readString(pkg);
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("version").asText("?");
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  /** Valid creates at 8 connections, not measured: lets the server's JIT (or V8) compile the hot paths. */
  private void serverWarmup(ServerProcess server) throws InterruptedException {
    LoadGenerator.RequestKind kind = new LoadGenerator.RequestKind("valid create",
        Payloads.rawPost(HOST, server.port, "Bearer " + Payloads.BEARER_TOKEN, Payloads.FULL_REQUEST), 200);
    LoadGenerator.Result r = LoadGenerator.run(server.name + "-warmup", HOST, server.port, 8, 0,
        settings.serverWarmupSeconds(), LoadGenerator.only(kind));
    log(describe(r, new double[] {Double.NaN, Double.NaN, Double.NaN}));
  }

  private LoadGenerator.Result valid(ServerProcess server, int connections) throws InterruptedException {
    LoadGenerator.RequestKind kind = new LoadGenerator.RequestKind("valid create",
        Payloads.rawPost(HOST, server.port, "Bearer " + Payloads.BEARER_TOKEN, Payloads.FULL_REQUEST), 200);
    return LoadGenerator.run(server.name, HOST, server.port, connections, settings.warmupSeconds(),
        settings.measureSeconds(), LoadGenerator.only(kind));
  }

  private Map<String, Object> soak() throws IOException, InterruptedException {
    Map<String, Object> soak = new LinkedHashMap<>();
    // GC logging only observes (it changes no GC setting): it tells heap growth from a leak
    Path gcLog = out.resolve("soak-stub-gc.log");
    java.nio.file.Files.deleteIfExists(gcLog);
    try (ServerProcess s = startStub("stub-soak", List.of("-Xlog:gc:file=" + gcLog + ":uptime"))) {
      List<LoadGenerator.RequestKind> kinds = new ArrayList<>();
      kinds.add(new LoadGenerator.RequestKind("valid create",
          Payloads.rawPost(HOST, s.port, "Bearer " + Payloads.BEARER_TOKEN, Payloads.FULL_REQUEST), 200));
      for (int i = 0; i < Payloads.INVALID_BODIES.length; i++) {
        kinds.add(new LoadGenerator.RequestKind("invalid body " + (i + 1),
            Payloads.rawPost(HOST, s.port, "Bearer " + Payloads.BEARER_TOKEN, Payloads.INVALID_BODIES[i]), 400));
      }
      kinds.add(new LoadGenerator.RequestKind("unknown bearer token",
          Payloads.rawPost(HOST, s.port, "Bearer not-" + Payloads.BEARER_TOKEN, Payloads.FULL_REQUEST), 401));
      kinds.add(new LoadGenerator.RequestKind("no Authorization header",
          Payloads.rawPost(HOST, s.port, null, Payloads.FULL_REQUEST), 401));
      int invalidBodies = Payloads.INVALID_BODIES.length;
      LoadGenerator.Mix mix = new LoadGenerator.Mix() {
        @Override
        public LoadGenerator.RequestKind next(int worker, long step) {
          // per connection, every 10 requests: 8 valid, 1 invalid body, 1 without a usable token
          long slot = (step + worker) % 10;
          if (slot < 8) {
            return kinds.get(0);
          }
          long round = (step + worker) / 10;
          if (slot == 8) {
            return kinds.get(1 + (int) (round % invalidBodies));
          }
          return kinds.get(1 + invalidBodies + (int) (round % 2));
        }

        @Override
        public List<LoadGenerator.RequestKind> kinds() {
          return kinds;
        }
      };

      // Like every server process here, the soak's first gets unmeasured load of the same mix (JIT,
      // code cache, heap regions touched): the RSS windows then compare steady state with steady
      // state. Its errors still count.
      LoadGenerator.Result warmup = LoadGenerator.run("stub-soak-warmup", HOST, s.port,
          settings.soakConnections(), 0, settings.serverWarmupSeconds(), mix);
      soak.put("warmupSeconds", settings.serverWarmupSeconds());
      soak.put("warmupRequests", warmup.totalRequests);
      soak.put("warmupErrors", warmup.connectionErrors + warmup.unexpectedStatuses);
      soak.put("warmup5xx", warmup.serverErrors5xx);
      soak.put("rssAfterWarmupMiB", round1(s.rssKiB() / 1024.0));
      soak.put("liveHeapAfterWarmupMiB", liveHeapMiB(s, gcLog));

      List<double[]> rssSamples = new ArrayList<>(); // {secondsSinceStart, MiB}
      AtomicBoolean stop = new AtomicBoolean();
      long t0 = System.nanoTime();
      long bound = t0 + (long) ((settings.soakSeconds() + 30) * 1e9);
      Thread sampler = new Thread(() -> {
        long next = t0;
        while (!stop.get() && System.nanoTime() < bound) {
          long kib = s.rssKiB();
          synchronized (rssSamples) {
            rssSamples.add(new double[] {(System.nanoTime() - t0) / 1e9, kib / 1024.0});
          }
          next += 1_000_000_000L;
          long sleep = (next - System.nanoTime()) / 1_000_000;
          if (sleep > 0) {
            try {
              Thread.sleep(sleep);
            } catch (InterruptedException e) {
              return;
            }
          }
        }
      }, "rss-sampler");
      sampler.setDaemon(true);
      sampler.start();
      Proc.CpuWindow w = new Proc.CpuWindow();
      LoadGenerator.Result r = LoadGenerator.run("stub-soak", HOST, s.port, settings.soakConnections(), 0,
          settings.soakSeconds(), mix);
      double[] cpu = w.finish();
      stop.set(true);
      sampler.join(5000);
      long rssAfter = s.rssKiB();
      // The live set, by a full GC after the soak (outside the measured window): what a leak would grow.
      soak.put("liveHeapAfterSoakMiB", liveHeapMiB(s, gcLog));
      // JVM uptime (≈ seconds since process start) at which the soak began
      double soakStartUptime = (t0 - s.startNanos) / 1e9;

      double window = settings.soakRssWindowSeconds();
      double first = 0;
      double last = 0;
      int nFirst = 0;
      int nLast = 0;
      List<Double> series = new ArrayList<>();
      double peak = 0;
      synchronized (rssSamples) {
        for (double[] sample : rssSamples) {
          // sample at t covers the second before it; the first sample (t=0) is the idle server
          if (sample[0] > 0.5 && sample[0] <= window + 0.5) {
            first += sample[1];
            nFirst++;
          }
          if (sample[0] > settings.soakSeconds() - window + 0.5 && sample[0] <= settings.soakSeconds() + 0.5) {
            last += sample[1];
            nLast++;
          }
          series.add(round1(sample[1]));
          peak = Math.max(peak, sample[1]);
        }
      }
      first = nFirst == 0 ? Double.NaN : first / nFirst;
      last = nLast == 0 ? Double.NaN : last / nLast;
      double ratio = last / first;
      long errors = r.connectionErrors + r.unexpectedStatuses + warmup.connectionErrors + warmup.unexpectedStatuses;
      soak.putAll(r.toMap());
      soak.put("cpuCores", cpuMap(cpu));
      soak.put("errors", errors);
      soak.put("rssFirstWindowAvgMiB", round1(first));
      soak.put("rssLastWindowAvgMiB", round1(last));
      soak.put("rssLastToFirstRatio", Report.round(ratio, 3));
      soak.put("rssFlat", Math.abs(ratio - 1) <= 0.15);
      soak.put("rssPeakMiB", round1(peak));
      soak.put("rssAfterMiB", round1(rssAfter / 1024.0));
      soak.put("rssEverySecondMiB", series);
      soak.put("storedTokensBound", 10_000);
      soak.put("heapFromGcLog", gcSummary(gcLog, soakStartUptime, settings.soakSeconds(), window));
      log("  soak: " + r.totalRequests + " requests, " + f1(r.requestsPerSecond) + " req/s, errors " + errors
          + " (connection " + r.connectionErrors + ", unexpected " + r.unexpectedStatuses + "), 5xx "
          + r.serverErrors5xx + ", RSS first " + f1(first) + " MiB, last " + f1(last) + " MiB");
    }
    return soak;
  }

  /**
   * From the stub's {@code -Xlog:gc} lines ("[12.3s] GC(4) Pause Young ... 250M->31M(512M) 3.4ms"):
   * heap in use after each collection (the live set plus survivors) and the committed heap, in the
   * first and the last window of the soak.
   */
  /**
   * Heap still in use after a full GC of the server ({@code jcmd PID GC.run}), read back from its
   * GC log: the live set. Null when jcmd is not available.
   */
  private Double liveHeapMiB(ServerProcess server, Path gcLog) throws InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    if (!java.nio.file.Files.isExecutable(jcmd)) {
      return null;
    }
    try {
      Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(server.pid()), "GC.run")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      Thread.sleep(200); // let the log line reach the file
      java.util.regex.Pattern full = java.util.regex.Pattern.compile("Pause Full.*?(\\d+)M->(\\d+)M\\((\\d+)M\\)");
      Double live = null;
      for (String line : java.nio.file.Files.readAllLines(gcLog)) {
        java.util.regex.Matcher m = full.matcher(line);
        if (m.find()) {
          live = Double.parseDouble(m.group(2));
        }
      }
      return live;
    } catch (IOException e) {
      return null;
    }
  }

  private static Map<String, Object> gcSummary(Path gcLog, double soakStart, double soakSeconds, double window) {
    Map<String, Object> m = new LinkedHashMap<>();
    java.util.regex.Pattern p = java.util.regex.Pattern.compile(
        "^\\[(\\d+[.,]\\d+)s\\].*Pause.*?(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    List<double[]> gcs = new ArrayList<>(); // {secondsIntoSoak, afterMiB, committedMiB}
    try {
      for (String line : java.nio.file.Files.readAllLines(gcLog)) {
        java.util.regex.Matcher mt = p.matcher(line);
        if (mt.find()) {
          double t = Double.parseDouble(mt.group(1).replace(',', '.')) - soakStart;
          if (t >= 0 && t <= soakSeconds + 1) {
            gcs.add(new double[] {t, Double.parseDouble(mt.group(3)), Double.parseDouble(mt.group(4))});
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      m.put("error", "no GC log: " + e);
      return m;
    }
    double[] first = windowStats(gcs, 0, window);
    double[] last = windowStats(gcs, soakSeconds - window, soakSeconds + 1);
    m.put("collectionsDuringSoak", gcs.size());
    m.put("heapAfterGcFirstWindowAvgMiB", round1(first[0]));
    m.put("heapAfterGcLastWindowAvgMiB", round1(last[0]));
    m.put("committedHeapFirstWindowMaxMiB", round1(first[1]));
    m.put("committedHeapLastWindowMaxMiB", round1(last[1]));
    return m;
  }

  /** {mean heap after GC, max committed} of the collections in [from, to). */
  private static double[] windowStats(List<double[]> gcs, double from, double to) {
    double sum = 0;
    double committed = 0;
    int n = 0;
    for (double[] g : gcs) {
      if (g[0] >= from && g[0] < to) {
        sum += g[1];
        committed = Math.max(committed, g[2]);
        n++;
      }
    }
    return new double[] {n == 0 ? Double.NaN : sum / n, n == 0 ? Double.NaN : committed};
  }

  private List<Map<String, Object>> jmh() throws Exception {
    log("JMH (" + settings.jmhWarmupIterations() + " x 1 s warm-up, " + settings.jmhMeasurementIterations()
        + " x 1 s measurement, " + settings.jmhForks() + " fork) ...");
    Options opt = new OptionsBuilder()
        .include(JsonBenchmarks.class.getName() + "\\.")
        .forks(settings.jmhForks())
        .warmupIterations(settings.jmhWarmupIterations())
        .warmupTime(TimeValue.seconds(1))
        .measurementIterations(settings.jmhMeasurementIterations())
        .measurementTime(TimeValue.seconds(1))
        .jvmArgsAppend("-Xms256m", "-Xmx256m")
        .output(out.resolve("jmh.log").toString())
        .build();
    Collection<RunResult> results = new Runner(opt).run();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      name = name.substring(name.lastIndexOf('.') + 1);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("benchmark", name);
      m.put("score", Report.round(r.getPrimaryResult().getScore(), 1));
      m.put("error", Report.round(r.getPrimaryResult().getScoreError(), 1));
      m.put("unit", r.getPrimaryResult().getScoreUnit());
      rows.add(m);
      log("  " + name + ": " + f1(r.getPrimaryResult().getScore()) + " ± " + f1(r.getPrimaryResult().getScoreError())
          + " " + r.getPrimaryResult().getScoreUnit());
    }
    rows.sort((a, b) -> ((String) a.get("benchmark")).compareTo((String) b.get("benchmark")));
    return rows;
  }

  private Map<String, Object> machine(double[] loadStart, double[] loadEnd, double maxLoad, double meanLoad) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("cpuModel", Proc.cpuModel());
    m.put("memoryGiB", round1(Proc.memTotalKiB() / 1024.0 / 1024.0));
    m.put("os", Proc.osPrettyName() + " (" + System.getProperty("os.name") + " " + System.getProperty("os.version")
        + ", " + System.getProperty("os.arch") + ")");
    m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
        + " (" + System.getProperty("java.vm.vendor") + ")");
    m.put("javaUsedForStub", javaBin);
    Map<String, Object> load = new LinkedHashMap<>();
    load.put("atStart", loadStart);
    load.put("atEnd", loadEnd);
    load.put("max1MinDuringRun", Report.round(maxLoad, 2));
    load.put("mean1MinDuringRun", Report.round(meanLoad, 2));
    load.put("note", "load average includes this benchmark's own processes; see cpuCores.others per phase for"
        + " CPU used by other processes (parallel builds) during each measurement");
    m.put("loadAverage", load);
    return m;
  }

  private List<Map<String, Object>> targets(
      Map<Integer, LoadGenerator.Result> stub, Map<Integer, LoadGenerator.Result> prism,
      List<Object[]> clientRatios, Map<String, Object> soak) {
    List<Map<String, Object>> t = new ArrayList<>();
    LoadGenerator.Result s32 = stub.get(32);
    LoadGenerator.Result p32 = prism.get(32);
    if (s32 != null && p32 != null) {
      double ratio = s32.requestsPerSecond / p32.requestsPerSecond;
      boolean met = ratio >= 10 && s32.latency.p99Ms < p32.latency.p99Ms;
      t.add(target("stub >= 10x Prism throughput at 32 connections, with a lower p99", met,
          "ratio " + f1(ratio) + "x; p99 stub " + f2(s32.latency.p99Ms) + " ms vs Prism " + f2(p32.latency.p99Ms) + " ms"));
    }
    for (Object[] row : clientRatios) {
      double ratio = (double) row[2];
      t.add(target("Feign client >= 1/1.2 (0.833) of plain HttpClient throughput, " + row[0] + " thread(s)",
          ratio >= 1 / 1.2, "Feign/plain = " + f2(ratio)));
    }
    LoadGenerator.Result s1 = stub.get(1);
    if (s1 != null) {
      t.add(target("create round trip median < 1 ms at 1 connection", s1.latency.p50Ms < 1.0,
          "p50 " + f2(s1.latency.p50Ms) + " ms"));
    }
    long errors = (long) soak.getOrDefault("errors", -1L);
    long fiveXx = (long) soak.getOrDefault("serverErrors5xx", -1L) + (long) soak.getOrDefault("warmup5xx", 0L);
    t.add(target("soak: zero errors and zero 5xx", errors == 0 && fiveXx == 0,
        "errors " + errors + ", 5xx " + fiveXx));
    t.add(target("soak: RSS flat (last window within 15 % of first)", Boolean.TRUE.equals(soak.get("rssFlat")),
        "last/first = " + soak.get("rssLastToFirstRatio")));
    return t;
  }

  private static Map<String, Object> target(String what, boolean met, String measured) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("target", what);
    m.put("met", met);
    m.put("measured", measured);
    return m;
  }

  // ------------------------------------------------------------------------------------- Markdown

  @SuppressWarnings("unchecked")
  private void markdown(
      Map<String, Object> all, Map<String, Object> machine,
      Map<Integer, LoadGenerator.Result> stub, Map<Integer, LoadGenerator.Result> prismR,
      Map<Integer, double[]> stubCpu, Map<Integer, double[]> prismCpu,
      Map<Integer, LoadGenerator.Result> quiet, List<Object[]> clientRatios,
      Map<String, Object> soak, List<Map<String, Object>> jmh, List<Map<String, Object>> targets,
      Map<String, Object> startup, Map<String, Object> rss) {
    Map<String, Object> load = (Map<String, Object>) machine.get("loadAverage");
    md.append("# Benchmark report (").append(settings.mode()).append(" run)\n\n");
    md.append("Generated ").append(all.get("generatedAt")).append(" in ").append(all.get("durationSeconds"))
        .append(" s by `bash benchmarks/run.sh").append(settings.mode().equals("quick") ? " --quick" : "")
        .append("`.\n\n");
    md.append("| machine | |\n|---|---|\n");
    md.append("| cores | ").append(machine.get("cores")).append(" (").append(machine.get("cpuModel")).append(") |\n");
    md.append("| memory | ").append(machine.get("memoryGiB")).append(" GiB |\n");
    md.append("| OS | ").append(machine.get("os")).append(" |\n");
    md.append("| Java | ").append(machine.get("java")).append(" |\n");
    md.append("| load average (1/5/15 min) | at start ").append(fmtLoad((double[]) load.get("atStart")))
        .append("; at end ").append(fmtLoad((double[]) load.get("atEnd"))).append("; 1-min mean ")
        .append(load.get("mean1MinDuringRun")).append(", max ").append(load.get("max1MinDuringRun"))
        .append(" during the run |\n\n");
    md.append("Load average counts this benchmark's own processes too. \"other CPU\" below is the CPU"
        + " (in cores, of ").append(machine.get("cores")).append(") used by processes outside this benchmark"
        + " during each measurement (from /proc/stat), i.e. parallel builds competing with it.\n\n");

    md.append("## Stub server vs Prism: valid create requests\n\n");
    md.append("Closed loop, one raw-socket HTTP/1.1 keep-alive connection per thread, the full request of the"
        + " spec's `full` example (").append(Payloads.FULL_REQUEST.length()).append(" bytes). ")
        .append(f0(settings.warmupSeconds())).append(" s warm-up, then ").append(f0(settings.measureSeconds()))
        .append(" s measured per row, after ").append(f0(settings.serverWarmupSeconds()))
        .append(" s of unmeasured load at 8 connections per server process (JIT warm-up); stub and Prism alternate per concurrency. Load generator, server and"
            + " Prism share the machine's cores.\n\n");
    md.append("| connections | server | req/s | p50 ms | p99 ms | p99.9 ms | errors | server-closed conns | CPU: bench / other (cores) |\n");
    md.append("|---:|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (int c : settings.connections()) {
      row(c, "stub", stub.get(c), stubCpu.get(c));
      if (prismR.containsKey(c)) {
        row(c, "Prism", prismR.get(c), prismCpu.get(c));
      }
    }
    md.append("\n\"server-closed conns\": answers that carried `Connection: close` (Grizzly ends a keep-alive"
        + " connection after 256 requests by default); the next request reconnects, inside its timing.\n");
    if (!prismR.isEmpty()) {
      md.append("\n| connections | throughput stub / Prism | p50 Prism / stub | p99 Prism / stub |\n|---:|---:|---:|---:|\n");
      for (int c : settings.connections()) {
        LoadGenerator.Result s = stub.get(c);
        LoadGenerator.Result p = prismR.get(c);
        md.append("| ").append(c).append(" | **").append(f1(s.requestsPerSecond / p.requestsPerSecond)).append("×** | ")
            .append(f1(p.latency.p50Ms / s.latency.p50Ms)).append("× | ")
            .append(f1(p.latency.p99Ms / s.latency.p99Ms)).append("× |\n");
      }
    }
    md.append("\n");

    md.append("### Startup and memory\n\n");
    Map<String, Object> st = (Map<String, Object>) startup.get("stub");
    md.append("| | value |\n|---|---|\n");
    md.append("| stub: process start → first 200 (median of ").append(((List<?>) st.get("runsMs")).size())
        .append(") | **").append(st.get("medianMs")).append(" ms** (runs: ").append(st.get("runsMs")).append(") |\n");
    md.append("| stub: RSS right after the first 200 (per run) | ").append(st.get("rssAfterFirst200MiB")).append(" MiB |\n");
    if (startup.containsKey("prism")) {
      Map<String, Object> ps = (Map<String, Object>) startup.get("prism");
      md.append("| Prism: process start → first 200 | ").append(ps.get("startupMs")).append(" ms |\n");
      md.append("| Prism: RSS right after the first 200 | ").append(ps.get("rssAfterFirst200MiB")).append(" MiB |\n");
    }
    md.append("| stub: RSS after the throughput runs | **").append(rss.get("stubAfterThroughputRunsMiB")).append(" MiB** |\n");
    md.append("| stub: RSS after the client runs too | ").append(rss.get("stubAfterClientRunsMiB")).append(" MiB |\n");
    if (rss.containsKey("prismAfterThroughputRunsMiB")) {
      md.append("| Prism: RSS after the throughput runs | ").append(rss.get("prismAfterThroughputRunsMiB")).append(" MiB |\n");
    }
    md.append("\nThe stub runs as in the README: `java " + String.join(" ", STUB_JVM_FLAGS)
        + " -jar accesstoken-stub-server.jar`, its stdout (one access-log line per request) discarded.\n\n");

    md.append("### Where the stub's time goes: without the access log line\n\n");
    md.append("The same load against a stub started with `-Dorg.slf4j.simpleLogger.defaultLogLevel=warn`:\n\n");
    md.append("| connections | req/s | p50 ms | p99 ms | vs default stub | CPU: bench / other |\n|---:|---:|---:|---:|---:|---|\n");
    for (Map.Entry<Integer, LoadGenerator.Result> e : quiet.entrySet()) {
      LoadGenerator.Result r = e.getValue();
      LoadGenerator.Result d = stub.get(e.getKey());
      md.append("| ").append(e.getKey()).append(" | ").append(f0(r.requestsPerSecond)).append(" | ")
          .append(f3(r.latency.p50Ms)).append(" | ").append(f3(r.latency.p99Ms)).append(" | ")
          .append(d == null ? "" : f2(r.requestsPerSecond / d.requestsPerSecond) + "×").append(" | ")
          .append(cpuText((Map<String, Object>) ((List<Map<String, Object>>)
              ((Map<String, Object>) all.get("stubWithoutAccessLog")).get("rows"))
              .stream().filter(m -> m.get("connections").equals(e.getKey())).findFirst().get().get("cpuCores")))
          .append(" |\n");
    }
    md.append("\n");

    md.append("## Soak: ").append(settings.soakConnections()).append(" connections, ")
        .append(f0(settings.soakSeconds())).append(" s, mixed requests\n\n");
    md.append("Fresh stub process (`java " + String.join(" ", STUB_JVM_FLAGS) + "`), first "
        + f0(settings.serverWarmupSeconds()) + " s of the same load unmeasured (" + soak.get("warmupRequests")
        + " requests, errors " + soak.get("warmupErrors") + ", 5xx " + soak.get("warmup5xx") + ", RSS after it "
        + soak.get("rssAfterWarmupMiB") + " MiB); per connection, of every 10 requests 8 are valid creates (200), 1 an invalid"
        + " body (400, six kinds in turn), 1 an unknown or missing bearer token (401). Grizzly closes the"
        + " connection after every 400 (it always does for that status), so the client reconnects.\n\n");
    Map<String, Object> lat = (Map<String, Object>) soak.get("latency");
    md.append("| | value |\n|---|---|\n");
    md.append("| requests | ").append(soak.get("totalRequests")).append(" (").append(soak.get("requestsPerSecond"))
        .append(" req/s; p50 ").append(lat.get("p50Ms")).append(" ms, p99 ").append(lat.get("p99Ms")).append(" ms) |\n");
    md.append("| statuses | ").append(soak.get("statuses")).append(" |\n");
    md.append("| connection errors | **").append(soak.get("connectionErrors")).append("** |\n");
    md.append("| unexpected statuses | **").append(soak.get("unexpectedStatuses")).append("** |\n");
    md.append("| 5xx | **").append(soak.get("serverErrors5xx")).append("** |\n");
    md.append("| connections closed by the server (after 400s) | ").append(soak.get("serverClosedConnections")).append(" |\n");
    md.append("| RSS, mean of the first ").append(f0(settings.soakRssWindowSeconds())).append(" s | ")
        .append(soak.get("rssFirstWindowAvgMiB")).append(" MiB |\n");
    md.append("| RSS, mean of the last ").append(f0(settings.soakRssWindowSeconds())).append(" s | ")
        .append(soak.get("rssLastWindowAvgMiB")).append(" MiB |\n");
    md.append("| last / first | **").append(soak.get("rssLastToFirstRatio")).append("** (")
        .append(Boolean.TRUE.equals(soak.get("rssFlat")) ? "flat, within 15 %" : "NOT flat: more than 15 % apart")
        .append("); peak ").append(soak.get("rssPeakMiB")).append(" MiB |\n");
    Map<String, Object> gc = (Map<String, Object>) soak.get("heapFromGcLog");
    if (gc != null && !gc.containsKey("error")) {
      md.append("| Java heap in use after GC, mean of first / last window | ").append(gc.get("heapAfterGcFirstWindowAvgMiB"))
          .append(" / ").append(gc.get("heapAfterGcLastWindowAvgMiB")).append(" MiB (").append(gc.get("collectionsDuringSoak"))
          .append(" young collections during the soak, from the stub's `-Xlog:gc`) |\n");
      md.append("| live heap (after a full GC via `jcmd GC.run`): after the warm-up / after the soak | ")
        .append(soak.get("liveHeapAfterWarmupMiB")).append(" / ").append(soak.get("liveHeapAfterSoakMiB")).append(" MiB |\n");
    md.append("| committed Java heap, first / last window | ").append(gc.get("committedHeapFirstWindowMaxMiB"))
          .append(" / ").append(gc.get("committedHeapLastWindowMaxMiB")).append(" MiB |\n");
    }
    md.append("| CPU: bench / other | ").append(cpuText((Map<String, Object>) soak.get("cpuCores"))).append(" |\n\n");
    md.append("RSS every second (MiB): ").append(soak.get("rssEverySecondMiB")).append("\n\n");

    md.append("## Client: Feign `AccessTokenClient` vs plain `java.net.http.HttpClient`\n\n");
    md.append("Same stub process, same JSON body bytes and headers (`Content-Type`, `Accept`, `Authorization`),"
        + " both on an HTTP/1.1 `HttpClient` with its connection pool; ").append(f0(settings.clientWarmupSeconds()))
        .append(" s warm-up per variant, then ").append(settings.clientRounds()).append(" rounds in which the variants take turns, ")
        .append(f0(settings.clientMeasureSeconds())).append(" s measured each. \"plain (bytes)\""
            + " sends pre-encoded bytes and does not decode; \"plain + Jackson\" also encodes the model and decodes"
            + " `AccessToken` with the contract mapper, as Feign does.\n\n");
    md.append("| threads | client | req/s | p50 ms | p99 ms | errors |\n|---:|---|---:|---:|---:|---:|\n");
    for (Object[] row : clientRatios) {
      for (Map<String, Object> r : (List<Map<String, Object>>) row[1]) {
        Map<String, Object> l = (Map<String, Object>) r.get("latency");
        md.append("| ").append(row[0]).append(" | ").append(r.get("client")).append(" | ")
            .append(f0((double) r.get("requestsPerSecond"))).append(" | ").append(l.get("p50Ms")).append(" | ")
            .append(l.get("p99Ms")).append(" | ").append(r.get("errors")).append(" |\n");
      }
    }
    md.append("\n| threads | Feign / plain (bytes) | Feign / plain + Jackson |\n|---:|---:|---:|\n");
    for (Object[] row : clientRatios) {
      md.append("| ").append(row[0]).append(" | **").append(f3((double) row[2])).append("** | ")
          .append(f3((double) row[3])).append(" |\n");
    }
    md.append("\n");

    if (!jmh.isEmpty()) {
      md.append("## JSON (JMH)\n\n");
      md.append("`").append(settings.toMap().get("jmh")).append("`, one thread. \"model\" = generated client"
          + " models with `ContractJson.newObjectMapper()`; \"tree\" = a plain `ObjectMapper` and `JsonNode` of the"
          + " same JSON. Request ").append(Payloads.FULL_REQUEST.length()).append(" bytes, response ")
          .append(Payloads.FULL_RESPONSE.length()).append(" bytes.\n\n");
      md.append("| benchmark | score ± error | unit |\n|---|---:|---|\n");
      for (Map<String, Object> r : jmh) {
        md.append("| ").append(r.get("benchmark")).append(" | ").append(f1((double) r.get("score"))).append(" ± ")
            .append(f1((double) r.get("error"))).append(" | ").append(r.get("unit")).append(" |\n");
      }
      md.append("\n");
    }

    md.append("## Targets\n\n| target | met? | measured |\n|---|---|---|\n");
    for (Map<String, Object> t : targets) {
      md.append("| ").append(t.get("target")).append(" | ").append(Boolean.TRUE.equals(t.get("met")) ? "yes" : "**NO**")
          .append(" | ").append(t.get("measured")).append(" |\n");
    }
    if (!notes.isEmpty()) {
      md.append("\n## Notes\n\n");
      for (String n : notes) {
        md.append("- ").append(n).append("\n");
      }
    }
  }

  private void row(int c, String server, LoadGenerator.Result r, double[] cpu) {
    md.append("| ").append(c).append(" | ").append(server).append(" | ").append(f0(r.requestsPerSecond))
        .append(" | ").append(f3(r.latency.p50Ms)).append(" | ").append(f3(r.latency.p99Ms)).append(" | ")
        .append(f3(r.latency.p999Ms)).append(" | ").append(r.connectionErrors + r.unexpectedStatuses)
        .append(" | ").append(r.serverClosedConnections).append(" | ").append(cpuText(cpuMap(cpu))).append(" |\n");
  }

  private static Map<String, Object> cpuMap(double[] cpu) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("machineBusy", Report.round(cpu[0], 2));
    m.put("thisBenchmark", Report.round(cpu[1], 2));
    m.put("others", Report.round(cpu[2], 2));
    return m;
  }

  private static String cpuText(Map<String, Object> cpu) {
    return cpu.get("thisBenchmark") + " / " + cpu.get("others");
  }

  private static String describe(LoadGenerator.Result r, double[] cpu) {
    return String.format(Locale.ROOT,
        "  %-20s x%-3d %10.1f req/s  p50 %.3f ms  p99 %.3f ms  errors %d  closed-by-server %d  cpu ours %.2f others %.2f%s",
        r.target, r.connections, r.requestsPerSecond, r.latency.p50Ms, r.latency.p99Ms,
        r.connectionErrors + r.unexpectedStatuses, r.serverClosedConnections, cpu[1], cpu[2],
        r.firstError == null ? "" : "  first error: " + r.firstError);
  }

  private static String fmtLoad(double[] l) {
    return f2(l[0]) + " / " + f2(l[1]) + " / " + f2(l[2]);
  }

  private static double median(List<Double> v) {
    if (v.isEmpty()) {
      return Double.NaN;
    }
    List<Double> s = new ArrayList<>(v);
    s.sort(Double::compare);
    return s.get(s.size() / 2);
  }

  private static double round1(double v) {
    return Report.round(v, 1);
  }

  private static String mib(long kib) {
    return f1(kib / 1024.0) + " MiB";
  }

  private static String f0(double v) {
    return Report.f(v, 0);
  }

  private static String f1(double v) {
    return Report.f(v, 1);
  }

  private static String f2(double v) {
    return Report.f(v, 2);
  }

  private static String f3(double v) {
    return Report.f(v, 3);
  }

  private static void log(String s) {
    System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + s);
    System.out.flush();
  }

  @SuppressWarnings("unused")
  private static File file(Path p) {
    return p.toFile();
  }
}
