package org.openbitgo.accesstoken.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark in one go and writes {@code benchmark-report.md} and {@code .json}:
 *
 * <ol>
 *   <li>canned-response servers on each candidate HTTP stack (the stack decision);
 *   <li>fresh stub processes: startup, memory, and the first seconds under load;
 *   <li>stub and Prism, warm, interleaved at 1, 8 and 32 connections; the canned ceiling;
 *   <li>the Feign client against a plain HttpClient;
 *   <li>a soak of the stub with valid and invalid requests, RSS every second;
 *   <li>JMH: JSON with the generated models vs a JsonNode tree.
 * </ol>
 *
 * Started by {@code benchmarks/run.sh}; {@code --quick} shortens every phase to smoke-test it.
 */
public final class BenchmarkMain {

  private static final String USAGE =
      "usage: [--quick] [--stub-args A] [--prism P | --no-prism] [--no-jmh]"
          + " [--spec S] [--out DIR] | --drive PORT CONNECTIONS SECONDS";

  private final Settings settings;
  private final ServerRuns servers;
  private final Path out;
  private final boolean jmh;
  private final List<String> notes = new ArrayList<>();
  private final ProgressLog progress;

  private BenchmarkMain(
      Settings settings, ServerRuns servers, Path out, boolean jmh, ProgressLog progress) {
    this.settings = settings;
    this.progress = progress;
    this.servers = servers;
    this.out = out;
    this.jmh = jmh;
  }

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.full();
    Path stubArgs = Path.of("stub-server-app/target/stub-server.args");
    Path prism = Path.of("benchmarks/target/prism/node_modules/.bin/prism");
    Path spec = Path.of("openapi/src/main/resources/openapi/access-token.yaml");
    Path out = Path.of("benchmarks/target");
    boolean noPrism = false;
    boolean noJmh = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--help", "-h" -> {
          System.out.println(USAGE);
          return;
        }
        case "--quick" -> settings = Settings.quick();
        case "--stub-args" -> stubArgs = Path.of(args[++i]);
        case "--prism" -> prism = Path.of(args[++i]);
        case "--no-prism" -> noPrism = true;
        case "--no-jmh" -> noJmh = true;
        case "--spec" -> spec = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--drive" -> {
          // profiling aid: valid creates against an already running server, then exit
          int port = Integer.parseInt(args[++i]);
          int connections = Integer.parseInt(args[++i]);
          double seconds = Double.parseDouble(args[++i]);
          System.out.println(
              ServerRuns.describe(
                  LoadGenerator.run(
                          "drive",
                          ServerRuns.HOST,
                          port,
                          connections,
                          0,
                          seconds,
                          LoadGenerator.only(ServerRuns.validCreate(port)))
                      .row(null, Double.NaN)));
          return;
        }
        default -> {
          System.err.println("unknown option " + args[i] + "\n" + USAGE);
          System.exit(2);
        }
      }
    }
    ProgressLog progress = ProgressLog.timestamped(System.out);
    ServerRuns servers = new ServerRuns(settings, stubArgs, noPrism ? null : prism, spec, progress);
    new BenchmarkMain(settings, servers, out, !noJmh, progress).run();
  }

  private void run() throws Exception {
    long runStart = System.nanoTime();
    String uptimeAtStart = Proc.uptime();
    List<Double> load = new ArrayList<>();
    AtomicBoolean done = new AtomicBoolean();
    Thread loadSampler = new Thread(() -> sampleLoad(done, load), "loadavg-sampler");
    loadSampler.setDaemon(true);
    loadSampler.start();
    String started =
        OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    progress.line("Benchmarks (" + settings.mode() + "); " + uptimeAtStart);

    List<BenchmarkReport.StackRow> stacks = stacks();
    StartupPhase.Result startup = new StartupPhase(settings, servers, progress).run();
    List<BenchmarkReport.ThroughputRow> throughput = new ArrayList<>();
    LoadGenerator.Row ceiling = null;
    Double prismRss = null;
    List<BenchmarkReport.ClientRow> client;
    double stubRss;
    try (ServerProcess stub = servers.startStub("stub", List.of());
        ServerProcess prism = servers.hasPrism() ? servers.startPrism() : null;
        ServerProcess canned = servers.startCanned(CannedServers.STACKS.get(0))) {
      servers.warmUp(stub);
      servers.warmUp(canned);
      if (prism != null) {
        servers.warmUp(prism);
      } else {
        notes.add("Prism was skipped (--no-prism): no Prism rows or ratios.");
      }
      for (int c : settings.connections()) {
        LoadGenerator.Row s =
            servers.valid(stub, c, settings.warmupSeconds(), settings.measureSeconds());
        if (c == Settings.HEADLINE_CONNECTIONS) {
          // the ceiling right after the stub, so that both meet the same background load
          ceiling = servers.valid(canned, c, settings.warmupSeconds(), settings.measureSeconds());
        }
        LoadGenerator.Row p =
            prism == null
                ? null
                : servers.valid(prism, c, settings.warmupSeconds(), settings.measureSeconds());
        throughput.add(new BenchmarkReport.ThroughputRow(c, s, p));
      }
      stubRss = Report.round(stub.rssKiB() / 1024.0, 1);
      prismRss = prism == null ? null : Report.round(prism.rssKiB() / 1024.0, 1);
      client =
          new ClientPhase(settings, progress)
              .run(URI.create("http://" + ServerRuns.HOST + ":" + stub.port + "/"));
    }
    BenchmarkReport.Soak soak = new SoakPhase(settings, servers, out, progress).run();
    List<BenchmarkReport.JmhRow> jmhRows = jmh ? jmh() : List.of();
    if (!jmh) {
      notes.add("JMH was skipped (--no-jmh).");
    }

    done.set(true);
    BenchmarkReport report =
        new BenchmarkReport(
            started,
            Report.round((System.nanoTime() - runStart) / 1e9, 1),
            machine(uptimeAtStart, load),
            settings,
            stacks,
            startup.startup(),
            startup.firstSeconds(),
            throughput,
            ceiling,
            new BenchmarkReport.ResidentMemory(stubRss, prismRss),
            soak,
            client,
            jmhRows,
            Targets.judge(
                startup.startup(), startup.firstSeconds(), throughput, ceiling, soak, client),
            notes);
    String markdown = MarkdownReport.render(report);
    Report.writeJson(out.resolve("benchmark-report.json"), report);
    Report.writeMarkdown(out.resolve("benchmark-report.md"), markdown);
    progress.line(
        "Report: "
            + out.resolve("benchmark-report.md")
            + " and "
            + out.resolve("benchmark-report.json"));
    System.out.println();
    System.out.println(markdown);
  }

  /**
   * A canned-response server per candidate stack: startup, memory, and ceiling at 32 connections.
   */
  private List<BenchmarkReport.StackRow> stacks() throws Exception {
    List<BenchmarkReport.StackRow> rows = new ArrayList<>();
    for (String stack : CannedServers.STACKS) {
      try (ServerProcess canned = servers.startCanned(stack)) {
        BenchmarkReport.ServerStart start = ServerRuns.started(canned);
        rows.add(
            new BenchmarkReport.StackRow(
                stack,
                start,
                servers.valid(
                    canned,
                    Settings.HEADLINE_CONNECTIONS,
                    settings.warmupSeconds(),
                    settings.measureSeconds() / 2)));
      }
    }
    return rows;
  }

  private List<BenchmarkReport.JmhRow> jmh() throws Exception {
    progress.line(
        "JMH ("
            + settings.jmhWarmupIterations()
            + " x 1 s warm-up, "
            + settings.jmhMeasurementIterations()
            + " x 1 s measurement, 1 fork) ...");
    List<BenchmarkReport.JmhRow> rows = new ArrayList<>();
    for (RunResult r :
        new Runner(
                new OptionsBuilder()
                    .include(JsonBenchmarks.class.getName() + "\\.")
                    .forks(1)
                    .warmupIterations(settings.jmhWarmupIterations())
                    .warmupTime(TimeValue.seconds(1))
                    .measurementIterations(settings.jmhMeasurementIterations())
                    .measurementTime(TimeValue.seconds(1))
                    .jvmArgsAppend("-Xms256m", "-Xmx256m")
                    .output(out.resolve("jmh.log").toString())
                    .build())
            .run()) {
      String name = r.getParams().getBenchmark();
      rows.add(
          new BenchmarkReport.JmhRow(
              name.substring(name.lastIndexOf('.') + 1),
              Report.round(r.getPrimaryResult().getScore(), 1),
              Report.round(r.getPrimaryResult().getScoreError(), 1),
              r.getPrimaryResult().getScoreUnit()));
    }
    rows.sort(Comparator.comparing(BenchmarkReport.JmhRow::benchmark));
    return rows;
  }

  private static void sampleLoad(AtomicBoolean done, List<Double> load) {
    long deadline = System.nanoTime() + 3_600_000_000_000L; // never more than an hour
    while (!done.get() && System.nanoTime() < deadline) {
      synchronized (load) {
        load.add(Proc.loadAverage()[0]);
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static BenchmarkReport.Machine machine(String uptimeAtStart, List<Double> load) {
    double mean;
    double max;
    synchronized (load) {
      mean = load.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
      max = load.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
    return new BenchmarkReport.Machine(
        Runtime.getRuntime().availableProcessors(),
        Proc.cpuModel(),
        Report.round(Proc.memTotalKiB() / 1024.0 / 1024.0, 1),
        Proc.osPrettyName()
            + " ("
            + System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + ", "
            + System.getProperty("os.arch")
            + ")",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        uptimeAtStart,
        Proc.uptime(),
        Report.round(mean, 2),
        Report.round(max, 2));
  }
}
