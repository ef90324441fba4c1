package org.openbitgo.accesstoken.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh stub under a long mixed load (valid creates, invalid bodies, bad tokens) at many
 * connections: counts every error and samples resident memory every second. The stub's GC log is
 * written into {@code out}; progress lines go to {@code progress}.
 */
record SoakPhase(Settings settings, ServerRuns servers, Path out, ProgressLog progress) {

  /** Resident memory is flat when the last window is within this fraction of the first. */
  static final double RSS_FLAT_TOLERANCE = 0.15;

  private static final Pattern PAUSE =
      Pattern.compile("^\\[(\\d+[.,]\\d+)s\\].*Pause.*?(\\d+)M->(\\d+)M\\((\\d+)M\\)");
  private static final Pattern FULL_PAUSE =
      Pattern.compile("Pause Full.*?(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  BenchmarkReport.Soak run() throws IOException, InterruptedException {
    Path gcLog = out.resolve("soak-stub-gc.log");
    Files.deleteIfExists(gcLog);
    // GC logging only observes (it changes no GC setting): it tells heap growth from a leak
    try (ServerProcess stub =
        servers.startStub("stub soak", List.of("-Xlog:gc:file=" + gcLog + ":uptime"))) {
      LoadGenerator.Mix mix = mix(stub.port);
      // the same mix, unmeasured: the windows then compare steady state with steady state
      LoadGenerator.Row warmup =
          LoadGenerator.run(
                  "stub soak warm-up",
                  ServerRuns.HOST,
                  stub.port,
                  settings.soakConnections(),
                  0,
                  settings.serverWarmupSeconds(),
                  mix)
              .row(null, Double.NaN);
      double rssAfterWarmup = stub.rssKiB() / 1024.0;
      Double liveAfterWarmup = liveHeapMiB(stub, gcLog);

      List<Double> rss = new ArrayList<>();
      AtomicBoolean stop = new AtomicBoolean();
      long t0 = System.nanoTime();
      Thread sampler = new Thread(() -> sampleRss(stub, t0, stop, rss), "rss-sampler");
      sampler.setDaemon(true);
      sampler.start();
      Proc.CpuWindow cpu = new Proc.CpuWindow();
      LoadGenerator.Row run =
          LoadGenerator.run(
                  "stub soak",
                  ServerRuns.HOST,
                  stub.port,
                  settings.soakConnections(),
                  0,
                  settings.soakSeconds(),
                  mix)
              .row(cpu.finish(), Proc.loadAverage()[0]);
      stop.set(true);
      sampler.join(5000);
      // the live set, by a full GC after the soak (outside the measured window): what a leak grows
      Double liveAfterSoak = liveHeapMiB(stub, gcLog);
      double soakStartUptime = (t0 - stub.startNanos) / 1e9;

      List<Double> series;
      synchronized (rss) {
        series = List.copyOf(rss);
      }
      // sample i covers second i+1 of the soak
      int window = (int) settings.soakRssWindowSeconds();
      double first = mean(series.subList(0, Math.min(window, series.size())));
      int soakEnd = Math.min(series.size(), (int) settings.soakSeconds());
      double last = mean(series.subList(Math.max(0, soakEnd - window), soakEnd));
      double ratio = last / first;
      BenchmarkReport.Soak soak =
          new BenchmarkReport.Soak(
              warmup,
              run,
              Report.round(rssAfterWarmup, 1),
              Report.round(first, 1),
              Report.round(last, 1),
              Report.round(ratio, 3),
              Math.abs(ratio - 1) <= RSS_FLAT_TOLERANCE,
              series.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
              series,
              gcWindows(gcLog, soakStartUptime),
              liveAfterWarmup,
              liveAfterSoak);
      progress.line(
          "  soak: "
              + ServerRuns.describe(run).strip()
              + ", RSS first "
              + soak.rssFirstWindowMiB()
              + " MiB, last "
              + soak.rssLastWindowMiB()
              + " MiB");
      return soak;
    }
  }

  /** Per connection, of every 10 requests: 8 valid, 1 invalid body, 1 without a usable token. */
  private static LoadGenerator.Mix mix(int port) {
    String bearer = "Bearer " + Payloads.BEARER_TOKEN;
    List<LoadGenerator.RequestKind> kinds = new ArrayList<>();
    kinds.add(ServerRuns.validCreate(port));
    for (int i = 0; i < Payloads.INVALID_BODIES.length; i++) {
      kinds.add(
          new LoadGenerator.RequestKind(
              "invalid body " + (i + 1),
              Payloads.rawPost(ServerRuns.HOST, port, bearer, Payloads.INVALID_BODIES[i]),
              400));
    }
    kinds.add(
        new LoadGenerator.RequestKind(
            "unknown bearer token",
            Payloads.rawPost(
                ServerRuns.HOST,
                port,
                "Bearer not-" + Payloads.BEARER_TOKEN,
                Payloads.FULL_REQUEST),
            401));
    kinds.add(
        new LoadGenerator.RequestKind(
            "no Authorization header",
            Payloads.rawPost(ServerRuns.HOST, port, null, Payloads.FULL_REQUEST),
            401));
    int invalidBodies = Payloads.INVALID_BODIES.length;
    List<LoadGenerator.RequestKind> all = List.copyOf(kinds);
    return new LoadGenerator.Mix() {
      @Override
      public LoadGenerator.RequestKind next(int worker, long step) {
        long slot = (step + worker) % 10;
        long round = (step + worker) / 10;
        if (slot < 8) {
          return all.get(0);
        }
        return slot == 8
            ? all.get(1 + (int) (round % invalidBodies))
            : all.get(1 + invalidBodies + (int) (round % 2));
      }

      @Override
      public List<LoadGenerator.RequestKind> kinds() {
        return all;
      }
    };
  }

  private void sampleRss(ServerProcess stub, long t0, AtomicBoolean stop, List<Double> rss) {
    long bound = t0 + (long) ((settings.soakSeconds() + 30) * 1e9);
    long next = t0;
    while (!stop.get() && System.nanoTime() < bound) {
      next += 1_000_000_000L;
      long sleepMs = (next - System.nanoTime()) / 1_000_000;
      try {
        if (sleepMs > 0) {
          Thread.sleep(sleepMs);
        }
      } catch (InterruptedException e) {
        return;
      }
      synchronized (rss) {
        rss.add(Report.round(stub.rssKiB() / 1024.0, 1));
      }
    }
  }

  /**
   * Heap still in use after a full GC ({@code jcmd PID GC.run}): the live set. Null without jcmd.
   */
  private static Double liveHeapMiB(ServerProcess server, Path gcLog)
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
    Double live = null;
    for (String line : Files.readAllLines(gcLog)) {
      Matcher m = FULL_PAUSE.matcher(line);
      if (m.find()) {
        live = Double.parseDouble(m.group(2));
      }
    }
    return live;
  }

  /**
   * From "[12.3s] GC(4) Pause Young ... 25M->3M(32M) 3.4ms": after-GC and committed heap per
   * window.
   */
  private BenchmarkReport.GcWindows gcWindows(Path gcLog, double soakStartUptime)
      throws IOException {
    List<double[]> gcs = new ArrayList<>(); // {secondsIntoSoak, afterMiB, committedMiB}
    for (String line : Files.readAllLines(gcLog)) {
      Matcher m = PAUSE.matcher(line);
      if (m.find() && !line.contains("Pause Full")) {
        double t = Double.parseDouble(m.group(1).replace(',', '.')) - soakStartUptime;
        if (t >= 0 && t <= settings.soakSeconds() + 1) {
          gcs.add(new double[] {t, Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))});
        }
      }
    }
    double window = settings.soakRssWindowSeconds();
    double[] first = windowStats(gcs, 0, window);
    double[] last = windowStats(gcs, settings.soakSeconds() - window, settings.soakSeconds() + 1);
    return new BenchmarkReport.GcWindows(
        gcs.size(), Report.round(first[0], 1), Report.round(last[0], 1), first[1], last[1]);
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

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }
}
