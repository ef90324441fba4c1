package org.openbitgo.accesstoken.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    return new Summary(all);
  }

  /** Percentiles of a sorted sample, in milliseconds. */
  static final class Summary {
    final int count;
    final double meanMs;
    final double p50Ms;
    final double p90Ms;
    final double p99Ms;
    final double p999Ms;
    final double maxMs;

    Summary(long[] sorted) {
      count = sorted.length;
      double sum = 0;
      for (long v : sorted) {
        sum += v;
      }
      meanMs = count == 0 ? Double.NaN : sum / count / 1e6;
      p50Ms = percentile(sorted, 50);
      p90Ms = percentile(sorted, 90);
      p99Ms = percentile(sorted, 99);
      p999Ms = percentile(sorted, 99.9);
      maxMs = count == 0 ? Double.NaN : sorted[count - 1] / 1e6;
    }

    /** Nearest-rank percentile. */
    private static double percentile(long[] sorted, double p) {
      if (sorted.length == 0) {
        return Double.NaN;
      }
      int rank = (int) Math.ceil(p / 100.0 * sorted.length);
      return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("samples", count);
      m.put("meanMs", Report.round(meanMs, 4));
      m.put("p50Ms", Report.round(p50Ms, 4));
      m.put("p90Ms", Report.round(p90Ms, 4));
      m.put("p99Ms", Report.round(p99Ms, 4));
      m.put("p999Ms", Report.round(p999Ms, 4));
      m.put("maxMs", Report.round(maxMs, 4));
      return m;
    }
  }
}
