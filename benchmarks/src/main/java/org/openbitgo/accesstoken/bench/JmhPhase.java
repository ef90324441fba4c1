package org.openbitgo.accesstoken.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs JMH's own command line ({@code org.openjdk.jmh.Main}, in its own JVM, from this module's
 * jar) with JSON results ({@code -rf json}), and reads the scores from that file. The same command,
 * printed in the progress log, reruns one benchmark class by hand.
 */
final class JmhPhase {

  /** The JSON benchmarks (model vs JsonNode) and the client-call benchmarks (client vs plain). */
  static final String JSON = "JsonBenchmarks";

  static final String CLIENT = "ClientCallBenchmark";

  private final Settings settings;
  private final Path jar;
  private final Path out;
  private final ProgressLog progress;

  JmhPhase(Settings settings, Path jar, Path out, ProgressLog progress) {
    this.settings = settings;
    this.jar = jar;
    this.out = out;
    this.progress = progress;
  }

  /** JMH's include pattern for a class's benchmarks. */
  private static String pattern(String benchmarkClass) {
    return "\\." + benchmarkClass + "[.$]";
  }

  /**
   * The benchmarks of {@code benchmarkClass} in this jar's JMH list (fully qualified method names):
   * empty when the class is absent, which the caller reports loudly.
   */
  static List<BenchmarkListEntry> listed(String benchmarkClass) {
    return List.copyOf(
        BenchmarkList.defaultList()
            .find(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT),
                List.of(pattern(benchmarkClass)),
                List.of()));
  }

  /** Runs {@code benchmarkClass} once, with the thread count JMH defaults to (one). */
  List<BenchmarkReport.JmhRow> run(String benchmarkClass) throws IOException, InterruptedException {
    return runOnce(benchmarkClass, null, null);
  }

  /**
   * Runs {@code benchmarkClass} once per thread count (JMH's {@code -t}), every fork given {@code
   * -Dstub.url=stubUrl}: the client benchmarks' variants then all call one stub, warmed once,
   * instead of a fresh one per fork.
   */
  List<BenchmarkReport.JmhRow> run(String benchmarkClass, String stubUrl, int... threadCounts)
      throws IOException, InterruptedException {
    List<BenchmarkReport.JmhRow> rows = new ArrayList<>();
    for (int t : threadCounts) {
      rows.addAll(runOnce(benchmarkClass, stubUrl, t));
    }
    return rows;
  }

  private List<BenchmarkReport.JmhRow> runOnce(
      String benchmarkClass, String stubUrl, Integer threads)
      throws IOException, InterruptedException {
    String suffix = benchmarkClass + (threads == null ? "" : "-t" + threads);
    Path json = out.resolve("jmh-" + suffix + ".json");
    Path log = out.resolve("jmh-" + suffix + ".log");
    Files.deleteIfExists(json);
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                jar.toString(),
                // other JMH runs on a shared machine hold JMH's lock; their load shows in the
                // report's load and CPU figures instead of failing this run
                "-Djmh.ignoreLock=true",
                "org.openjdk.jmh.Main",
                pattern(benchmarkClass),
                "-f",
                "1",
                "-wi",
                String.valueOf(settings.jmhWarmupIterations()),
                "-w",
                "1s",
                "-i",
                String.valueOf(settings.jmhMeasurementIterations()),
                "-r",
                "1s",
                "-jvmArgsAppend",
                "-Xms256m -Xmx256m" + (stubUrl == null ? "" : " -Dstub.url=" + stubUrl),
                "-rf",
                "json",
                "-rff",
                json.toString()));
    if (threads != null) {
      command.addAll(List.of("-t", String.valueOf(threads)));
    }
    progress.line("  " + String.join(" ", command));
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(60, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.exists(json)) {
      p.destroyForcibly();
      throw new IOException("JMH run of " + benchmarkClass + " failed; see " + log);
    }
    List<BenchmarkReport.JmhRow> rows = parse(Files.readString(json), benchmarkClass);
    if (rows.isEmpty()) {
      throw new IOException("JMH run of " + benchmarkClass + " wrote no results; see " + log);
    }
    for (BenchmarkReport.JmhRow r : rows) {
      progress.line("  " + r);
    }
    return rows;
  }

  /** JMH's JSON result file: one row per benchmark method and thread count. */
  static List<BenchmarkReport.JmhRow> parse(String json, String benchmarkClass) throws IOException {
    List<BenchmarkReport.JmhRow> rows = new ArrayList<>();
    for (JsonNode b : new ObjectMapper().readTree(json)) {
      String name = b.path("benchmark").asText();
      JsonNode metric = b.path("primaryMetric");
      rows.add(
          new BenchmarkReport.JmhRow(
              benchmarkClass,
              name.substring(name.lastIndexOf('.') + 1),
              b.path("threads").asInt(1),
              b.path("mode").asText(),
              Report.round(metric.path("score").asDouble(Double.NaN), 3),
              Report.round(metric.path("scoreError").asDouble(Double.NaN), 3),
              metric.path("scoreUnit").asText()));
    }
    return rows;
  }
}
