package org.openbitgo.accesstoken.client;

import java.lang.reflect.InvocationHandler;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The overall deadline of one call: set when a method of the API is invoked, read by the transport
 * (to bound each attempt, body included) and by the retryer (never to sleep past it). Feign runs a
 * synchronous call, retries included, on the caller's thread, so the deadline lives there.
 */
final class CallDeadline {

  private final Duration timeout;
  private final LongSupplier ticker;
  private final ThreadLocal<Long> endsAt = new ThreadLocal<>();

  CallDeadline(Duration timeout, LongSupplier ticker) {
    this.timeout = timeout;
    this.ticker = ticker;
  }

  /** Wraps Feign's invocation handler: every call through the API starts a fresh deadline. */
  InvocationHandler around(InvocationHandler handler) {
    return (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class || endsAt.get() != null) {
        return handler.invoke(proxy, method, args);
      }
      endsAt.set(ticker.getAsLong() + timeout.toNanos());
      try {
        return handler.invoke(proxy, method, args);
      } finally {
        endsAt.remove();
      }
    };
  }

  /** Time left in the current call; the whole timeout outside a call. */
  Duration remaining() {
    Long end = endsAt.get();
    return end == null ? timeout : Duration.ofNanos(end - ticker.getAsLong());
  }

  /** Whether the current call's deadline has passed. */
  boolean passed() {
    Duration left = remaining();
    return left.isNegative() || left.isZero();
  }

  Duration timeout() {
    return timeout;
  }

  /** How the deadline is named in messages: {@code call deadline of 500 ms}. */
  String describe() {
    return "call deadline of " + timeout.toMillis() + " ms";
  }
}
