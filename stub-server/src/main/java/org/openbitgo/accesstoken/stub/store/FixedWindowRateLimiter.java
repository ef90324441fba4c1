package org.openbitgo.accesstoken.stub.store;

import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts requests per caller in one-minute windows, like the platform's per-token rate limit. Cheap
 * and approximate by design: the stub only needs to let clients exercise their 429 path.
 */
public final class FixedWindowRateLimiter {

  private static final long WINDOW_MILLIS = 60_000L;

  /** Forget idle callers so a soak with many tokens cannot grow this map without bound. */
  private static final int MAX_TRACKED_CALLERS = 10_000;

  private final int limitPerWindow;
  private final Clock clock;
  private final Map<String, long[]> windowStartAndCountByCaller = new ConcurrentHashMap<>();

  public FixedWindowRateLimiter(int limitPerWindow, Clock clock) {
    this.limitPerWindow = limitPerWindow;
    this.clock = clock;
  }

  /** Empty if the request may proceed, else the seconds to wait (for {@code Retry-After}). */
  public OptionalLong tryAcquire(String callerKey) {
    if (limitPerWindow <= 0) {
      return OptionalLong.empty();
    }
    long now = clock.millis();
    long windowStart = now - Math.floorMod(now, WINDOW_MILLIS);
    if (windowStartAndCountByCaller.size() > MAX_TRACKED_CALLERS) {
      // Only callers whose window has passed: active ones keep their count.
      windowStartAndCountByCaller.values().removeIf(state -> state[0] != windowStart);
    }
    long[] state =
        windowStartAndCountByCaller.compute(
            callerKey,
            (key, current) -> {
              if (current == null || current[0] != windowStart) {
                return new long[] {windowStart, 1};
              }
              current[1]++;
              return current;
            });
    if (state[1] <= limitPerWindow) {
      return OptionalLong.empty();
    }
    long waitMillis = windowStart + WINDOW_MILLIS - now;
    return OptionalLong.of(Math.max(1, (waitMillis + 999) / 1000));
  }
}
