package org.openbitgo.accesstoken.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Latency samples in nanoseconds, one growable array per thread (no sharing while recording);
 * merged and sorted once at the end, so percentiles are exact.
 */
final class Latencies {

  private long[] samples = new long[1 << 16];
  private int count;

  void record(long nanos) {
    if (count == samples.length) {
      samples = Arrays.copyOf(samples, samples.length * 2);
    }
    samples[count++] = nanos;
  }

  int count() {
    return count;
  }

  /** Nearest-rank percentiles of a sample, in milliseconds (NaN for none). */
  record Summary(double p50Ms, double p99Ms, double maxMs) {

    static Summary of(List<Latencies> parts) {
      long[] all = new long[parts.stream().mapToInt(Latencies::count).sum()];
      int at = 0;
      for (Latencies p : parts) {
        System.arraycopy(p.samples, 0, all, at, p.count);
        at += p.count;
      }
      Arrays.sort(all);
      return new Summary(percentile(all, 50), percentile(all, 99), percentile(all, 100));
    }

    private static double percentile(long[] sorted, double p) {
      if (sorted.length == 0) {
        return Double.NaN;
      }
      int rank = (int) Math.ceil(p / 100.0 * sorted.length);
      return Report.round(sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6, 4);
    }
  }
}
