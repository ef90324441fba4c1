package org.openbitgo.accesstoken.client;

import feign.Request;
import feign.RetryableException;
import feign.Retryer;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feign {@link Retryer} that retries only what cannot change anything twice:
 *
 * <ul>
 *   <li>HTTP 429: BitGo refused the request unprocessed. Waits {@code Retry-After} when given
 *       (giving up if it is longer than {@code maxBackoff}), else exponential backoff with jitter.
 *   <li>An attempt that failed before the request was sent ({@link ConnectException}, or an {@link
 *       HttpConnectTimeoutException}: the connect timeout, or any timeout that ended the attempt
 *       before its body was sent, see {@link DeadlineBoundedClient}): exponential backoff with
 *       jitter.
 *   <li>For an idempotent request (list is a {@code GET}; revoking twice answers the same document,
 *       so its {@code DELETE} is idempotent too), also a failure after sending (a read timeout, a
 *       connection reset or closed mid-response): repeating it changes nothing more.
 * </ul>
 *
 * No wait runs past the call's deadline: a retry that could not start before it is not made. For a
 * create ({@code POST}), a failure after sending may have reached BitGo, so it is never retried.
 * When giving up, the retryer throws the typed exception ({@link BitGoApiException} or {@link
 * BitGoTransportException}) rather than Feign's {@link RetryableException}, whose name would invite
 * the caller to retry.
 */
final class RateLimitRetryer implements Retryer {

  /** Waits between attempts; injectable so tests observe delays instead of sleeping. */
  @FunctionalInterface
  interface Sleeper {
    Sleeper SYSTEM = delay -> Thread.sleep(delay.toMillis());

    void sleep(Duration delay) throws InterruptedException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(RateLimitRetryer.class);

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  private final CallScope deadline;
  private int attempt = 1;

  /** Whether an attempt before the current one failed after it may have reached BitGo. */
  private boolean anEarlierAttemptMayHaveBeenSent;

  RateLimitRetryer(
      int maxAttempts,
      Duration initialBackoff,
      Duration maxBackoff,
      Sleeper sleeper,
      DoubleSupplier random,
      CallScope deadline) {
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.sleeper = sleeper;
    this.random = random;
    this.deadline = deadline;
  }

  @Override
  public void continueOrPropagate(RetryableException e) {
    if (deadline.isClosed() // close() ran: no further attempt, whatever failed
        || !(isRateLimited(e) || nothingWasSent(e) || isIdempotent(e))
        || attempt >= maxAttempts) {
      throw giveUp(e);
    }
    Duration delay = delayBefore(e);
    if (delay.compareTo(maxBackoff) > 0) {
      throw giveUp(e); // e.g. Retry-After: 3600; the caller reads retryAfter() and decides
    }
    if (delay.compareTo(deadline.remaining()) >= 0) {
      throw giveUp(e); // the next attempt could not even start before the call's deadline
    }
    // a 429 was refused unprocessed; anything else not "nothing sent" may have reached BitGo
    anEarlierAttemptMayHaveBeenSent |= !isRateLimited(e) && !nothingWasSent(e);
    attempt++;
    LOG.debug("{}; attempt {} of {} in {} ms", reason(e), attempt, maxAttempts, delay.toMillis());
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw giveUp(e);
    }
  }

  @Override
  public Retryer clone() {
    return new RateLimitRetryer(maxAttempts, initialBackoff, maxBackoff, sleeper, random, deadline);
  }

  private static boolean isRateLimited(RetryableException e) {
    return e.status() == 429 && e.getCause() instanceof BitGoApiException;
  }

  /** Requests that change nothing more when repeated: reading, and revoking. */
  private static boolean isIdempotent(RetryableException e) {
    return e.method() == Request.HttpMethod.GET || e.method() == Request.HttpMethod.DELETE;
  }

  private static boolean nothingWasSent(RetryableException e) {
    return e.getCause() instanceof ConnectException
        || e.getCause() instanceof HttpConnectTimeoutException
        || e.getCause() instanceof DeadlineBoundedClient.ClientClosedException;
  }

  private Duration delayBefore(RetryableException e) {
    // The typed exception already holds Retry-After as a duration: no deadline round trip.
    if (isRateLimited(e)
        && e.getCause() instanceof BitGoApiException api
        && api.retryAfter().isPresent()) {
      return api.retryAfter().get();
    }
    // "Equal jitter": half the exponential delay is fixed, the other half random, so concurrent
    // clients spread out while each still waits at least half the nominal delay.
    long nominal = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
    long capped = Math.min(nominal, maxBackoff.toMillis());
    long half = capped / 2;
    return Duration.ofMillis(half + (long) (random.getAsDouble() * (capped - half)));
  }

  private RuntimeException giveUp(RetryableException e) {
    if (e.getCause() instanceof BitGoApiException api) {
      return api;
    }
    boolean mayHaveBeenSent = anEarlierAttemptMayHaveBeenSent || !nothingWasSent(e);
    Throwable cause = e.getCause() == null ? e : e.getCause();
    String target = e.method() + " " + (e.request() == null ? "" : e.request().url());
    String message =
        mayHaveBeenSent && isIdempotent(e)
            ? target
                + " failed without an HTTP answer ("
                + describe(cause)
                + "), after "
                + attempt
                + " attempt(s)."
            : mayHaveBeenSent
                ? target
                    + " failed without an HTTP answer ("
                    + describe(cause)
                    + "). Not retried: the request may have reached BitGo, and creating a token is"
                    + " not idempotent; check the token list before trying again."
                : target
                    + " failed before the request was sent ("
                    + describe(cause)
                    + "), after "
                    + attempt
                    + " attempt(s).";
    return new BitGoTransportException(message, cause, mayHaveBeenSent, attempt);
  }

  private static String reason(RetryableException e) {
    if (isRateLimited(e)) {
      return "Rate limited (HTTP 429)";
    }
    return nothingWasSent(e)
        ? "Connection failed before sending"
        : "No answer to a repeatable request";
  }

  private static String describe(Throwable cause) {
    return cause.getMessage() == null
        ? cause.getClass().getSimpleName()
        : cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
