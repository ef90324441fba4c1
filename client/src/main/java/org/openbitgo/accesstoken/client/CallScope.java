package org.openbitgo.accesstoken.client;

import java.lang.reflect.InvocationHandler;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.openbitgo.accesstoken.client.generated.model.CreateAccessTokenRequest;

/**
 * What one call knows, set when a method of the API is invoked and read by every part of it: its
 * overall deadline (the transport bounds each attempt by it, the retryer never sleeps past it) and
 * its {@link SecretRedactor}, built at most once from the client's token and the request's {@code
 * otp}, and used by the transport, the error decoder and the logger alike. Feign runs a synchronous
 * call, retries included, on the caller's thread, so the call lives there.
 */
final class CallScope {

  /** Lives on the caller's thread only, so its redactor needs no lock. */
  private static final class Call {
    private final long endsAt;
    private final SecretRedactor clientSecrets;
    private final String otp;
    private SecretRedactor secrets;

    Call(long endsAt, SecretRedactor clientSecrets, String otp) {
      this.endsAt = endsAt;
      this.clientSecrets = clientSecrets;
      this.otp = otp;
    }

    /**
     * Built at the first text to redact: a call that succeeds unlogged, nearly all of them, never
     * compiles the otp's pattern.
     */
    SecretRedactor secrets() {
      if (secrets == null) {
        secrets = clientSecrets.withOtp(otp);
      }
      return secrets;
    }
  }

  private final Duration timeout;
  private final LongSupplier ticker;
  private final SecretRedactor clientSecrets;
  private final ThreadLocal<Call> current = new ThreadLocal<>();
  private volatile boolean closed;

  /**
   * @param clientSecrets the redactor of what every call holds (the client's own token)
   */
  CallScope(Duration timeout, LongSupplier ticker, SecretRedactor clientSecrets) {
    this.timeout = timeout;
    this.ticker = ticker;
    this.clientSecrets = clientSecrets;
  }

  /**
   * Wraps Feign's invocation handler: every call through the API starts with a fresh deadline and a
   * redactor that also knows the request's {@code otp}, read from the request object itself.
   */
  InvocationHandler around(InvocationHandler handler) {
    return (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class || current.get() != null) {
        return handler.invoke(proxy, method, args);
      }
      if (closed) {
        throw new IllegalStateException("this AccessTokenClient is closed");
      }
      current.set(new Call(ticker.getAsLong() + timeout.toNanos(), clientSecrets, otpOf(args)));
      try {
        return handler.invoke(proxy, method, args);
      } finally {
        current.remove();
      }
    };
  }

  private static String otpOf(Object[] args) {
    if (args != null) {
      for (Object arg : args) {
        if (arg instanceof CreateAccessTokenRequest request) {
          return request.getOtp();
        }
      }
    }
    return null;
  }

  /** The current call's redactor; the client's own outside a call. */
  SecretRedactor secrets() {
    Call call = current.get();
    return call == null ? clientSecrets : call.secrets();
  }

  /** Now, on the clock the deadline is measured against (nanoseconds, monotonic). */
  long now() {
    return ticker.getAsLong();
  }

  /** Time left in the current call; the whole timeout outside a call. */
  Duration remaining() {
    Call call = current.get();
    return call == null ? timeout : Duration.ofNanos(call.endsAt - ticker.getAsLong());
  }

  /** Whether the current call's deadline has passed. */
  boolean passed() {
    Duration left = remaining();
    return left.isNegative() || left.isZero();
  }

  /** From now on, a new call is refused; calls under way finish. */
  void close() {
    closed = true;
  }

  /** Whether {@link #close()} ran: a call under way then makes no further attempt. */
  boolean isClosed() {
    return closed;
  }

  /** How the deadline is named in messages: {@code call deadline of 500 ms}. */
  String describe() {
    return "call deadline of " + timeout.toMillis() + " ms";
  }
}
