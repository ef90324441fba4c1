package org.openbitgo.accesstoken.stub.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openbitgo.accesstoken.server.generated.model.PlatformError;

/**
 * Builds every error answer in the contract's {@code PlatformError} shape. The request id is filled
 * in when the answer is written, by the one place that knows it.
 */
public final class PlatformErrors {

  /** Stands in until the answer is written with the real request id. */
  static final String PENDING_REQUEST_ID = "pending";

  private PlatformErrors() {}

  public static Answer of(int status, String message, Map<String, ?> context) {
    PlatformError error =
        new PlatformError(message, PENDING_REQUEST_ID, new LinkedHashMap<>(context));
    error.setName(nameOf(status));
    return new Answer(status, Map.of(), error, false);
  }

  public static Answer invalidRequest(String field, String message) {
    return of(400, message, Map.of("field", field));
  }

  /** The stable error code ({@code name}) of each status the stub answers with. */
  static String nameOf(int status) {
    return switch (status) {
      case 400 -> "InvalidRequest";
      case 401 -> "Unauthorized";
      case 404 -> "NotFound";
      case 405 -> "MethodNotAllowed";
      case 406 -> "NotAcceptable";
      case 408 -> "RequestTimeout";
      case 413 -> "PayloadTooLarge";
      case 414 -> "UriTooLong";
      case 415 -> "UnsupportedMediaType";
      case 429 -> "TooManyRequests";
      case 431 -> "RequestHeaderFieldsTooLarge";
      case 500 -> "InternalError";
      case 503 -> "ServiceUnavailable";
      default -> status >= 500 ? "InternalError" : "RequestFailed";
    };
  }
}
