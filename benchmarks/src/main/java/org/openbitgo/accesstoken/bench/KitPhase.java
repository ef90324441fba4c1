package org.openbitgo.accesstoken.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The conformance kit's default run against the stub: its whole process, from {@code java -jar} to
 * exit, several times against one stub after an unmeasured run (the stub warm, the kit cold, as a
 * CI job meets them). Every run must exit 0, or its time judges nothing.
 */
final class KitPhase {

  private final Settings settings;
  private final ProgressLog progress;

  KitPhase(Settings settings, ProgressLog progress) {
    this.settings = settings;
    this.progress = progress;
  }

  BenchmarkReport.Kit run(Path kitJar, ColdPhase.Variant stubVariant, Path reportDir)
      throws IOException, InterruptedException {
    try (ServerProcess stub =
        ServerProcess.startAndAwait200("stub for the kit", stubVariant.command(), 60)) {
      List<String> command =
          List.of(
              "java",
              "-jar",
              kitJar.toString(),
              "--base-url",
              "http://" + ServerProcess.HOST + ":" + stub.port,
              // from the environment: the kit keeps a token out of process listings this way
              "--token-env",
              "BENCH_KIT_TOKEN",
              "--report-dir",
              reportDir.toString());
      runOnce(command, reportDir.resolveSibling(reportDir.getFileName() + "-warm-up.log"));
      List<Double> seconds = new ArrayList<>();
      List<Integer> exits = new ArrayList<>();
      for (int i = 1; i <= settings.kitRuns(); i++) {
        long t0 = System.nanoTime();
        int exit =
            runOnce(command, reportDir.resolveSibling(reportDir.getFileName() + "-" + i + ".log"));
        double s = Report.round((System.nanoTime() - t0) / 1e9, 2);
        seconds.add(s);
        exits.add(exit);
        progress.line("  conformance kit run " + i + ": " + s + " s, exit " + exit);
      }
      return new BenchmarkReport.Kit(
          String.join(" ", command)
              .replace("http://" + ServerProcess.HOST + ":" + stub.port, "http://127.0.0.1:P"),
          seconds,
          Report.median(seconds),
          exits);
    }
  }

  private static int runOnce(List<String> command, Path log)
      throws IOException, InterruptedException {
    Files.createDirectories(log.getParent());
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    pb.environment().put("BENCH_KIT_TOKEN", Payloads.BEARER_TOKEN);
    Process p = pb.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException("the conformance kit ran over 5 minutes; see " + log);
    }
    return p.exitValue();
  }
}
