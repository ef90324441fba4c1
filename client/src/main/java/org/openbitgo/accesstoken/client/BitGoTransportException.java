package org.openbitgo.accesstoken.client;

/**
 * The request failed without a usable HTTP answer: connection refused, connection reset or closed
 * mid-response, read timeout, or a 2xx answer whose body could not be read.
 *
 * <p>{@link #requestMayHaveBeenSent()} tells the caller what it must do next. When true, BitGo may
 * have created the token even though no answer arrived; the client did not retry (creating a token
 * is not idempotent), so check the account's token list before creating another one.
 */
public final class BitGoTransportException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean requestMayHaveBeenSent;
  private final int attempts;

  BitGoTransportException(
      String message, Throwable cause, boolean requestMayHaveBeenSent, int attempts) {
    super(message, cause);
    this.requestMayHaveBeenSent = requestMayHaveBeenSent;
    this.attempts = attempts;
  }

  /**
   * False only when the connection failed before anything was sent (e.g. connection refused), so
   * the token was certainly not created.
   */
  public boolean requestMayHaveBeenSent() {
    return requestMayHaveBeenSent;
  }

  /** How many times the request was attempted. */
  public int attempts() {
    return attempts;
  }
}
