package org.openbitgo.accesstoken.bench;

import java.io.PrintStream;
import java.time.LocalTime;

/**
 * Where a phase reports its progress while it runs (one line per measurement): given to each phase
 * by {@link BenchmarkMain}, so no phase reaches back into the entry point.
 */
@FunctionalInterface
interface ProgressLog {

  void line(String text);

  /** Timestamped lines on {@code out}, flushed at once so a long run shows where it is. */
  static ProgressLog timestamped(PrintStream out) {
    return text -> {
      out.println("[bench " + LocalTime.now().withNano(0) + "] " + text);
      out.flush();
    };
  }
}
