package org.openbitgo.accesstoken.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.RetryableException;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import org.openbitgo.accesstoken.client.generated.model.PlatformError;
import org.openbitgo.accesstoken.contract.ContractFacts;

/**
 * Turns every non-2xx answer into a {@link BitGoApiException}, reading the documented {@code
 * PlatformError} body when there is one and keeping the raw text when there is not.
 *
 * <p>Only 429 is handed to Feign's retry machinery (as a {@link RetryableException} whose cause is
 * the typed exception): BitGo rejected the request without acting on it. Every other status is
 * final, because a 5xx on a create may come after the token was created.
 *
 * @param mapper reads the {@code PlatformError} body
 * @param calls the call's redactor hides the caller's secrets in whatever the peer sent back
 * @param clock the clock against which an HTTP-date {@code Retry-After} is read
 */
record PlatformErrorDecoder(ObjectMapper mapper, CallScope calls, Clock clock)
    implements ErrorDecoder {

  static final String REQUEST_ID_HEADER = ContractFacts.REQUEST_ID_HEADER;
  static final String RETRY_AFTER_HEADER = "Retry-After";
  private static final java.util.regex.Pattern SECONDS =
      java.util.regex.Pattern.compile("[-+]?\\d+");

  @Override
  public Exception decode(String methodKey, Response response) {
    // It knows the request's otp too: a peer may echo it anywhere in its answer.
    SecretRedactor secrets = calls.secrets();
    String body = secrets.redact(readBody(response));
    PlatformError platformError = parse(body);
    String requestId =
        secrets.redact(
            platformError != null && platformError.getRequestId() != null
                ? platformError.getRequestId()
                : firstHeader(response, REQUEST_ID_HEADER));
    Duration retryAfter = parseRetryAfter(firstHeader(response, RETRY_AFTER_HEADER));
    BitGoApiException exception =
        new BitGoApiException(
            response.status(),
            platformError == null ? null : secrets.redact(platformError.getName()),
            platformError == null ? null : secrets.redact(platformError.getError()),
            requestId,
            platformError == null ? null : secrets.redactValues(platformError.getContext()),
            body,
            retryAfter);
    if (response.status() != 429) {
      return exception;
    }
    // RateLimitRetryer reads the wait from the typed cause, so Feign's deadline field stays empty.
    return new RetryableException(
        response.status(),
        exception.getMessage(),
        response.request().httpMethod(),
        exception,
        (Long) null,
        response.request());
  }

  private static String readBody(Response response) {
    if (response.body() == null) {
      return "";
    }
    Charset charset = response.charset() == null ? StandardCharsets.UTF_8 : response.charset();
    try (InputStream in = response.body().asInputStream()) {
      return new String(in.readAllBytes(), charset);
    } catch (IOException e) {
      // DeadlineBoundedClient already holds the bytes in memory; this cannot fail in practice.
      return "";
    }
  }

  private PlatformError parse(String body) {
    if (!body.stripLeading().startsWith("{")) {
      return null;
    }
    try {
      PlatformError error = mapper.readValue(body, PlatformError.class);
      // A JSON object that is not a platform error (e.g. a proxy's) is raw text to us.
      return error.getError() == null && error.getRequestId() == null && error.getName() == null
          ? null
          : error;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String firstHeader(Response response, String name) {
    Collection<String> values = response.headers().get(name); // Feign's map ignores case
    if (values == null) {
      return null;
    }
    return values.stream().filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
  }

  /**
   * Seconds as the contract documents; an HTTP date is accepted too, as RFC 9110 allows. Seconds
   * beyond a {@code long} are "practically forever", not absent: the retryer must refuse them.
   */
  private Duration parseRetryAfter(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.trim();
    if (SECONDS.matcher(trimmed).matches()) {
      try {
        return Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed)));
      } catch (NumberFormatException tooLarge) {
        return trimmed.startsWith("-") ? Duration.ZERO : Duration.ofSeconds(Long.MAX_VALUE);
      }
    } else {
      try {
        ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(clock.instant(), at.toInstant());
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }
}
