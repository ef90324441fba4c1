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

  static Summary summarize(List<Latencies> parts) {
    int total = 0;
    for (Latencies p : parts) {
      total += p.count;
    }
    long[] all = new long[total];
    int at = 0;
    for (Latencies p : parts) {
      System.arraycopy(p.samples, 0, all, at, p.count);
      at += p.count;
    }
    Arrays.sort(all);
    return Summary.of(all);
  }

  /** Percentiles of a sorted sample, in milliseconds (4 decimals). */
  record Summary(
      int samples,
      double meanMs,
      double p50Ms,
      double p90Ms,
      double p99Ms,
      double p999Ms,
      double maxMs) {

    static Summary of(long[] sorted) {
      int count = sorted.length;
      double sum = 0;
      for (long v : sorted) {
        sum += v;
      }
      return new Summary(
          count,
          Report.round(count == 0 ? Double.NaN : sum / count / 1e6, 4),
          percentile(sorted, 50),
          percentile(sorted, 90),
          percentile(sorted, 99),
          percentile(sorted, 99.9),
          count == 0 ? Double.NaN : sorted[count - 1] / 1e6);
    }

    /** Nearest-rank percentile. */
    private static double percentile(long[] sorted, double p) {
      if (sorted.length == 0) {
        return Double.NaN;
      }
      int rank = (int) Math.ceil(p / 100.0 * sorted.length);
      return Report.round(sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6, 4);
    }
  }
}
