package org.openbitgo.accesstoken.conformance;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openbitgo.accesstoken.contract.ContractFacts;

/**
 * Judges answers with the spec itself — the one on the classpath, read by Atlassian's
 * swagger-request-validator, the validator the build trusts — and lists the spec's request
 * examples. Never with a provider's implementation.
 */
final class SpecJudge {

  /** One request example of the spec: which operation, its name and its JSON value. */
  record RequestExample(String method, String path, String name, String json) {}

  private static volatile SpecJudge fromClasspath;

  private final OpenApiInteractionValidator validator;
  private final List<RequestExample> requestExamples;

  private SpecJudge(String specText) {
    // allOf (AccessToken = AccessTokenInfo + token) is judged as one merged schema: checked part
    // by part, each part calls the other's properties "not allowed" (openapi's SpecValidators)
    this.validator =
        OpenApiInteractionValidator.createForInlineApiSpecification(specText)
            .withResolveRefs(true)
            .withResolveCombinators(true)
            .build();
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    OpenAPI api = new OpenAPIV3Parser().readContents(specText, null, options).getOpenAPI();
    this.requestExamples = requestExamples(api);
  }

  /** The judge over the spec this kit was built with (parsed once per JVM). */
  static SpecJudge fromClasspath() {
    SpecJudge judge = fromClasspath;
    if (judge == null) {
      synchronized (SpecJudge.class) {
        judge = fromClasspath;
        if (judge == null) {
          judge = new SpecJudge(specText());
          fromClasspath = judge;
        }
      }
    }
    return judge;
  }

  List<RequestExample> requestExamples() {
    return requestExamples;
  }

  /**
   * The spec's complaints about this answer (status, Content-Type, headers, body); empty if none.
   */
  List<String> violations(Exchange exchange) {
    return violations(exchange, LargeIntegerExcuse.NONE);
  }

  /**
   * Whether an amount that is a JSON integer beyond {@code int64} is judged as the digits it is:
   * the spec's integer form is {@code int64}, yet since release 1.0.0 it promises that servers keep
   * a larger integer a client sent. {@code documentId} is the {@code id} of the token document
   * holding the amount (null outside one).
   */
  interface LargeIntegerExcuse {
    LargeIntegerExcuse NONE = (documentId, digits) -> false;

    boolean applies(String documentId, String digits);
  }

  /** The same, with the integers beyond int64 that {@code excuse} names judged as digits. */
  List<String> violations(Exchange exchange, LargeIntegerExcuse excuse) {
    Exchange.Response response = exchange.response();
    SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.status());
    response.headers().forEach(builder::withHeader);
    List<String> messages = new ArrayList<>();
    if (!response.body().isEmpty()) {
      JsonNode tree = null;
      try {
        tree = STRICT_JSON.readTree(response.body());
      } catch (com.fasterxml.jackson.core.JsonProcessingException notOneDocument) {
        if (declaresJson(response)) {
          messages.add(notOneJsonDocument(notOneDocument));
        }
      }
      builder.withBody(
          tree != null && rewriteLargeIntegerAmounts(tree, null, excuse)
              ? tree.toString()
              : response.body());
    }
    String path = exchange.request().path();
    int query = path.indexOf('?');
    ValidationReport report =
        validator.validateResponse(
            query < 0 ? path : path.substring(0, query),
            Request.Method.valueOf(exchange.request().method().toUpperCase(Locale.ROOT)),
            builder.build());
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        messages.add(message.getMessage());
      }
    }
    return messages;
  }

  /**
   * Reads a JSON body as RFC 8259 says it is (one value, each object's names unique) and its
   * numbers exactly, as {@link CheckContext#JSON} does: a rewritten body keeps every digit.
   */
  private static final ObjectMapper STRICT_JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static boolean declaresJson(Exchange.Response response) {
    String contentType = response.header("content-type");
    return contentType != null
        && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
  }

  /**
   * Why a JSON body is not one JSON document (bytes after the value, a name given twice, not JSON
   * at all). The validator reads the first value and keeps the last of two names, so it misses the
   * first two; the reason never quotes the body.
   */
  private static String notOneJsonDocument(com.fasterxml.jackson.core.JsonProcessingException e) {
    return "the body is not one JSON document ("
        + (e.getOriginalMessage().startsWith("Duplicate field")
            ? "a name appears twice in one object"
            : e.getOriginalMessage().contains("Trailing token")
                ? "more follows the JSON value"
                : "not valid JSON")
        + (e.getLocation() == null
            ? ""
            : ", at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr())
        + ")";
  }

  /** The properties typed {@code BaseUnitAmount}, read from the spec once. */
  static final Set<String> AMOUNT_PROPERTIES = ContractFacts.amountProperties();

  private static final BigInteger LARGEST_INT64 = BigInteger.valueOf(Long.MAX_VALUE);

  /**
   * The body with every amount that is a JSON integer beyond {@code int64} and that {@code excuse}
   * names written as its digits, the spec's string form, for the validator, which would call it a
   * match of neither form. Anything else in the body, and any other amount, is judged as sent; a
   * body that is not JSON, or holds no such amount, is returned as it is.
   */
  static String withLargeIntegerAmountsAsDigits(String body, LargeIntegerExcuse excuse) {
    JsonNode tree;
    try {
      tree = STRICT_JSON.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
      return body;
    }
    return tree != null && rewriteLargeIntegerAmounts(tree, null, excuse) ? tree.toString() : body;
  }

  private static boolean rewriteLargeIntegerAmounts(
      JsonNode node, String documentId, LargeIntegerExcuse excuse) {
    boolean changed = false;
    if (node instanceof ObjectNode object) {
      String id = object.path("id").isTextual() ? object.get("id").asText() : documentId;
      for (Map.Entry<String, JsonNode> property : object.properties()) {
        JsonNode value = property.getValue();
        if (AMOUNT_PROPERTIES.contains(property.getKey())
            && value.isIntegralNumber()
            && value.bigIntegerValue().compareTo(LARGEST_INT64) > 0
            && excuse.applies(id, value.bigIntegerValue().toString())) {
          property.setValue(TextNode.valueOf(value.bigIntegerValue().toString()));
          changed = true;
        } else {
          changed |= rewriteLargeIntegerAmounts(value, id, excuse);
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        changed |= rewriteLargeIntegerAmounts(element, documentId, excuse);
      }
    }
    return changed;
  }

  private static List<RequestExample> requestExamples(OpenAPI api) {
    List<RequestExample> examples = new ArrayList<>();
    for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> operation :
          path.getValue().readOperationsMap().entrySet()) {
        if (operation.getValue().getRequestBody() == null) {
          continue;
        }
        MediaType json = operation.getValue().getRequestBody().getContent().get("application/json");
        if (json == null || json.getExamples() == null) {
          continue;
        }
        json.getExamples()
            .forEach(
                (name, example) ->
                    examples.add(
                        new RequestExample(
                            operation.getKey().name(),
                            path.getKey(),
                            name,
                            toJson(example.getValue()))));
      }
    }
    return List.copyOf(examples);
  }

  private static String toJson(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String specText() {
    try (InputStream spec = SpecJudge.class.getResourceAsStream(ContractFacts.SPEC_RESOURCE)) {
      if (spec == null) {
        throw new IllegalStateException(ContractFacts.SPEC_RESOURCE + " is not on the classpath");
      }
      return new String(spec.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
