package org.openbitgo.accesstoken.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Runs every benchmark in one go and writes {@code benchmark-report.md} and {@code .json}:
 *
 * <ol>
 *   <li>the stub cold, per launch variant: start → first 200, RSS, then wrk for the cold window;
 *       and this harness's own generator in the same window, beside wrk's figure;
 *   <li>warm under wrk: the stub, the canned-response Netty server and Prism, taking turns;
 *   <li>a soak of the stub with valid and invalid requests ({@link SoakLoad}), RSS every second;
 *   <li>JMH's runner: JSON models vs JsonNode, the Java client vs a plain HttpClient;
 *   <li>the conformance kit's default run against the stub.
 * </ol>
 *
 * Started by {@code benchmarks/run.sh}; {@code --quick} shortens every phase to smoke-test it.
 * Exits 1 after writing the report when something it was asked to measure is missing (a benchmark
 * class, the kit's jar, a launch variant that did not start).
 */
public final class BenchmarkMain {

  private static final String USAGE =
      """
      usage (from the repository root): [--quick] [--cold-variant 'name|java-binary|args...']...
             [--no-prism] [--no-jmh] [--no-kit]
        --cold-variant  a way to launch the stub, repeatable; the first one is also the stub of
                        the warm, soak and kit phases and the one targets 1 and 2 judge. Default:
                        'readme|java|@stub-server-app/target/stub-server.args'""";

  /** Where the run reads its inputs and writes its outputs, from the repository root. */
  private static final Path OUT = Path.of("benchmarks/target");

  private static final Path HARNESS = Path.of("benchmarks");
  private static final String PRISM = "benchmarks/target/prism/node_modules/.bin/prism";
  private static final String SPEC = "openapi/src/main/resources/openapi/access-token.yaml";
  private static final Path KIT = Path.of("conformance-kit/target/accesstoken-conformance-kit.jar");
  private static final java.util.regex.Pattern JMH_METHOD =
      java.util.regex.Pattern.compile("(?m)^\\s*@Benchmark\\s*$");

  private static final Path WRK_SCRIPT = Path.of("benchmarks/src/main/wrk/create.lua");

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.full();
    List<ColdPhase.Variant> variants = new ArrayList<>();
    List<String> prism = List.of(PRISM, "mock", "-h", ServerProcess.HOST, "-p", "{port}", SPEC);
    boolean noJmh = false;
    Path kit = KIT;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--help", "-h" -> {
          System.out.println(USAGE);
          return;
        }
        case "--quick" -> settings = Settings.quick();
        case "--cold-variant" -> variants.add(ColdPhase.Variant.parse(args[++i]));
        case "--no-prism" -> prism = null;
        case "--no-jmh" -> noJmh = true;
        case "--no-kit" -> kit = null;
        default -> {
          System.err.println("unknown option " + args[i] + "\n" + USAGE);
          System.exit(2);
        }
      }
    }
    if (variants.isEmpty()) {
      variants.add(ColdPhase.Variant.parse("readme|java|@stub-server-app/target/stub-server.args"));
    }
    Files.createDirectories(OUT);
    // the request body wrk sends: the same bytes as every other phase's, from this jar
    Path body = OUT.resolve("full-request.json");
    Files.writeString(body, Payloads.FULL_REQUEST);
    Wrk wrk = new Wrk("wrk", WRK_SCRIPT, body);
    System.exit(new BenchmarkMain().run(settings, variants, wrk, prism, noJmh, kit, OUT, HARNESS));
  }

  private final List<String> notes = new ArrayList<>();

  /** Something the run was asked to measure is missing: the exit status is 1. */
  private boolean incomplete;

  private final ProgressLog progress = ProgressLog.timestamped(System.out);

  private int run(
      Settings settings,
      List<ColdPhase.Variant> variants,
      Wrk wrk,
      List<String> prism,
      boolean noJmh,
      Path kitJar,
      Path out,
      Path harnessDir)
      throws Exception {
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
    String wrkVersion = wrk.version();
    preflight(noJmh, kitJar);

    ColdPhase.Variant stub = variants.get(0);
    progress.line(
        "The stub cold: " + variants.size() + " launch variant(s) x " + settings.coldRuns());
    ColdPhase cold = new ColdPhase(settings, wrk, progress);
    List<BenchmarkReport.ColdVariant> coldRows = cold.run(variants);
    for (BenchmarkReport.ColdVariant v : coldRows) {
      if (v.failure() != null) {
        missing("launch variant " + v.name() + " did not run: " + v.failure());
      }
    }
    SoakLoad.Row ownFigure = cold.ownGeneratorFigure(stub);

    progress.line("Warm" + (prism == null ? " (no Prism)" : ""));
    if (prism == null) {
      notes.add("Prism was skipped (--no-prism): target 1 is not judged.");
    }
    List<String> canned =
        List.of(
            javaBinary(),
            "-cp",
            ownJar().toString(),
            CannedNettyServer.class.getName(),
            ServerProcess.HOST,
            "{port}");
    BenchmarkReport.Warm warm = new WarmPhase(settings, wrk, progress).run(stub, canned, prism);

    progress.line("Soak");
    BenchmarkReport.Soak soak = new SoakPhase(settings, stub, out, progress).run();

    List<BenchmarkReport.JmhRow> jmh = new ArrayList<>();
    if (noJmh) {
      notes.add("JMH was skipped (--no-jmh): target 3's JMH rows are not measured.");
    } else {
      JmhPhase phase = new JmhPhase(settings, ownJar(), out, progress);
      for (String benchmarkClass : List.of(JmhPhase.JSON, JmhPhase.CLIENT)) {
        if (!JmhPhase.listed(benchmarkClass).isEmpty()) {
          progress.line("JMH: " + benchmarkClass);
          try {
            if (benchmarkClass.equals(JmhPhase.CLIENT)) {
              // one stub for every client variant, so they differ only in the client
              try (ServerProcess shared =
                  ServerProcess.startAndAwait200("stub for the client", stub.command(), 60)) {
                jmh.addAll(
                    phase.run(
                        benchmarkClass,
                        "http://" + ServerProcess.HOST + ":" + shared.port + "/",
                        Settings.CLIENT_THREADS));
              }
            } else {
              jmh.addAll(phase.run(benchmarkClass));
            }
          } catch (IOException e) {
            missing(e.getMessage());
          }
        }
      }
    }

    BenchmarkReport.Kit kit = null;
    if (kitJar == null) {
      notes.add("The conformance kit was skipped (--no-kit).");
    } else if (Files.isRegularFile(kitJar)) {
      progress.line("Conformance kit");
      try {
        kit = new KitPhase(settings, progress).run(kitJar, stub, out.resolve("kit-report"));
      } catch (IOException e) {
        missing("the conformance kit did not run: " + e.getMessage());
      }
    }

    done.set(true);
    BenchmarkReport.HarnessLines lines = harnessLines(harnessDir);
    BenchmarkReport report =
        new BenchmarkReport(
            started,
            Report.round((System.nanoTime() - runStart) / 1e9, 1),
            machine(uptimeAtStart, load),
            settings,
            wrkVersion,
            coldRows,
            ownFigure,
            warm,
            soak,
            jmh,
            kit,
            lines,
            Targets.judge(coldRows, ownFigure, warm, jmh, kit, lines),
            Targets.checks(soak, coldRows, warm),
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
    if (incomplete) {
      System.err.println("INCOMPLETE: " + String.join("; ", notes));
      return 1;
    }
    return 0;
  }

  /** Says at once, loudly, what this run cannot measure, instead of minutes later. */
  private void preflight(boolean noJmh, Path kitJar) {
    if (!noJmh) {
      for (String benchmarkClass : List.of(JmhPhase.JSON, JmhPhase.CLIENT)) {
        if (JmhPhase.listed(benchmarkClass).isEmpty()) {
          missing(
              benchmarkClass
                  + " is not in benchmarks.jar's JMH list: its target 3 rows are NOT MEASURED");
        }
      }
    }
    if (kitJar != null && !Files.isRegularFile(kitJar)) {
      missing(
          "no conformance kit jar at "
              + kitJar
              + " (build it: ./mvnw -B -ntp -pl conformance-kit -am package): its target 3 row is NOT MEASURED");
    }
  }

  private void missing(String what) {
    incomplete = true;
    notes.add("**" + what + ".**");
    progress.line("!!! " + what);
  }

  /**
   * Hand-written lines under {@code dir}: the harness (run.sh, src/main's Java and Lua), the JMH
   * benchmark classes (what JMH needs written, counted apart), and src/test.
   */
  static BenchmarkReport.HarnessLines harnessLines(Path dir) throws IOException {
    int harness = lines(dir.resolve("run.sh"));
    int jmh = 0;
    try (Stream<Path> main = Files.walk(dir.resolve("src/main"));
        Stream<Path> tests = Files.walk(dir.resolve("src/test"))) {
      for (Path p : main.filter(p -> p.toString().matches(".*\\.(java|lua)$")).toList()) {
        // a line that is only the annotation: a JMH benchmark method follows
        if (JMH_METHOD.matcher(Files.readString(p)).find()) {
          jmh += lines(p);
        } else {
          harness += lines(p);
        }
      }
      return new BenchmarkReport.HarnessLines(
          harness, jmh, tests.filter(Files::isRegularFile).mapToInt(BenchmarkMain::lines).sum());
    }
  }

  private static int lines(Path file) {
    try (Stream<String> s = Files.lines(file)) {
      return (int) s.count();
    } catch (IOException | UncheckedIOException e) {
      return 0; // unreadable or not text
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static Path ownJar() {
    try {
      return Path.of(
          BenchmarkMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
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
