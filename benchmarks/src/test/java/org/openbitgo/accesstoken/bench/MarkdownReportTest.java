package org.openbitgo.accesstoken.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openbitgo.accesstoken.bench.BenchmarkReport.ColdRun;
import org.openbitgo.accesstoken.bench.BenchmarkReport.ColdVariant;
import org.openbitgo.accesstoken.bench.BenchmarkReport.JmhRow;
import org.openbitgo.accesstoken.bench.BenchmarkReport.ServerStart;
import org.openbitgo.accesstoken.bench.BenchmarkReport.Warmed;

/**
 * Pins the rendered report byte for byte against golden files, so that rewriting how it is built
 * cannot change what people read. The targets are judged by {@link Targets} from the same numbers,
 * so their met/missed texts are pinned too. On a mismatch the actual output is written next to the
 * test classes ({@code target/markdown-report/}) to diff against the golden.
 */
class MarkdownReportTest {

  /**
   * Every section present: two cold variants (one met, one not) and one that did not run, the
   * harness's own cold figure, Prism, live-heap figures, JMH in both modes, the kit, notes.
   */
  @Test
  void rendersEverySectionWithPrism() throws IOException {
    ColdVariant readme =
        variant(
            "readme",
            List.of(
                coldRun("readme #1", 612.4, 81.3, 31_002.5, 7.9),
                coldRun("readme #2", 598.0, 80.9, 29_870.1, 8.4),
                coldRun("readme #3", 640.7, 82.2, 30_450.0, 8.1)));
    ColdVariant noCds =
        variant("jar-no-cds", List.of(coldRun("jar-no-cds #1", 1_180.2, 104.6, 9_100.3, 41.0)));
    ColdVariant missing =
        new ColdVariant(
            "java25",
            "/opt/jdk-25/bin/java @args --host 127.0.0.1 --token T --port P",
            List.of(),
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            0,
            "Java binary not found: /opt/jdk-25/bin/java");
    BenchmarkReport.Warm warm =
        new BenchmarkReport.Warm(
            List.of(
                warmed("stub", 44_100.4, 45_020.9, 5.1),
                warmed("canned Netty", 81_000.0, 80_200.0, 1.2),
                warmed("Prism", 2_480.2, 2_510.7, 24.6)),
            new ServerStart("Prism", 2_410.6, 142.5, 11));
    SoakLoad.Row soakRun =
        soakRow("stub soak", 35_120.7, 0, 0, Map.of(200, 280_000L, 400, 35_000L));
    BenchmarkReport.Soak soak =
        soak(
            soakRow("stub soak warm-up", 30_000, 0, 0, Map.of(200, 48_000L)),
            soakRun,
            List.of(101.2, 103.0, 104.9),
            5.2,
            5.3,
            62.0);
    List<JmhRow> jmh =
        List.of(
            new JmhRow(
                "JsonBenchmarks", "deserializeResponseModel", 1, "avgt", 2_634.5, 120.4, "ns/op"),
            new JmhRow(
                "JsonBenchmarks", "deserializeResponseTree", 1, "avgt", 1_405.9, 92.2, "ns/op"),
            new JmhRow("ClientCallBenchmark", "feignClient", 1, "thrpt", 5_912.0, 210.0, "ops/s"),
            new JmhRow(
                "ClientCallBenchmark", "plainHttpClient", 1, "thrpt", 6_798.0, 150.0, "ops/s"),
            new JmhRow(
                "ClientCallBenchmark",
                "plainHttpClientWithModels",
                1,
                "thrpt",
                6_236.0,
                99.0,
                "ops/s"),
            new JmhRow("ClientCallBenchmark", "feignClient", 8, "thrpt", 12_529.0, 800.0, "ops/s"),
            new JmhRow(
                "ClientCallBenchmark", "plainHttpClient", 8, "thrpt", 17_985.0, 700.0, "ops/s"));
    BenchmarkReport.Kit kit =
        new BenchmarkReport.Kit(
            "java -jar kit.jar --base-url http://127.0.0.1:P --token-env BENCH_KIT_TOKEN",
            List.of(3.91, 3.85, 4.02),
            3.91,
            List.of(0, 0, 0));
    BenchmarkReport report =
        report(
            Settings.full(),
            List.of(readme, noCds, missing),
            soakRow("readme (own generator)", 31_633.0, 0, 0, Map.of(200, 316_330L)),
            warm,
            soak,
            jmh,
            kit,
            List.of("a note", "another note with `code`"));

    assertMatchesGolden("every-section.md", report);
  }

  /**
   * A quick run without Prism, JMH or the kit, whose soak had no GC log or {@code jcmd}, a failing
   * soak (errors, 5xx, server-closed connections, RSS not flat), a warm stub below the target with
   * a non-200 answer, and an empty latency sample ("n/a").
   */
  @Test
  void rendersTheOptionalPartsMissing() throws IOException {
    SoakLoad.Row soakRun = soakRow("stub soak", 9_000, 3, 7, Map.of(200, 71_990L, 500, 1L));
    BenchmarkReport.Soak soak =
        soak(
            soakRow("stub soak warm-up", 8_000, 0, 0, Map.of(200, 8_000L)),
            soakRun,
            List.of(92.5, 121.0, 120.25),
            null,
            null,
            null);
    Wrk.Result stubRound =
        new Wrk.Result("stub", 32, 2, 40_000, 20_000, 1, 503, 0, 1.6, 3, 5, 9, null, 4.5);
    BenchmarkReport.Warm warm =
        new BenchmarkReport.Warm(
            List.of(
                new Warmed("stub", List.of(stubRound), 20_000, 5, 1, 101.5),
                warmed("canned Netty", 60_000, 60_000, 1.5)),
            null);
    BenchmarkReport report =
        report(
            Settings.quick(),
            List.of(
                variant(
                    "readme", List.of(coldRun("readme #1", 1_702.3, 99.2, 12_000, Double.NaN)))),
            null,
            warm,
            soak,
            List.of(),
            null,
            List.of("Prism was skipped (--no-prism): target 1 is not judged."));

    assertMatchesGolden("optional-parts-missing.md", report);
  }

  /** Nothing measured: every target says NOT MEASURED, and only the always-there sections show. */
  @Test
  void rendersAMinimalReport() throws IOException {
    BenchmarkReport report =
        report(Settings.quick(), List.of(), null, null, null, List.of(), null, List.of());

    assertMatchesGolden("minimal.md", report);
  }

  private static BenchmarkReport report(
      Settings settings,
      List<ColdVariant> cold,
      SoakLoad.Row ownFigure,
      BenchmarkReport.Warm warm,
      BenchmarkReport.Soak soak,
      List<JmhRow> jmh,
      BenchmarkReport.Kit kit,
      List<String> notes) {
    BenchmarkReport.HarnessLines lines = new BenchmarkReport.HarnessLines(1_874, 317, 402);
    return new BenchmarkReport(
        "2026-11-28T20:00:00Z",
        412.3,
        new BenchmarkReport.Machine(
            2,
            "Example CPU @ 2.40GHz",
            23.4,
            "Linux 6.1 amd64",
            "17.0.15",
            "20:00:00 up 3 days, load average: 1.01, 0.95, 0.90",
            "20:07:00 up 3 days, load average: 3.50, 2.10, 1.20",
            2.71,
            3.5),
        settings,
        "wrk debian/4.1.0-3+b2 [epoll]",
        cold,
        ownFigure,
        warm,
        soak,
        jmh,
        kit,
        lines,
        Targets.judge(cold, ownFigure, warm, jmh, kit, lines),
        Targets.checks(soak, cold, warm),
        notes);
  }

  private static ColdVariant variant(String name, List<ColdRun> runs) {
    return new ColdVariant(
        name,
        "java @stub-server.args --host 127.0.0.1 --token T --port P",
        runs,
        Report.median(runs.stream().map(r -> r.start().startupMs()).toList()),
        Report.median(runs.stream().map(r -> r.start().rssMiB()).toList()),
        Report.median(runs.stream().map(r -> r.window().requestsPerSecond()).toList()),
        Report.median(runs.stream().map(r -> r.window().p99Ms()).toList()),
        0,
        null);
  }

  private static ColdRun coldRun(
      String server, double startupMs, double rssMiB, double rate, double p99Ms) {
    return new ColdRun(
        new ServerStart(server, startupMs, rssMiB, 17),
        wrk(server, rate, p99Ms, new Proc.Cpu(1.9, 1.7, 0.2)));
  }

  /** A warm server measured in two rounds. */
  private static Warmed warmed(String server, double first, double second, double p99Ms) {
    List<Wrk.Result> rounds =
        List.of(
            wrk(server, first, p99Ms, null),
            wrk(server, second, p99Ms * 1.1, new Proc.Cpu(2, 1.95, 0.05)));
    return new Warmed(
        server,
        rounds,
        Report.median(rounds.stream().map(Wrk.Result::requestsPerSecond).toList()),
        Report.median(rounds.stream().map(Wrk.Result::p99Ms).toList()),
        0,
        120.4);
  }

  private static Wrk.Result wrk(String server, double rate, double p99Ms, Proc.Cpu cpu) {
    return new Wrk.Result(
        server,
        32,
        10,
        (long) (rate * 10),
        rate,
        0,
        0,
        0,
        p99Ms / 8,
        p99Ms / 2,
        p99Ms,
        p99Ms * 3,
        cpu,
        1.57);
  }

  private static SoakLoad.Row soakRow(
      String target, double rate, long errors, long serverClosed, Map<Integer, Long> statuses) {
    long fiveXx = statuses.getOrDefault(500, 0L);
    return new SoakLoad.Row(
        target,
        64,
        10,
        rate,
        new Latencies.Summary(1.0, errors > 0 ? Double.NaN : 6.2, 30.5),
        (long) (rate * 10),
        errors,
        fiveXx,
        fiveXx,
        serverClosed,
        new TreeMap<>(statuses),
        errors > 0 ? "connection reset" : null,
        errors > 0 ? null : new Proc.Cpu(1.9, 1.8, 0.1),
        1.25);
  }

  /** A soak whose RSS windows are one sample long: the first and the last of {@code rss}. */
  private static BenchmarkReport.Soak soak(
      SoakLoad.Row warmup,
      SoakLoad.Row run,
      List<Double> rss,
      Double liveAfterWarmup,
      Double liveAfterSoak,
      Double committedAfterSoak) {
    double first = rss.get(0);
    double last = rss.get(rss.size() - 1);
    double ratio = Report.round(last / first, 3);
    return new BenchmarkReport.Soak(
        warmup,
        run,
        first,
        last,
        ratio,
        Math.abs(ratio - 1) <= SoakPhase.RSS_FLAT_TOLERANCE,
        rss.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
        rss,
        liveAfterWarmup,
        liveAfterSoak,
        committedAfterSoak);
  }

  private static void assertMatchesGolden(String golden, BenchmarkReport report)
      throws IOException {
    String actual = MarkdownReport.render(report);
    String expected;
    try (InputStream in =
        MarkdownReportTest.class.getResourceAsStream("/markdown-report/" + golden)) {
      expected = in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!actual.equals(expected)) {
      Path written = Path.of("target", "markdown-report", golden);
      Files.createDirectories(written.getParent());
      Files.writeString(written, actual, StandardCharsets.UTF_8);
      assertEquals(expected, actual, "rendered report differs from the golden; actual: " + written);
    }
  }
}
