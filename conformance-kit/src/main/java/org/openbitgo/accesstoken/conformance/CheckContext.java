package org.openbitgo.accesstoken.conformance;

import static org.openbitgo.accesstoken.conformance.CheckFailure.expect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What every check of one run shares: the provider, the HTTP connection that records every
 * exchange, the spec judge, the redactor, the options, and answers worth reusing (one full create
 * serves every echo check).
 */
public final class CheckContext {

  /** Reads numbers exactly: integers of any size, decimals as BigDecimal. */
  static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ProviderTarget target;
  private final KitOptions options;
  private final ProviderHttp http;
  private final Redactor redactor;
  private final Map<String, Object> shared = new ConcurrentHashMap<>();
  private final String runId = HexFormat.of().formatHex(randomBytes(4));

  CheckContext(ProviderTarget target, KitOptions options, ProviderHttp http) {
    this.target = target;
    this.options = options;
    this.http = http;
    this.redactor = new Redactor(target.token());
    target.otherUserToken().ifPresent(redactor::register);
  }

  ProviderTarget target() {
    return target;
  }

  KitOptions options() {
    return options;
  }

  ProviderHttp http() {
    return http;
  }

  Redactor redactor() {
    return redactor;
  }

  SpecJudge judge() {
    return SpecJudge.fromClasspath();
  }

  Environment environment() {
    return target.environment();
  }

  /** Tells this run's tokens apart in the provider's token list (labels carry it). */
  String runId() {
    return runId;
  }

  /** A bearer token no provider knows, registered for redaction. */
  String unknownToken() {
    return redactor.register("v2x" + HexFormat.of().formatHex(randomBytes(32)));
  }

  /** Computed once per run, then shared (e.g. the full create every echo check reads). */
  @SuppressWarnings("unchecked")
  <T> T shared(String key, Supplier<T> compute) {
    return (T) shared.computeIfAbsent(key, k -> compute.get());
  }

  /** The create with every documented field ({@link RequestBodies#full}), sent once per run. */
  Exchange fullCreate() {
    return shared("full-create", () -> http.create(RequestBodies.full(this)));
  }

  /** The answer's body as JSON; fails the check when it is not JSON. */
  JsonNode json(Exchange exchange) {
    try {
      JsonNode node = JSON.readTree(exchange.response().body());
      expect(node != null && !node.isMissingNode(), "a JSON body", exchange);
      return node;
    } catch (JsonProcessingException e) {
      throw new CheckFailure("a JSON body", exchange.response().summary(), exchange);
    }
  }

  /** A {@code 200} with a JSON object: the token was created. */
  JsonNode created(Exchange exchange) {
    expect(exchange.response().status() == 200, "200 with the created token", exchange);
    JsonNode body = json(exchange);
    expect(body.isObject(), "a JSON object", exchange);
    return body;
  }

  /**
   * An error answer in the contract's shape: a status {@code allowed} accepts, {@code
   * application/json}, a {@code PlatformError} body ({@code error}, {@code requestId}, {@code
   * context} as the spec requires). Never a 5xx, HTML or an empty body.
   */
  JsonNode platformError(Exchange exchange, String expectedStatus, List<Integer> allowed) {
    int status = exchange.response().status();
    expect(
        allowed.contains(status) || (allowed.isEmpty() && status >= 400 && status < 500),
        expectedStatus + " with a PlatformError body",
        exchange);
    String contentType = exchange.response().header("content-type");
    expect(
        contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json"),
        expectedStatus + " with Content-Type application/json",
        exchange);
    JsonNode body = json(exchange);
    expect(
        body.isObject()
            && body.path("error").isTextual()
            && body.path("requestId").isTextual()
            && body.path("context").isObject(),
        "a PlatformError body (error, requestId and context)",
        exchange);
    return body;
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
