package org.openbitgo.accesstoken.stub.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openbitgo.accesstoken.contract.BaseUnitAmount;

/**
 * Turns Jackson's failures into the contract's 400: a message in our own words (Jackson's own
 * messages name Java classes and quote input) and {@code context.field} as a JSON path.
 */
public final class JsonErrorDescriber {

  private static final Pattern MISSING_PROPERTY =
      Pattern.compile("Missing required creator property '([^']+)'");

  private JsonErrorDescriber() {}

  /** The 400 answer for a body Jackson could not read into the request model. */
  public static Answer describe(JsonProcessingException e) {
    String field = fieldOf(e);
    String message;
    if (e instanceof StreamConstraintsException) {
      message =
          "request body exceeds a JSON limit (nesting deeper than "
              + StrictContractJson.MAX_NESTING_DEPTH
              + " levels, or a value too long)";
      field = JsonPath.WHOLE_BODY;
    } else if (isDuplicateField(e)) {
      message = field + " appears more than once";
    } else if (e instanceof InvalidNullException) {
      message = field + " must not be null: leave it out instead";
    } else if (e.getOriginalMessage() != null
        && e.getOriginalMessage().endsWith(StrictContractJson.UNPAIRED_SURROGATE)) {
      message = field + " is not valid Unicode: it holds " + StrictContractJson.UNPAIRED_SURROGATE;
    } else if (field.equals(JsonPath.WHOLE_BODY) && e instanceof MismatchedInputException) {
      message = "request body must be a JSON object";
    } else if (e instanceof JsonMappingException mapping
        && mapping.getOriginalMessage() != null
        && MISSING_PROPERTY.matcher(mapping.getOriginalMessage()).find()) {
      message = field + " is required";
    } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      message = field + " must be " + jsonTypeOf(mismatch.getTargetType());
    } else if (e instanceof JsonMappingException) {
      message =
          (field.equals(JsonPath.WHOLE_BODY) ? "request body" : field) + " has an invalid value";
    } else if (e instanceof StreamReadException && !field.equals(JsonPath.WHOLE_BODY)) {
      // e.g. a number too large for an int64 duration
      message = field + " has an invalid value";
    } else {
      message = "request body is not valid JSON";
    }
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("field", field);
    JsonLocation location = e.getLocation();
    if (location != null && location.getLineNr() > 0 && e instanceof StreamReadException) {
      context.put("line", location.getLineNr());
      context.put("column", location.getColumnNr());
    }
    return PlatformErrors.of(400, message, context);
  }

  /** The JSON path of the failing value, e.g. {@code spendingLimits[0].txValueLimit}. */
  static String fieldOf(JsonProcessingException e) {
    JsonPath path = new JsonPath();
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      for (JsonMappingException.Reference reference : mapping.getPath()) {
        if (reference.getFieldName() != null) {
          path.property(reference.getFieldName());
        } else if (reference.getIndex() >= 0) {
          path.index(reference.getIndex());
        }
      }
    } else if (e.getProcessor() instanceof JsonParser parser
        && (!(e instanceof JsonParseException) || isDuplicateField(e))) {
      // stream-level failures carry no path, but the parser still knows where it was; a syntax
      // error (truncation, garbage) is a fault of the whole body, reported with line and column
      Deque<JsonStreamContext> contexts = new ArrayDeque<>();
      for (JsonStreamContext context = parser.getParsingContext();
          context != null && !context.inRoot();
          context = context.getParent()) {
        contexts.push(context);
      }
      for (JsonStreamContext context : contexts) {
        if (context.inObject() && context.getCurrentName() != null) {
          path.property(context.getCurrentName());
        } else if (context.inArray() && context.getCurrentIndex() >= 0) {
          path.index(context.getCurrentIndex());
        }
      }
    }
    if (e instanceof JsonMappingException mapping && mapping.getOriginalMessage() != null) {
      Matcher missing = MISSING_PROPERTY.matcher(mapping.getOriginalMessage());
      // Jackson's path may or may not already end with the missing property: add it once
      if (missing.find() && !path.endsWith(missing.group(1))) {
        path.property(missing.group(1));
      }
    }
    return path.toString();
  }

  private static boolean isDuplicateField(JsonProcessingException e) {
    return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field");
  }

  /** How the contract's readers would name the JSON type a Java target expects. */
  private static String jsonTypeOf(Class<?> target) {
    if (target == String.class) {
      return "a string";
    }
    if (target == Long.class
        || target == long.class
        || target == Integer.class
        || target == int.class) {
      return "an integer";
    }
    if (target == Boolean.class || target == boolean.class) {
      return "a boolean";
    }
    if (target == BaseUnitAmount.class) {
      return "a string of decimal digits or a non-negative integer";
    }
    if (Collection.class.isAssignableFrom(target) || target.isArray()) {
      return "an array";
    }
    return "an object";
  }
}
