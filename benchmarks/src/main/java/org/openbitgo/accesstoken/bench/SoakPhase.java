package org.openbitgo.accesstoken.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh stub under a long mixed load (valid creates, invalid bodies, bad tokens) at many
 * connections, driven by {@link SoakLoad} (which counts the connections the server closed): counts
 * every error, samples resident memory every second, and reads the live heap from the stub's GC log
 * (written into {@code out}) after a full GC requested with {@code jcmd}.
 */
record SoakPhase(Settings settings, ColdPhase.Variant variant, Path out, ProgressLog progress) {

  /** Resident memory is flat when the last window is within this fraction of the first. */
  static final double RSS_FLAT_TOLERANCE = 0.15;

  /** "[12.3s] GC(9) Pause Full (System.gc()) 25M->13M(62M) 20.1ms": live and committed heap. */
  private static final Pattern FULL_PAUSE =
      Pattern.compile("Pause Full.*?\\d+M->(\\d+)M\\((\\d+)M\\)");

  BenchmarkReport.Soak run() throws IOException, InterruptedException {
    Path gcLog = out.resolve("soak-stub-gc.log");
    Files.deleteIfExists(gcLog);
    // GC logging only observes (it changes no GC setting): it tells heap growth from a leak
    List<String> command = new ArrayList<>(variant.command());
    command.add(1, "-Xlog:gc:file=" + gcLog + ":uptime");
    // The heap is fixed (-Xms = -Xmx in the args file), but its pages become resident only as the
    // collector first uses them: on a slow machine that went on for a minute into the soak and read
    // as growth (x1.32, live heap 19 MiB before and after). Touched at start, the heap is resident
    // from the first sample, and RSS shows what grows beside it (buffers, threads, code); a heap
    // leak shows in the live heap after a full GC.
    command.add(1, "-XX:+AlwaysPreTouch");
    try (ServerProcess stub = ServerProcess.startAndAwait200("stub soak", command, 60)) {
      SoakLoad.Mix mix = mix(stub.port);
      int connections = settings.soakConnections();
      // the same mix, unmeasured: the windows then compare steady state with steady state
      SoakLoad.Row warmup =
          SoakLoad.run(
              "stub soak warm-up", stub.port, connections, settings.serverWarmupSeconds(), mix);
      double[] liveAfterWarmup = liveHeapMiB(stub, gcLog);
      List<Double> rss = new ArrayList<>();
      ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
      sampler.scheduleAtFixedRate(
          () -> {
            synchronized (rss) {
              rss.add(Report.round(stub.rssKiB() / 1024.0, 1));
            }
          },
          1,
          1,
          TimeUnit.SECONDS);
      SoakLoad.Row run;
      try {
        run = SoakLoad.run("stub soak", stub.port, connections, settings.soakSeconds(), mix);
      } finally {
        sampler.shutdownNow();
      }
      // the live set after the soak (outside the measured window): what a leak grows
      double[] liveAfterSoak = liveHeapMiB(stub, gcLog);
      List<Double> series;
      synchronized (rss) {
        series = List.copyOf(rss);
      }
      // sample i covers second i+1 of the soak
      int window = settings.soakRssWindowSeconds();
      double first = mean(series.subList(0, Math.min(window, series.size())));
      int end = Math.min(series.size(), settings.soakSeconds());
      double last = mean(series.subList(Math.max(0, end - window), end));
      double ratio = Report.round(last / first, 3);
      BenchmarkReport.Soak soak =
          new BenchmarkReport.Soak(
              warmup,
              run,
              Report.round(first, 1),
              Report.round(last, 1),
              ratio,
              Math.abs(ratio - 1) <= RSS_FLAT_TOLERANCE,
              series.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
              series,
              liveAfterWarmup == null ? null : liveAfterWarmup[0],
              liveAfterSoak == null ? null : liveAfterSoak[0],
              liveAfterSoak == null ? null : liveAfterSoak[1]);
      progress.line("  soak: " + SoakLoad.describe(run).strip() + ", RSS ×" + ratio);
      return soak;
    }
  }

  /** Per connection, of every 10 requests: 8 valid, 1 invalid body, 1 without a usable token. */
  private static SoakLoad.Mix mix(int port) {
    String bearer = "Bearer " + Payloads.BEARER_TOKEN;
    SoakLoad.Request valid =
        new SoakLoad.Request(
            "valid create", Payloads.rawPost(port, bearer, Payloads.FULL_REQUEST), 200);
    List<SoakLoad.Request> invalid = new ArrayList<>();
    for (int i = 0; i < Payloads.INVALID_BODIES.length; i++) {
      invalid.add(
          new SoakLoad.Request(
              "invalid body " + (i + 1),
              Payloads.rawPost(port, bearer, Payloads.INVALID_BODIES[i]),
              400));
    }
    List<SoakLoad.Request> unauthorized =
        List.of(
            new SoakLoad.Request(
                "unknown bearer token",
                Payloads.rawPost(
                    port, "Bearer not-" + Payloads.BEARER_TOKEN, Payloads.FULL_REQUEST),
                401),
            new SoakLoad.Request(
                "no Authorization header",
                Payloads.rawPost(port, null, Payloads.FULL_REQUEST),
                401));
    return (worker, step) -> {
      long slot = (step + worker) % 10;
      long round = (step + worker) / 10;
      if (slot < 8) {
        return valid;
      }
      return slot == 8
          ? invalid.get((int) (round % invalid.size()))
          : unauthorized.get((int) (round % unauthorized.size()));
    };
  }

  /**
   * {live, committed} heap in MiB after a full GC ({@code jcmd PID GC.run}), from the GC log; null
   * without jcmd.
   */
  private static double[] liveHeapMiB(ServerProcess server, Path gcLog)
      throws InterruptedException, IOException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    if (!Files.isExecutable(jcmd)) {
      return null;
    }
    Process p =
        new ProcessBuilder(jcmd.toString(), String.valueOf(server.pid()), "GC.run")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return null;
    }
    Thread.sleep(200); // let the log line reach the file
    double[] heap = null;
    for (String line : Files.readAllLines(gcLog)) {
      Matcher m = FULL_PAUSE.matcher(line);
      if (m.find()) {
        heap = new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
      }
    }
    return heap;
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }
}
