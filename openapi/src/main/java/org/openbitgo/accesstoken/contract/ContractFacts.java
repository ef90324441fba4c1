package org.openbitgo.accesstoken.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Facts of the contract that code on every side needs, each read from the spec itself: the build
 * puts the spec on the classpath as JSON ({@link #SPEC_JSON_RESOURCE}, converted from the YAML by
 * openapi-generator's {@code openapi} generator), and this class reads every value it exposes from
 * there, so nothing here can drift from the spec. The build also exports them as {@code
 * contract-facts.json} for the other languages ({@code ContractFactsExport}).
 */
public final class ContractFacts {

  /** Where this artifact puts the spec on the classpath. */
  public static final String SPEC_RESOURCE = "/openapi/access-token.yaml";

  /** The same spec as JSON, written by the build from {@link #SPEC_RESOURCE}. */
  public static final String SPEC_JSON_RESOURCE = "/openapi/access-token.json";

  private static final JsonNode SPEC = readSpec();

  /** The path of the access-token collection: create ({@code POST}) and list ({@code GET}). */
  public static final String OPERATION_PATH = "/api/v2/user/accesstoken";

  /**
   * A token's public id (the spec's {@code TokenId}, also {@code prevId}): what revoke takes in its
   * path and list takes as its cursor.
   */
  public static final Pattern TOKEN_ID = pattern("/components/parameters/TokenId/schema/pattern");

  /** The header that carries the request id on every response (and, optionally, on requests). */
  public static final String REQUEST_ID_HEADER = "X-Request-Id";

  /** The spec's {@code Scope} pattern: a documented name or the wallet-bound form. */
  public static final Pattern SCOPE = pattern("/components/schemas/Scope/pattern");

  /** The documented scope names, in the order of the spec's {@code Scope} pattern. */
  public static final List<String> NAMED_SCOPES = scopeAlternatives(true);

  /** A wallet scope bound to one wallet: {@code wallet_<name>:<32-hex walletId>}. */
  public static final Pattern WALLET_BOUND_SCOPE =
      Pattern.compile(String.join("|", scopeAlternatives(false)));

  /** An entry of {@code ipRestrict}: an IPv4 address or CIDR block. */
  public static final Pattern IPV4_OR_CIDR =
      pattern("/components/schemas/CreateAccessTokenRequest/properties/ipRestrict/items/pattern");

  /** Where the spec states the bearer-token rule: {@code x-bearer-token} on the scheme. */
  private static final String BEARER_TOKEN_RULE =
      "/components/securitySchemes/BearerAuth/x-bearer-token";

  /**
   * What may follow {@code Authorization: Bearer }: RFC 6750's b64token ("token68"). The length
   * range is {@link #BEARER_TOKEN_MIN_LENGTH} to {@link #BEARER_TOKEN_MAX_LENGTH}: use {@link
   * #isBearerToken} for the whole rule.
   */
  public static final Pattern BEARER_TOKEN68 = pattern(BEARER_TOKEN_RULE + "/pattern");

  /** The shortest bearer token the contract accepts. */
  public static final int BEARER_TOKEN_MIN_LENGTH = integer(BEARER_TOKEN_RULE + "/minLength");

  /** The longest bearer token the contract accepts. */
  public static final int BEARER_TOKEN_MAX_LENGTH = integer(BEARER_TOKEN_RULE + "/maxLength");

  /** The spec's {@code BaseUnitAmountString} pattern: an amount as a string of digits. */
  public static final Pattern AMOUNT_DIGITS =
      pattern("/components/schemas/BaseUnitAmountString/pattern");

  /**
   * The lifetime a token gets when its request has no {@code duration} ({@code x-server-default}).
   */
  public static final long DEFAULT_DURATION_SECONDS =
      required("/components/schemas/CreateAccessTokenRequest/properties/duration/x-server-default")
          .longValue();

  /** BitGo's environments by name ({@code x-environment} of each of the spec's {@code servers}). */
  public static final Map<String, URI> ENVIRONMENTS = environments();

  /**
   * The names of the properties that hold secrets: every property the spec marks {@code format:
   * password} ({@code token}, {@code otp}). Never printed or logged.
   */
  public static final Set<String> SENSITIVE_PROPERTIES = sensitiveProperties();

  private ContractFacts() {}

  /** The contract's version, the spec's {@code info.version} (e.g. {@code 2.0.0}). */
  public static String contractVersion() {
    return required("/info/version").asText();
  }

  /** Whether {@code token} may be sent as {@code Authorization: Bearer <token>}. */
  public static boolean isBearerToken(String token) {
    return token != null
        && token.length() >= BEARER_TOKEN_MIN_LENGTH
        && token.length() <= BEARER_TOKEN_MAX_LENGTH
        && BEARER_TOKEN68.matcher(token).matches();
  }

  /** The rule {@link #isBearerToken} checks, in words, without any token in it. */
  public static String bearerTokenRule() {
    return BEARER_TOKEN_MIN_LENGTH
        + " to "
        + BEARER_TOKEN_MAX_LENGTH
        + " RFC 6750 token68 characters (letters, digits, - . _ ~ + /, then = padding)";
  }

  /** The base URL of the environment named {@code name} ({@code test}, {@code production}). */
  public static URI environment(String name) {
    URI url = ENVIRONMENTS.get(name);
    if (url == null) {
      throw new IllegalArgumentException(
          "the spec names no environment \"" + name + "\"; it has " + ENVIRONMENTS.keySet());
    }
    return url;
  }

  /** The names of the properties typed {@code BaseUnitAmount}, in requests and responses. */
  public static Set<String> amountProperties() {
    return propertiesWhere(
        p -> "#/components/schemas/BaseUnitAmount".equals(p.path("$ref").asText()));
  }

  private static Set<String> sensitiveProperties() {
    Set<String> names = propertiesWhere(p -> "password".equals(p.path("format").asText()));
    if (names.isEmpty()) {
      throw new IllegalStateException(SPEC_JSON_RESOURCE + " marks no property format: password");
    }
    return names;
  }

  /** The names of the component schemas' properties that {@code test} picks, sorted. */
  private static Set<String> propertiesWhere(Predicate<JsonNode> test) {
    Set<String> names = new TreeSet<>();
    for (JsonNode schema : SPEC.at("/components/schemas")) {
      // a schema composed with allOf (AccessToken) declares properties in its parts too
      List<JsonNode> parts = new java.util.ArrayList<>(List.of(schema));
      schema.path("allOf").forEach(parts::add);
      for (JsonNode part : parts) {
        for (Map.Entry<String, JsonNode> property : part.path("properties").properties()) {
          if (test.test(property.getValue())) {
            names.add(property.getKey());
          }
        }
      }
    }
    return Collections.unmodifiableSet(names);
  }

  private static Map<String, URI> environments() {
    Map<String, URI> byName = new LinkedHashMap<>();
    for (JsonNode server : SPEC.path("servers")) {
      String name = server.path("x-environment").asText("");
      if (name.isEmpty()) {
        throw new IllegalStateException(
            "server " + server.path("url").asText() + " has no x-environment name");
      }
      byName.put(name, URI.create(server.path("url").asText()));
    }
    return Collections.unmodifiableMap(byName);
  }

  /** The alternatives of the {@code Scope} pattern: plain names, or the other forms. */
  private static List<String> scopeAlternatives(boolean names) {
    Matcher group = Pattern.compile("\\((.*)\\)").matcher(SCOPE.pattern());
    if (!group.matches()) {
      throw new IllegalStateException("the Scope pattern is not ^(a|b|...)$: " + SCOPE.pattern());
    }
    List<String> found = new ArrayList<>();
    for (String alternative : group.group(1).split("\\|")) {
      if (alternative.matches("[a-z_]+") == names) {
        found.add(alternative);
      }
    }
    return List.copyOf(found);
  }

  /**
   * The spec's pattern without its {@code ^...$} anchors (every pattern of the spec has them), so
   * that it composes into larger expressions; use it with {@link Matcher#matches()}.
   */
  private static Pattern pattern(String pointer) {
    String anchored = required(pointer).asText();
    if (!anchored.startsWith("^") || !anchored.endsWith("$")) {
      throw new IllegalStateException(pointer + " is not anchored with ^...$: " + anchored);
    }
    return Pattern.compile(anchored.substring(1, anchored.length() - 1));
  }

  private static int integer(String pointer) {
    return required(pointer).intValue();
  }

  private static JsonNode required(String pointer) {
    JsonNode value = SPEC.at(pointer);
    if (value.isMissingNode() || value.isNull()) {
      throw new IllegalStateException(SPEC_JSON_RESOURCE + " has nothing at " + pointer);
    }
    return value;
  }

  private static JsonNode readSpec() {
    try (InputStream spec = ContractFacts.class.getResourceAsStream(SPEC_JSON_RESOURCE)) {
      if (spec == null) {
        throw new IllegalStateException(SPEC_JSON_RESOURCE + " is not on the classpath");
      }
      return new ObjectMapper().readTree(spec);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
