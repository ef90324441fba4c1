package org.openbitgo.accesstoken.bench;

import java.util.List;

/** Everything one run measured: written as JSON as it is, and rendered as Markdown. */
record BenchmarkReport(
    String generatedAt,
    double durationSeconds,
    Machine machine,
    Settings settings,
    List<StackRow> stacks,
    Startup startup,
    LoadGenerator.Row firstSeconds,
    List<ThroughputRow> throughput,
    LoadGenerator.Row ceiling,
    ResidentMemory residentMemory,
    Soak soak,
    List<ClientRow> client,
    List<JmhRow> jmh,
    List<Target> targets,
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

  /** A canned-response server on one HTTP stack: its startup, memory and ceiling. */
  record StackRow(String stack, ServerStart start, LoadGenerator.Row canned) {}

  /** Fresh stub processes (median of the runs) and Prism's. */
  record Startup(
      String stubCommand,
      List<ServerStart> stubRuns,
      double stubMedianMs,
      double stubMedianRssMiB,
      ServerStart prism) {}

  /** Stub and Prism at one concurrency, measured back to back. */
  record ThroughputRow(int connections, LoadGenerator.Row stub, LoadGenerator.Row prism) {}

  record ResidentMemory(double stubAfterThroughputMiB, Double prismAfterThroughputMiB) {}

  /** The soak: a long mixed load against a fresh stub, resident memory every second. */
  record Soak(
      LoadGenerator.Row warmup,
      LoadGenerator.Row run,
      double rssAfterWarmupMiB,
      double rssFirstWindowMiB,
      double rssLastWindowMiB,
      double rssLastToFirst,
      boolean rssFlat,
      double rssPeakMiB,
      List<Double> rssEverySecondMiB,
      GcWindows heap,
      Double liveHeapAfterWarmupMiB,
      Double liveHeapAfterSoakMiB) {

    long errors() {
      return warmup.errors() + run.errors();
    }

    long serverErrors() {
      return warmup.serverErrors5xx() + run.serverErrors5xx();
    }
  }

  /** From the stub's GC log: heap in use after collections, and the committed heap. */
  record GcWindows(
      int collections,
      double afterGcFirstMiB,
      double afterGcLastMiB,
      double committedFirstMiB,
      double committedLastMiB) {}

  /** The client variants at one thread count. */
  record ClientRow(
      int threads,
      List<ClientComparison.Row> variants,
      double feignToPlain,
      double feignToPlainWithJackson) {}

  record JmhRow(String benchmark, double score, double error, String unit) {}

  record Target(String target, boolean met, String measured) {}
}
