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
import org.openbitgo.accesstoken.bench.BenchmarkReport.ClientRow;
import org.openbitgo.accesstoken.bench.BenchmarkReport.ServerStart;
import org.openbitgo.accesstoken.bench.BenchmarkReport.ThroughputRow;

/**
 * Pins the rendered report byte for byte against golden files, so that rewriting how it is built
 * cannot change what people read. The targets are judged by {@link Targets} from the same numbers,
 * so their pass/fail texts are pinned too. On a mismatch the actual output is written next to the
 * test classes ({@code target/markdown-report/}) to diff against the golden.
 */
class MarkdownReportTest {

  /** Every section present: Prism, the ceiling, GC and live-heap figures, client, JMH, notes. */
  @Test
  void rendersEverySectionWithPrism() throws IOException {
    LoadGenerator.Row stub32 = load("stub", 32, 41_234.5, latency(0.61, 1.9), cpu(1.62, 0.21));
    LoadGenerator.Row prism32 = load("Prism", 32, 1_880.2, latency(14.2, 48.7), cpu(1.1, 0.4));
    LoadGenerator.Row soakRun = load("stub soak", 64, 35_120.7, latency(1.4, 6.2), cpu(1.8, 0.1));
    BenchmarkReport.Soak soak =
        soak(
            load("stub soak warm-up", 64, 30_000, latency(1.5, 7), null),
            soakRun,
            List.of(101.2, 103.0, 104.9),
            new BenchmarkReport.GcWindows(412, 6.1, 6.4, 32, 34),
            5.2,
            5.3);
    List<ClientRow> client =
        List.of(clientRow(1, 0.912, 2_830.4, 3_103.1), clientRow(8, 0.801, 9_944.9, 12_415.6));
    BenchmarkReport report =
        report(
            Settings.full(),
            List.of(
                new BenchmarkReport.StackRow(
                    "Netty 4.1", new ServerStart("canned Netty", 412.7, 61.3, 19), stub32),
                new BenchmarkReport.StackRow(
                    "Jetty 12.1", new ServerStart("canned Jetty", 688.1, 80.9, 31), stub32)),
            new BenchmarkReport.Startup(
                "java -jar server.jar --port 0",
                List.of(
                    new ServerStart("stub 1", 702.3, 94.1, 23),
                    new ServerStart("stub 2", 655.9, 93.8, 23),
                    new ServerStart("stub 3", 690.4, 94.4, 24)),
                690.4,
                94.1,
                new ServerStart("Prism", 2_410.6, 142.5, 11)),
            load("stub, cold", 32, 12_500, latency(2.3, 9.8), cpu(1.5, 0.3)),
            List.of(
                new ThroughputRow(
                    1,
                    load("stub", 1, 3_500.1, latency(0.27, 0.55), cpu(0.6, 0.05)),
                    load("Prism", 1, 820, latency(1.1, 2.9), cpu(0.5, 0.1))),
                new ThroughputRow(32, stub32, prism32)),
            load("canned Netty", 32, 80_101, latency(0.3, 1.1), cpu(1.9, 0.05)),
            new BenchmarkReport.ResidentMemory(120.4, 151.7),
            soak,
            client,
            List.of(
                new BenchmarkReport.JmhRow("JsonBenchmarks.decodeModel", 1_234.567, 12.3, "ns/op"),
                new BenchmarkReport.JmhRow("JsonBenchmarks.decodeTree", 987.6, 4.56, "ns/op")),
            List.of("a note", "another note with `code`"));

    assertMatchesGolden("every-section.md", report);
  }

  /**
   * A quick run without Prism or JMH, whose soak had no GC log or {@code jcmd}, a failing soak, CPU
   * not sampled and an empty latency sample ("n/a").
   */
  @Test
  void rendersTheOptionalPartsMissing() throws IOException {
    LoadGenerator.Row soakRun =
        new LoadGenerator.Row(
            "stub soak",
            64,
            0,
            10,
            9_000,
            latency(2.5, Double.NaN),
            90_000,
            3,
            2,
            1,
            7,
            Map.of(),
            new TreeMap<>(Map.of(200, 71_990L, 500, 1L)),
            "connection reset",
            null,
            4.5);
    BenchmarkReport.Soak soak =
        soak(
            load("stub soak warm-up", 64, 8_000, latency(2.6, 11), null),
            soakRun,
            List.of(92.5, 121.0, 120.25),
            null,
            null,
            null);
    BenchmarkReport report =
        report(
            Settings.quick(),
            List.of(),
            new BenchmarkReport.Startup(
                "java -jar server.jar",
                List.of(new ServerStart("stub 1", 1_702.3, 99.2, 22)),
                1_702.3,
                99.2,
                null),
            null,
            List.of(
                new ThroughputRow(1, load("stub", 1, 2_100, latency(1.2, 3.4), null), null),
                new ThroughputRow(32, load("stub", 32, 20_000, latency(1.6, 5), null), null)),
            null,
            new BenchmarkReport.ResidentMemory(101.5, null),
            soak,
            List.of(),
            List.of(),
            List.of("Prism was skipped (--no-prism): no Prism rows or ratios."));

    assertMatchesGolden("optional-parts-missing.md", report);
  }

  /** No soak, no throughput rows, no notes: only the sections that are always there. */
  @Test
  void rendersAMinimalReport() throws IOException {
    BenchmarkReport report =
        report(
            Settings.quick(),
            List.of(),
            new BenchmarkReport.Startup("java -jar server.jar", List.of(), Double.NaN, 0, null),
            null,
            List.of(),
            null,
            new BenchmarkReport.ResidentMemory(0, null),
            null,
            List.of(),
            List.of(),
            List.of());

    assertMatchesGolden("minimal.md", report);
  }

  private static BenchmarkReport report(
      Settings settings,
      List<BenchmarkReport.StackRow> stacks,
      BenchmarkReport.Startup startup,
      LoadGenerator.Row firstSeconds,
      List<ThroughputRow> throughput,
      LoadGenerator.Row ceiling,
      BenchmarkReport.ResidentMemory rss,
      BenchmarkReport.Soak soak,
      List<ClientRow> client,
      List<BenchmarkReport.JmhRow> jmh,
      List<String> notes) {
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
        stacks,
        startup,
        firstSeconds,
        throughput,
        ceiling,
        rss,
        soak,
        client,
        jmh,
        Targets.judge(startup, firstSeconds, throughput, ceiling, soak, client),
        notes);
  }

  /** A soak whose RSS windows are one sample long: the first and the last of {@code rss}. */
  private static BenchmarkReport.Soak soak(
      LoadGenerator.Row warmup,
      LoadGenerator.Row run,
      List<Double> rss,
      BenchmarkReport.GcWindows heap,
      Double liveAfterWarmup,
      Double liveAfterSoak) {
    double first = rss.get(0);
    double last = rss.get(rss.size() - 1);
    double ratio = Report.round(last / first, 3);
    return new BenchmarkReport.Soak(
        warmup,
        run,
        first,
        first,
        last,
        ratio,
        Math.abs(ratio - 1) <= SoakPhase.RSS_FLAT_TOLERANCE,
        rss.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
        rss,
        heap,
        liveAfterWarmup,
        liveAfterSoak);
  }

  private static ClientRow clientRow(
      int threads, double feignToPlain, double feignRate, double plainRate) {
    List<ClientComparison.Row> variants =
        List.of(
            variant("Feign", threads, feignRate),
            variant("plain", threads, plainRate),
            variant("plain + Jackson", threads, plainRate * 0.97));
    return new ClientRow(threads, variants, feignToPlain, feignToPlain / 0.97);
  }

  private static ClientComparison.Row variant(String client, int threads, double rate) {
    return new ClientComparison.Row(
        client, threads, 2, 10, rate, latency(threads * 0.31, threads * 0.92), 0, null);
  }

  private static LoadGenerator.Row load(
      String target, int connections, double rate, Latencies.Summary latency, Proc.Cpu cpu) {
    return new LoadGenerator.Row(
        target,
        connections,
        5,
        10,
        rate,
        latency,
        (long) (rate * 10),
        0,
        connections == 32 ? 1 : 0,
        0,
        connections == 8 ? 2 : 0,
        Map.of(),
        new TreeMap<>(Map.of(200, (long) (rate * 10))),
        null,
        cpu,
        1.25 + connections / 100.0);
  }

  private static Latencies.Summary latency(double p50Ms, double p99Ms) {
    return new Latencies.Summary(1000, p50Ms * 1.1, p50Ms, p99Ms * 0.8, p99Ms, p99Ms * 1.7, 30.5);
  }

  private static Proc.Cpu cpu(double thisBenchmark, double others) {
    return new Proc.Cpu(thisBenchmark + others, thisBenchmark, others);
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
