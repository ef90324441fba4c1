package org.openbitgo.accesstoken.stub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.openbitgo.accesstoken.server.generated.model.NamedScope;

/**
 * Over a thousand generated invalid bodies, each a mutation of a valid one: whatever is sent, the
 * server answers with a 4xx in the contract's PlatformError shape, never a 5xx.
 */
class InvalidBodiesPropertyTest {

  private static final String TOKEN = "property-test-token";
  private static final int TRIES = 1_200;
  private static final String VALID_BODY =
      """
      {"label":"treasury-bot","scope":["wallet_view_all","wallet_spend:59cd72485007a239fb00282ed480da1f"],\
      "duration":2592000,"ipRestrict":["203.0.113.7","198.51.100.0/24"],\
      "enterprise":"5a84db4d6dd6c7dd07d2e3b5a7e9d9c4","admin":false,\
      "spendingLimits":[{"coin":"btc","txValueLimit":"100000000"},\
      {"coin":"eth","txValueLimit":123456789012345678901234567890}],\
      "allErc20TokensLimit":{"enabled":true,"txValueLimit":"5000000000000000000"}}""";
  private static final Pattern IPV4_OR_CIDR =
      Pattern.compile(
          "((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
              + "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(/(3[0-2]|[12]?[0-9]))?");
  private static final Pattern WALLET_BOUND_SCOPE = Pattern.compile("wallet_[a-z_]+:[0-9a-f]{32}");
  private static final List<String> NAMED_SCOPES =
      Arrays.stream(NamedScope.values()).map(NamedScope::toString).toList();

  private static final AtomicInteger SENT = new AtomicInteger();
  private static StubServer server;

  @BeforeContainer
  static void startServer() {
    server = StubServer.start(StubServerConfig.builder().port(0).acceptedToken(TOKEN).build());
  }

  @AfterContainer
  static void stopServer() {
    server.close();
    assertThat(SENT.get()).isGreaterThanOrEqualTo(1_000);
  }

  @Property(tries = TRIES)
  void everyInvalidBodyGetsA4xxInTheContractErrorShape(@ForAll("invalidBodies") byte[] body) {
    SENT.incrementAndGet();
    HttpResponse<String> response =
        StubHttp.post(server.endpointUri(), TOKEN, "application/json", body);

    assertThat(response.statusCode())
        .as("%s -> %s", new String(body, StandardCharsets.UTF_8), response.body())
        .isBetween(400, 499);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    ContractResponses.assertMatchesContract(response);
    assertThat(StubHttp.json(response).get("requestId").asText())
        .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
  }

  @Provide
  Arbitrary<byte[]> invalidBodies() {
    Arbitrary<byte[]> jsonMutations =
        Arbitraries.oneOf(
                wrongTypes(),
                badIpRestrictions(),
                outOfRangeDurations(),
                badScopes(),
                badSpendingLimits(),
                nullsWhereValuesAreRequired(),
                truncations())
            .map(json -> json.getBytes(StandardCharsets.UTF_8));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, jsonMutations), net.jqwik.api.Tuple.of(1, garbageBytes()));
  }

  /** A field of the valid body replaced by a value of a JSON type the schema does not allow. */
  private Arbitrary<String> wrongTypes() {
    Arbitrary<String> numbers = Arbitraries.of("0", "-1", "3.5", "1e9", "12345678901234567890123");
    Arbitrary<String> strings = Arbitraries.strings().alpha().ofMaxLength(8).map(InvalidBodiesPropertyTest::quoted);
    Arbitrary<String> booleans = Arbitraries.of("true", "false");
    Arbitrary<String> arrays = Arbitraries.of("[]", "[1]", "[\"a\",2]", "[[]]", "[{}]");
    Arbitrary<String> objects = Arbitraries.of("{}", "{\"a\":1}", "{\"label\":\"x\"}");
    return Arbitraries.oneOf(
        replace("label", Arbitraries.oneOf(numbers, booleans, arrays, objects, Arbitraries.just("\"\""))),
        replace("scope", Arbitraries.oneOf(numbers, strings, booleans, objects, Arbitraries.of("[1]", "[true]", "[{}]", "[[]]"))),
        replace("duration", Arbitraries.oneOf(strings, booleans, arrays, objects, Arbitraries.of("1.5", "1e3", "60.0", "\"60\""))),
        replace("ipRestrict", Arbitraries.oneOf(numbers, strings, booleans, objects, Arbitraries.of("[1]", "[true]", "[{}]", "[[]]"))),
        replace("enterprise", Arbitraries.oneOf(numbers, booleans, arrays, objects)),
        replace("admin", Arbitraries.oneOf(numbers, strings, arrays, objects)),
        replace("spendingLimits", Arbitraries.oneOf(numbers, strings, booleans, objects, Arbitraries.of("[1]", "[\"btc\"]", "[[]]", "[true]"))),
        replace("allErc20TokensLimit", Arbitraries.oneOf(numbers, strings, booleans, arrays)));
  }

  private Arbitrary<String> badIpRestrictions() {
    Arbitrary<String> notAnAddress =
        Arbitraries.strings()
            .withChars("0123456789./:abx -")
            .ofMaxLength(22)
            .filter(candidate -> !IPV4_OR_CIDR.matcher(candidate).matches());
    Arbitrary<String> outOfRange =
        Combinators.combine(
                Arbitraries.integers().between(0, 999),
                Arbitraries.integers().between(256, 999),
                Arbitraries.integers().between(33, 200))
            .as((a, b, prefix) -> a + "." + b + ".0.1/" + prefix);
    return Combinators.combine(Arbitraries.oneOf(notAnAddress, outOfRange), Arbitraries.integers().between(0, 2))
        .as((bad, position) -> {
          List<String> entries = new java.util.ArrayList<>(List.of(quoted("203.0.113.7"), quoted("198.51.100.0/24")));
          entries.add(position, quoted(bad));
          return withField("ipRestrict", "[" + String.join(",", entries) + "]");
        });
  }

  private Arbitrary<String> outOfRangeDurations() {
    Arbitrary<String> tooSmall = Arbitraries.longs().between(Long.MIN_VALUE, 0).map(String::valueOf);
    Arbitrary<String> tooLarge = Arbitraries.longs().between(315_360_001L, Long.MAX_VALUE).map(String::valueOf);
    Arbitrary<String> beyondInt64 =
        Arbitraries.bigIntegers()
            .between(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE), BigInteger.TEN.pow(60))
            .map(value -> (value.testBit(0) ? "-" : "") + value);
    Arbitrary<String> fractions =
        Arbitraries.doubles().between(-1e12, 1e12).ofScale(3).map(d -> String.valueOf(d) + "1");
    return Arbitraries.oneOf(tooSmall, tooLarge, beyondInt64, fractions)
        .map(duration -> withField("duration", duration));
  }

  private Arbitrary<String> badScopes() {
    Arbitrary<String> unknown =
        Arbitraries.strings()
            .withChars("abcdefghijklmnopqrstuvwxyz_:0123456789ABCDEF")
            .ofMaxLength(60)
            .filter(scope -> !NAMED_SCOPES.contains(scope) && !WALLET_BOUND_SCOPE.matcher(scope).matches());
    return unknown.map(scope -> withField("scope", "[\"wallet_view_all\"," + quoted(scope) + "]"));
  }

  private Arbitrary<String> badSpendingLimits() {
    Arbitrary<String> badAmounts =
        Arbitraries.of(
            "-1", "1.5", "\"1.5\"", "\"-1\"", "\"abc\"", "\"\"", "true", "{}", "[]", "null",
            "\"" + "9".repeat(79) + "\"", "\" 1\"");
    Arbitrary<String> badCoins = Arbitraries.of("\"BTC\"", "\"\"", "\"b t c\"", "1", "null", "[]", "\"" + "a".repeat(41) + "\"");
    return Arbitraries.oneOf(
        badAmounts.map(amount -> "{\"coin\":\"btc\",\"txValueLimit\":" + amount + "}"),
        badCoins.map(coin -> "{\"coin\":" + coin + ",\"txValueLimit\":\"1\"}"),
        Arbitraries.of("{\"coin\":\"btc\"}", "{\"txValueLimit\":\"1\"}", "{}", "null", "{\"maxLimit\":true}"))
        .map(limit -> withField("spendingLimits", "[{\"coin\":\"ltc\",\"txValueLimit\":5}," + limit + "]"));
  }

  private Arbitrary<String> nullsWhereValuesAreRequired() {
    return Arbitraries.of(
        withField("label", "null"),
        withField("scope", "[null]"),
        withField("ipRestrict", "[\"203.0.113.7\",null]"),
        withField("spendingLimits", "[null]"),
        withField("spendingLimits", "[{\"coin\":null,\"txValueLimit\":\"1\"}]"),
        withField("spendingLimits", "[{\"coin\":\"btc\",\"txValueLimit\":null}]"),
        "null",
        "{\"label\":null}");
  }

  /** Every strict prefix of a JSON object is invalid JSON. */
  private Arbitrary<String> truncations() {
    return Arbitraries.integers().between(0, VALID_BODY.length() - 1).map(end -> VALID_BODY.substring(0, end));
  }

  private Arbitrary<byte[]> garbageBytes() {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300);
  }

  private static Arbitrary<String> replace(String field, Arbitrary<String> wrongValues) {
    return wrongValues.map(value -> withField(field, value));
  }

  /** The valid body with {@code field} set to the raw JSON {@code value}. */
  private static String withField(String field, String value) {
    try {
      com.fasterxml.jackson.databind.node.ObjectNode body =
          (com.fasterxml.jackson.databind.node.ObjectNode) StubHttp.JSON.readTree(VALID_BODY);
      String placeholder = "__value_of_" + field + "__";
      body.put(field, placeholder);
      return StubHttp.JSON.writeValueAsString(body).replace(quoted(placeholder), value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String quoted(String value) {
    try {
      return StubHttp.JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
