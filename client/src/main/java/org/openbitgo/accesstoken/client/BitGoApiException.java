package org.openbitgo.accesstoken.client;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * BitGo answered with a status outside 2xx. Every such answer becomes this one type, carrying the
 * documented error body ({@code PlatformError}) when there is one and the raw text when there is
 * not.
 *
 * <p>The message ends with the request id (quote it to BitGo support) and never contains the access
 * token: the raw body is redacted before it gets here.
 */
public final class BitGoApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private static final int MAX_RAW_TEXT_IN_MESSAGE = 200;

  private final int status;
  private final String name;
  private final String error;
  private final String requestId;
  private final Map<String, Object> context;
  private final String responseBody;
  private final Duration retryAfter;

  /**
   * @param status the HTTP status
   * @param name the error code from the body ({@code name}), or null
   * @param error the human-readable error from the body ({@code error}), or null when the body was
   *     not a platform error
   * @param requestId the body's {@code requestId}, else the {@code X-Request-Id} header, or null
   * @param context the body's {@code context}, or null
   * @param responseBody the body as text (redacted), empty when there was none
   * @param retryAfter the {@code Retry-After} delay, or null
   */
  public BitGoApiException(
      int status,
      String name,
      String error,
      String requestId,
      Map<String, Object> context,
      String responseBody,
      Duration retryAfter) {
    super(message(status, name, error, requestId, responseBody));
    this.status = status;
    this.name = name;
    this.error = error;
    this.requestId = requestId;
    this.context =
        context == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(context));
    this.responseBody = responseBody == null ? "" : responseBody;
    this.retryAfter = retryAfter;
  }

  /** The HTTP status, e.g. 400, 401, 429, 500. */
  public int status() {
    return status;
  }

  /** The stable error code ({@code name}, e.g. {@code InvalidRequest}), or null if absent. */
  public String name() {
    return name;
  }

  /** The human-readable explanation ({@code error}), or null if the body was not JSON. */
  public String error() {
    return error;
  }

  /**
   * The request id: the body's {@code requestId}, else the {@code X-Request-Id} response header, or
   * null if neither was present.
   */
  public String requestId() {
    return requestId;
  }

  /** Details about the error ({@code context}); empty when absent. */
  public Map<String, Object> context() {
    return context;
  }

  /** The response body as text (secrets redacted); empty when the response had no body. */
  public String responseBody() {
    return responseBody;
  }

  /** How long BitGo asked to wait ({@code Retry-After}), when it said so. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Whether BitGo rate-limited the request (HTTP 429). */
  public boolean isRateLimited() {
    return status == 429;
  }

  private static String message(
      int status, String name, String error, String requestId, String responseBody) {
    StringBuilder message = new StringBuilder("BitGo API error: HTTP ").append(status);
    if (name != null) {
      message.append(' ').append(name);
    }
    if (error != null) {
      message.append(": ").append(error);
    } else if (responseBody == null || responseBody.isBlank()) {
      message.append(" with an empty body");
    } else {
      String raw = responseBody.strip();
      message
          .append(": ")
          .append(
              raw.length() <= MAX_RAW_TEXT_IN_MESSAGE
                  ? raw
                  : raw.substring(0, MAX_RAW_TEXT_IN_MESSAGE) + "…");
    }
    return message
        .append(" (requestId: ")
        .append(requestId == null ? "none" : requestId)
        .append(')')
        .toString();
  }
}
