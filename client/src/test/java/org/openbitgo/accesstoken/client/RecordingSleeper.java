package org.openbitgo.accesstoken.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records the delays the retryer asks for instead of sleeping; optionally acts on each one. */
final class RecordingSleeper implements RateLimitRetryer.Sleeper {

  interface OnSleep {
    void run(int call) throws Exception;
  }

  private final List<Duration> delays = new ArrayList<>();
  private final OnSleep onSleep;

  RecordingSleeper() {
    this(call -> {});
  }

  RecordingSleeper(OnSleep onSleep) {
    this.onSleep = onSleep;
  }

  @Override
  public synchronized void sleep(Duration delay) {
    delays.add(delay);
    try {
      onSleep.run(delays.size());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  synchronized List<Duration> delays() {
    return List.copyOf(delays);
  }
}
