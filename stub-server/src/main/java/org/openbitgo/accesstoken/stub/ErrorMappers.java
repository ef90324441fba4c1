package org.openbitgo.accesstoken.stub;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.annotation.Priority;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.io.CharConversionException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure becomes a JSON {@code PlatformError}: no HTML page, no stack trace. Registered with
 * a high priority (low number) so that none of Jersey's built-in mappers answers instead.
 */
final class ErrorMappers {

  static final int PRIORITY = 1;

  private static final Logger LOG = LoggerFactory.getLogger(ErrorMappers.class);

  private ErrorMappers() {}

  static List<Object> all() {
    return List.of(
        new InvalidRequestMapper(),
        new ConstraintViolationMapper(),
        new ValidationMapper(),
        new JsonProcessingMapper(),
        new WebApplicationMapper(),
        new ProcessingMapper(),
        new UnexpectedMapper());
  }

  /** A rule of the contract the schema cannot express (checked by hand). */
  @Priority(PRIORITY)
  static final class InvalidRequestMapper implements ExceptionMapper<InvalidRequestException> {
    @Override
    public Response toResponse(InvalidRequestException e) {
      return PlatformErrors.invalidRequest(e.field(), e.getMessage());
    }
  }

  /** Bean Validation of the generated models; the first violation (by field path) is reported. */
  @Priority(PRIORITY)
  static final class ConstraintViolationMapper
      implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException e) {
      ConstraintViolation<?> first =
          e.getConstraintViolations().stream()
              .min(
                  Comparator.comparing((ConstraintViolation<?> v) -> fieldOf(v.getPropertyPath()))
                      .thenComparing(ConstraintViolation::getMessage))
              .orElse(null);
      if (first == null) {
        return PlatformErrors.invalidRequest(JsonErrorDescriber.WHOLE_BODY, "invalid request");
      }
      String field = fieldOf(first.getPropertyPath());
      return PlatformErrors.invalidRequest(field, messageOf(field, first));
    }

    private static String messageOf(String field, ConstraintViolation<?> violation) {
      if (field.equals(JsonErrorDescriber.WHOLE_BODY)) {
        return "request body is required: a JSON object";
      }
      boolean patternViolation =
          violation.getConstraintDescriptor().getAnnotation() instanceof Pattern;
      if (patternViolation && field.startsWith("ipRestrict[")) {
        return field + " must be an IPv4 address or CIDR block";
      }
      if (patternViolation) {
        return field + " has an invalid format";
      }
      return field + " " + violation.getMessage();
    }

    /**
     * The JSON path of a violation: Hibernate Validator's path starts with the method and its
     * parameter ({@code createAccessToken.arg0}), which mean nothing to the caller.
     */
    static String fieldOf(Path path) {
      StringBuilder field = new StringBuilder();
      for (Path.Node node : path) {
        if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
          continue;
        }
        if (node.isInIterable()) {
          if (node.getIndex() != null) {
            field.append('[').append(node.getIndex()).append(']');
          } else if (node.getKey() != null) {
            field.append('[').append(node.getKey()).append(']');
          }
        }
        if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
          if (field.length() > 0) {
            field.append('.');
          }
          field.append(node.getName());
        }
      }
      return field.length() == 0 ? JsonErrorDescriber.WHOLE_BODY : field.toString();
    }
  }

  /**
   * Any other Bean Validation failure is a fault of the server, not of the request (Jersey picks
   * the more specific ConstraintViolationMapper for violations).
   */
  @Priority(PRIORITY)
  static final class ValidationMapper implements ExceptionMapper<ValidationException> {
    @Override
    public Response toResponse(ValidationException e) {
      return unexpected(e);
    }
  }

  /** Malformed JSON, wrong JSON types, missing required fields, too deep nesting. */
  @Priority(PRIORITY)
  static final class JsonProcessingMapper implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException e) {
      return badJson(e);
    }
  }

  /**
   * Jersey's own outcomes (404, 405, 406, 415, ...) keep their status and headers but get the
   * contract's body; a JSON failure Jersey wrapped is unwrapped first.
   */
  @Priority(PRIORITY)
  static final class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      Response fromBody = fromReadFailure(e);
      if (fromBody != null) {
        return fromBody;
      }
      Response original = e.getResponse();
      int status = original == null ? 500 : original.getStatus();
      if (status >= 500) {
        return unexpected(e);
      }
      Response.ResponseBuilder answer =
          PlatformErrors.builder(status, messageOf(status, original), Map.of());
      if (original != null) {
        for (String header :
            List.of(HttpHeaders.ALLOW, HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE)) {
          Object value = original.getHeaders().getFirst(header);
          if (value != null) {
            answer.header(header, value);
          }
        }
      }
      return answer.build();
    }

    private static String messageOf(int status, Response original) {
      return switch (status) {
        case 400 -> "request body could not be read";
        case 404 -> "no such resource; the only operation is POST /api/v2/user/accesstoken";
        case 405 -> "method not allowed; use POST";
        case 406 -> "the only response type is application/json";
        case 413 -> "request body is too large";
        case 415 -> "request body must be application/json";
        default ->
            original == null || original.getStatusInfo() == null
                ? "request failed"
                : original.getStatusInfo().getReasonPhrase();
      };
    }
  }

  /** Jersey reports some entity-reading failures as a ProcessingException. */
  @Priority(PRIORITY)
  static final class ProcessingMapper implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException e) {
      Response fromBody = fromReadFailure(e);
      return fromBody != null ? fromBody : unexpected(e);
    }
  }

  /** Anything else is a bug in the stub: logged here, a bare 500 for the caller. */
  @Priority(PRIORITY)
  static final class UnexpectedMapper implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable e) {
      Response fromBody = fromReadFailure(e);
      return fromBody != null ? fromBody : unexpected(e);
    }
  }

  /** A 400 if a JSON or character-decoding failure hides in the cause chain, else null. */
  private static Response fromReadFailure(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonProcessingException json) {
        return badJson(json);
      }
      if (cause instanceof CharConversionException) {
        return PlatformErrors.invalidRequest(
            JsonErrorDescriber.WHOLE_BODY, "request body is not valid UTF-8 JSON");
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }

  private static Response badJson(JsonProcessingException e) {
    Map<String, Object> description = JsonErrorDescriber.describe(e);
    @SuppressWarnings("unchecked")
    Map<String, Object> context = (Map<String, Object>) description.get("context");
    return PlatformErrors.of(400, (String) description.get("message"), context);
  }

  private static Response unexpected(Throwable e) {
    // The exception's own text never reaches the caller; the class and stack trace go to the log.
    // Nothing thrown in this server carries a token or an Authorization header.
    LOG.error("unexpected failure while handling a request: {}", e.getClass().getName(), e);
    return PlatformErrors.of(500, "internal error", Map.of());
  }
}
