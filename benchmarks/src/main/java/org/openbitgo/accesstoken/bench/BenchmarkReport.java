package org.openbitgo.accesstoken.bench;

import java.util.List;

/** Everything one run measured: written as JSON as it is, and rendered as Markdown. */
record BenchmarkReport(
    String generatedAt,
    double durationSeconds,
    Machine machine,
    Settings settings,
    String wrkVersion,
    List<ColdVariant> cold,
    SoakLoad.Row coldOwnGenerator,
    Warm warm,
    Soak soak,
    List<JmhRow> jmh,
    Kit kit,
    HarnessLines harnessLines,
    List<Target> targets,
    List<Target> checks,
    List<String> notes) {

  /** The machine, and how busy it was: other engineers' builds share it. */
  record Machine(
      int cores,
      String cpuModel,
      double memoryGiB,
      String os,
      String java,
      String uptimeAtStart,
      String uptimeAtEnd,
      double mean1MinLoad,
      double max1MinLoad) {}

  /** One fresh server process: process start to its first 200, and its memory then. */
  record ServerStart(String server, double startupMs, double rssMiB, int threads) {}

  /** One fresh stub process of a launch variant: its start, then wrk's cold window. */
  record ColdRun(ServerStart start, Wrk.Result window) {}

  /** A launch variant's fresh processes and their medians; {@code failure} if it did not run. */
  record ColdVariant(
      String name,
      String command,
      List<ColdRun> runs,
      double medianStartupMs,
      double medianRssMiB,
      double medianRequestsPerSecond,
      double medianP99Ms,
      long errors,
      String failure) {}

  /** One warm server: its measured wrk rounds and their medians, and its RSS after them. */
  record Warmed(
      String server,
      List<Wrk.Result> rounds,
      double medianRequestsPerSecond,
      double medianP99Ms,
      long errors,
      double rssAfterMiB) {}

  /** The warm servers (stub, canned Netty, Prism if run) and Prism's start. */
  record Warm(List<Warmed> servers, ServerStart prismStart) {

    Warmed server(String name) {
      return servers.stream().filter(s -> s.server().equals(name)).findFirst().orElse(null);
    }
  }

  /** The soak: a long mixed load against a fresh stub, resident memory every second. */
  record Soak(
      SoakLoad.Row warmup,
      SoakLoad.Row run,
      double rssFirstWindowMiB,
      double rssLastWindowMiB,
      double rssLastToFirst,
      boolean rssFlat,
      double rssPeakMiB,
      List<Double> rssEverySecondMiB,
      Double liveHeapAfterWarmupMiB,
      Double liveHeapAfterSoakMiB,
      Double committedHeapAfterSoakMiB) {

    long errors() {
      return warmup.errors() + run.errors();
    }

    long serverErrors() {
      return warmup.serverErrors5xx() + run.serverErrors5xx();
    }
  }

  /** One JMH result: a benchmark method at a thread count, from JMH's JSON result file. */
  record JmhRow(
      String benchmarkClass,
      String method,
      int threads,
      String mode,
      double score,
      double error,
      String unit) {

    /** Time per operation (higher is slower) rather than operations per time. */
    boolean timePerOp() {
      return unit.endsWith("/op");
    }
  }

  /** The conformance kit's default run against the stub: wall time per run and exit status. */
  record Kit(String command, List<Double> wallSeconds, double medianSeconds, List<Integer> exits) {}

  /** Hand-written lines: the harness (run.sh, Java, Lua), JMH benchmark classes, tests. */
  record HarnessLines(int harness, int jmhBenchmarks, int tests) {}

  record Target(String target, boolean met, String measured) {}
}
