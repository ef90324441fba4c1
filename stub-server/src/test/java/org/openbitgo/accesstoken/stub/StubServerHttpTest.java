package org.openbitgo.accesstoken.stub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbitgo.accesstoken.stub.StubHttp.json;
import static org.openbitgo.accesstoken.stub.StubHttp.post;
import static org.openbitgo.accesstoken.stub.StubHttp.postJson;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openbitgo.accesstoken.stub.store.BearerTokenRegistry;
import org.openbitgo.accesstoken.stub.store.Secrets;
import org.openbitgo.accesstoken.stub.store.StoredAccessToken;

/** The real server on a port the system chose, spoken to over HTTP. */
class StubServerHttpTest {

  private static final String TOKEN = "test-bearer-token";
  private static final String HEX32 = "^[0-9a-f]{32}$";
  private static final String WALLET_ID = "59cd72485007a239fb00282ed480da1f";

  /** The test server's clock: sub-millisecond digits the contract's timestamps must drop. */
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-11-27T10:15:30.123456789Z"), ZoneOffset.UTC);

  private static StubServer test;
  private static StubServer prod;

  @BeforeAll
  static void startServers() {
    test =
        StubServer.start(
            StubServerConfig.builder().port(0).acceptedToken(TOKEN).clock(NOW).build());
    prod =
        StubServer.start(
            StubServerConfig.builder()
                .port(0)
                .environment(StubEnvironment.PROD)
                .acceptedToken(TOKEN)
                .build());
  }

  @AfterAll
  static void stopServers() {
    test.close();
    prod.close();
  }

  @Test
  void createsTokenWithEveryFieldInContractShapeInTestEnvironment() {
    String body =
        """
        {"label":"treasury-bot",
         "scope":["wallet_view_all","wallet_spend:%s"],
         "duration":2592000,
         "ipRestrict":["203.0.113.7","198.51.100.0/24","10.0.0.0/8"],
         "enterprise":"5a84db4d6dd6c7dd07d2e3b5a7e9d9c4",
         "admin":false,
         "spendingLimits":[
           {"coin":"eth","txValueLimit":"123456789012345678901234567890"},
           {"coin":"btc","txValueLimit":100000000,"maxLimit":false}]}
        """
            .formatted(WALLET_ID);
    HttpResponse<String> response = postJson(test.endpointUri(), TOKEN, body);

    assertThat(response.statusCode()).isEqualTo(200);
    ContractResponses.assertMatchesContract(response);
    assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    JsonNode token = json(response);
    assertThat(token.get("id").asText()).matches(HEX32);
    assertThat(token.get("user").asText())
        .matches(HEX32)
        .isEqualTo(BearerTokenRegistry.userIdFor(TOKEN));
    assertThat(token.get("token").asText()).matches("^v2x[0-9a-f]{64}$");
    assertThat(token.get("label").asText()).isEqualTo("treasury-bot");
    assertThat(token.get("origin").asText()).isEqualTo("test.bitgo.com");
    assertThat(token.get("client").asText()).isEqualTo("bitgo");
    assertThat(token.get("ip").asText()).isEqualTo("127.0.0.1");
    assertThat(token.get("enterprise").asText()).isEqualTo("5a84db4d6dd6c7dd07d2e3b5a7e9d9c4");
    assertThat(token.get("isExtensible").asBoolean()).isFalse();
    assertThat(token.get("bitgoAdminPermissions").isEmpty()).isTrue();
    assertThat(StubHttp.JSON.convertValue(token.get("scope"), String[].class))
        .containsExactly("wallet_view_all", "wallet_spend:" + WALLET_ID);
    assertThat(StubHttp.JSON.convertValue(token.get("ipRestrict"), String[].class))
        .containsExactly("203.0.113.7", "198.51.100.0/24", "10.0.0.0/8");

    String created = token.get("created").asText();
    String expires = token.get("expires").asText();
    // the server's clock, to the millisecond; expires = created + duration (30 days)
    assertThat(created).isEqualTo("2026-11-27T10:15:30.123Z");
    assertThat(expires).isEqualTo("2026-12-27T10:15:30.123Z");

    JsonNode unlock = token.get("unlock");
    assertThat(unlock.get("time").asText()).isEqualTo(created);
    assertThat(unlock.get("expires").asText()).isEqualTo(expires);
    JsonNode eth = unlock.get("spendingLimits").get("eth");
    assertThat(eth.get("txCount").asLong()).isZero();
    assertThat(eth.get("txValue").asLong()).isZero();
    assertThat(eth.get("txValueLimit").isTextual()).isTrue();
    assertThat(eth.get("txValueLimit").asText()).isEqualTo("123456789012345678901234567890");
    JsonNode btc = unlock.get("spendingLimits").get("btc");
    assertThat(btc.get("txValueLimit").isIntegralNumber()).isTrue();
    assertThat(btc.get("txValueLimit").bigIntegerValue()).isEqualTo(BigInteger.valueOf(100000000));
    // digit for digit, in the form sent: no double, no exponent, no quotes added or dropped
    assertThat(response.body())
        .contains("\"txValueLimit\":\"123456789012345678901234567890\"")
        .contains("\"txValueLimit\":100000000");
  }

  @Test
  void logsOneLinePerRequestWithoutAnySecret() throws Exception {
    String requestId = "log-check-" + System.nanoTime();
    HttpResponse<String> created =
        StubHttp.send(
            HttpRequest.newBuilder(test.endpointUri())
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .header("X-Request-Id", requestId)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"label\":\"logged\",\"otp\":\"otp-5e1f9c\"}"))
                .build());
    assertThat(created.statusCode()).isEqualTo(200);
    String secret = json(created).get("token").asText();

    String line =
        CapturedLog.awaitLine(l -> l.contains("requestId=" + requestId), Duration.ofSeconds(5))
            .orElseThrow(() -> new AssertionError("no log line for " + requestId));
    assertThat(line).contains("POST /api/v2/user/accesstoken 200 requestId=" + requestId);
    assertThat(CapturedLog.all().lines().filter(l -> l.contains("requestId=" + requestId)))
        .hasSize(1);
    assertThat(CapturedLog.all())
        .doesNotContain(TOKEN)
        .doesNotContain(secret)
        .doesNotContain("otp-5e1f9c")
        .doesNotContain("Bearer");
  }

  @Test
  void servesARequestThatAsksToUpgradeToHttp2AsHttp11() throws Exception {
    // Java's default HttpClient sends "Upgrade: h2c" with the body over plain HTTP.
    HttpResponse<String> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(test.endpointUri())
                    .timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Bearer " + TOKEN)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"h2c\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("label").asText()).isEqualTo("h2c");
  }

  @Test
  void createsTokenInProductionWithRestrictionOfSlash24OrNarrower() {
    HttpResponse<String> response =
        postJson(
            prod.endpointUri(),
            TOKEN,
            "{\"label\":\"prod-bot\",\"ipRestrict\":[\"203.0.113.7\",\"198.51.100.0/24\",\"192.0.2.8/32\"]}");

    assertThat(response.statusCode()).isEqualTo(200);
    ContractResponses.assertMatchesContract(response);
    JsonNode token = json(response);
    assertThat(token.get("origin").asText()).isEqualTo("bitgo.com");
    assertThat(token.get("id").asText()).matches(HEX32);
    assertThat(token.get("token").asText()).matches("^v2x[0-9a-f]{64}$");
    assertThat(token.has("unlock")).as("no spending limits: no unlock session").isFalse();
  }

  @Test
  void appliesTenYearDefaultDurationAndNeedsNoRestrictionInTest() {
    HttpResponse<String> response = postJson(test.endpointUri(), TOKEN, "{\"label\":\"minimal\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    ContractResponses.assertMatchesContract(response);
    JsonNode token = json(response);
    assertThat(
            Duration.between(
                OffsetDateTime.parse(token.get("created").asText()),
                OffsetDateTime.parse(token.get("expires").asText())))
        .isEqualTo(Duration.ofSeconds(StubServerConfig.DEFAULT_DURATION_SECONDS));
    assertThat(token.has("ipRestrict")).isFalse();
  }

  @Test
  void rejectsMissingIpRestrictInProduction() {
    assertInvalid(prod, "{\"label\":\"x\"}", "ipRestrict");
    assertInvalid(prod, "{\"label\":\"x\",\"ipRestrict\":[]}", "ipRestrict");
  }

  @Test
  void rejectsCidrWiderThanSlash24InProduction() {
    assertInvalid(
        prod,
        "{\"label\":\"x\",\"ipRestrict\":[\"203.0.113.7\",\"10.0.0.0/16\"]}",
        "ipRestrict[1]");
    // the same block is fine in the test environment
    assertThat(
            postJson(
                    test.endpointUri(), TOKEN, "{\"label\":\"x\",\"ipRestrict\":[\"10.0.0.0/16\"]}")
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void answersUnauthorizedWithoutBearerToken() {
    assertUnauthorized(post(test.endpointUri(), null, "application/json", validBody()), "missing");
  }

  @Test
  void answersUnauthorizedForMalformedAuthorization() {
    for (String header : new String[] {"Basic dXNlcjpwYXNz", "Bearer", "Bearer a b", TOKEN}) {
      HttpRequest request =
          HttpRequest.newBuilder(test.endpointUri())
              .header("Content-Type", "application/json")
              .header("Authorization", header)
              .POST(HttpRequest.BodyPublishers.ofByteArray(validBody()))
              .build();
      assertUnauthorized(StubHttp.send(request), "malformed");
    }
  }

  @Test
  void answersUnauthorizedForUnknownToken() {
    assertUnauthorized(
        post(test.endpointUri(), "not-a-known-token", "application/json", validBody()), "unknown");
  }

  @Test
  void providerStateHooksChangeWhichTokensAreAccepted() {
    try (StubServer server = StubServer.start(StubServerConfig.builder().port(0).build())) {
      String generated = server.initialTokens().get(0);
      assertThat(
              post(server.endpointUri(), generated, "application/json", validBody()).statusCode())
          .isEqualTo(200);

      server.acceptToken("pact-provider-state-token");
      assertThat(
              postJson(server.endpointUri(), "pact-provider-state-token", "{\"label\":\"a\"}")
                  .statusCode())
          .isEqualTo(200);

      server.revokeAllTokens();
      assertThat(
              post(server.endpointUri(), generated, "application/json", validBody()).statusCode())
          .isEqualTo(401);

      server.reset();
      assertThat(server.store().size()).isZero();
      assertThat(
              post(server.endpointUri(), generated, "application/json", validBody()).statusCode())
          .isEqualTo(200);
      assertThat(
              postJson(server.endpointUri(), "pact-provider-state-token", "{\"label\":\"a\"}")
                  .statusCode())
          .isEqualTo(401);
    }
  }

  @Test
  void acceptsCreatedTokenAsBearerTokenForTheSameUser() {
    JsonNode created = json(postJson(test.endpointUri(), TOKEN, "{\"label\":\"parent\"}"));
    HttpResponse<String> second =
        postJson(test.endpointUri(), created.get("token").asText(), "{\"label\":\"child\"}");
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(json(second).get("user").asText()).isEqualTo(created.get("user").asText());
  }

  @Test
  void keepsOnlyTheHashOfEachSecret() {
    JsonNode created = json(postJson(test.endpointUri(), TOKEN, "{\"label\":\"hash-only\"}"));
    String secret = created.get("token").asText();
    StoredAccessToken stored = test.store().findById(created.get("id").asText()).orElseThrow();

    assertThat(stored.secretSha256()).isEqualTo(Secrets.sha256Hex(secret));
    assertThat(test.store().snapshot().toString()).doesNotContain(secret);
    assertThat(test.store().snapshot())
        .allSatisfy(record -> assertThat(record.toString()).doesNotContain(secret));
  }

  static Stream<Arguments> invalidBodies() {
    return Stream.of(
        Arguments.of("malformed JSON", "{\"label\":", "body"),
        Arguments.of("an array instead of an object", "[{\"label\":\"a\"}]", "body"),
        Arguments.of("a scalar instead of an object", "42", "body"),
        Arguments.of("a string instead of an object", "\"label\"", "body"),
        Arguments.of("JSON null", "null", "body"),
        Arguments.of("empty body", "", "body"),
        Arguments.of("missing label", "{\"scope\":[\"openid\"]}", "label"),
        Arguments.of("null label", "{\"label\":null}", "label"),
        Arguments.of("empty label", "{\"label\":\"\"}", "label"),
        Arguments.of("a number for label", "{\"label\":5}", "label"),
        Arguments.of("a string for scope", "{\"label\":\"a\",\"scope\":\"openid\"}", "scope"),
        Arguments.of(
            "unknown scope", "{\"label\":\"a\",\"scope\":[\"openid\",\"root\"]}", "scope[1]"),
        Arguments.of(
            "wallet scope without 32-hex id",
            "{\"label\":\"a\",\"scope\":[\"wallet_spend:abc\"]}",
            "scope[0]"),
        Arguments.of("null scope item", "{\"label\":\"a\",\"scope\":[null]}", "scope[0]"),
        Arguments.of("negative duration", "{\"label\":\"a\",\"duration\":-5}", "duration"),
        Arguments.of("zero duration", "{\"label\":\"a\",\"duration\":0}", "duration"),
        Arguments.of(
            "duration over ten years", "{\"label\":\"a\",\"duration\":315360001}", "duration"),
        Arguments.of(
            "duration beyond int64",
            "{\"label\":\"a\",\"duration\":123456789012345678901234567890}",
            "duration"),
        Arguments.of("float duration", "{\"label\":\"a\",\"duration\":60.5}", "duration"),
        Arguments.of(
            "float duration with zero fraction", "{\"label\":\"a\",\"duration\":60.0}", "duration"),
        Arguments.of("string duration", "{\"label\":\"a\",\"duration\":\"60\"}", "duration"),
        Arguments.of(
            "invalid IPv4", "{\"label\":\"a\",\"ipRestrict\":[\"256.1.1.1\"]}", "ipRestrict[0]"),
        Arguments.of(
            "hostname as IP", "{\"label\":\"a\",\"ipRestrict\":[\"localhost\"]}", "ipRestrict[0]"),
        Arguments.of(
            "invalid CIDR prefix",
            "{\"label\":\"a\",\"ipRestrict\":[\"1.2.3.4\",\"10.0.0.0/33\"]}",
            "ipRestrict[1]"),
        Arguments.of("IPv6 address", "{\"label\":\"a\",\"ipRestrict\":[\"::1\"]}", "ipRestrict[0]"),
        Arguments.of("null IP", "{\"label\":\"a\",\"ipRestrict\":[null]}", "ipRestrict[0]"),
        Arguments.of(
            "spending limit without coin",
            "{\"label\":\"a\",\"spendingLimits\":[{\"txValueLimit\":\"1\"}]}",
            "spendingLimits[0].coin"),
        Arguments.of(
            "spending limit without txValueLimit",
            "{\"label\":\"a\",\"spendingLimits\":[{\"coin\":\"btc\"}]}",
            "spendingLimits[0].txValueLimit"),
        Arguments.of(
            "negative txValueLimit",
            "{\"label\":\"a\",\"spendingLimits\":[{\"coin\":\"btc\",\"txValueLimit\":-1}]}",
            "spendingLimits[0].txValueLimit"),
        Arguments.of(
            "decimal txValueLimit",
            "{\"label\":\"a\",\"spendingLimits\":[{\"coin\":\"btc\",\"txValueLimit\":\"1.5\"}]}",
            "spendingLimits[0].txValueLimit"),
        Arguments.of(
            "an exponent whose expansion would take minutes",
            "{\"label\":\"a\",\"spendingLimits\":[{\"coin\":\"btc\",\"txValueLimit\":1e400000000}]}",
            "spendingLimits[0].txValueLimit"),
        Arguments.of(
            "a whole number written with a fraction",
            "{\"label\":\"a\",\"spendingLimits\":[{\"coin\":\"btc\",\"txValueLimit\":100.0}]}",
            "spendingLimits[0].txValueLimit"),
        Arguments.of(
            "an integer amount of 79 digits",
            "{\"label\":\"a\",\"spendingLimits\":[{\"coin\":\"btc\",\"txValueLimit\":"
                + "9".repeat(79)
                + "}]}",
            "spendingLimits[0].txValueLimit"),
        Arguments.of(
            "null spending limit",
            "{\"label\":\"a\",\"spendingLimits\":[null]}",
            "spendingLimits[0]"),
        Arguments.of(
            "same coin twice",
            "{\"label\":\"a\",\"spendingLimits\":[{\"coin\":\"btc\",\"txValueLimit\":1},"
                + "{\"coin\":\"btc\",\"txValueLimit\":2}]}",
            "spendingLimits[1].coin"),
        Arguments.of("a string for admin", "{\"label\":\"a\",\"admin\":\"yes\"}", "admin"),
        Arguments.of("duplicate key", "{\"label\":\"a\",\"label\":\"b\"}", "label"),
        Arguments.of(
            "nesting deeper than 32",
            "{\"label\":\"a\",\"x\":" + "[".repeat(40) + "]".repeat(40) + "}",
            "body"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidBodies")
  void rejectsInvalidBodyWithContractErrorAndKeepsServing(String why, String body, String field) {
    assertInvalid(test, body, field);
    assertStillServing(test);
  }

  @Test
  void rejectsUnsupportedContentTypeWith415() {
    HttpResponse<String> response =
        post(
            test.endpointUri(),
            TOKEN,
            "text/plain",
            "{\"label\":\"a\"}".getBytes(StandardCharsets.UTF_8));
    assertError(response, 415, "UnsupportedMediaType");
    assertStillServing(test);
  }

  @Test
  void rejectsBodyOverSizeLimitWith413() {
    String label = "a".repeat(StubServerConfig.DEFAULT_MAX_REQUEST_BODY_BYTES);
    HttpResponse<String> response =
        postJson(test.endpointUri(), TOKEN, "{\"label\":\"" + label + "\"}");
    assertError(response, 413, "PayloadTooLarge");
    assertStillServing(test);
  }

  @Test
  void rejectsGarbageBytes() {
    byte[] garbage = {(byte) 0xff, (byte) 0xfe, 0, 0, 1, 2, (byte) 0x80, '{'};
    HttpResponse<String> response = post(test.endpointUri(), TOKEN, "application/json", garbage);
    assertError(response, 400, "InvalidRequest");
    assertStillServing(test);
  }

  @Test
  void answersUnknownPathWith404InErrorShape() {
    HttpResponse<String> response =
        StubHttp.send(
            HttpRequest.newBuilder(test.baseUri().resolve("api/v2/nothing")).GET().build());
    assertError(response, 404, "NotFound");
  }

  @Test
  void answersWrongMethodWith405InErrorShape() {
    HttpResponse<String> response =
        StubHttp.send(
            HttpRequest.newBuilder(test.endpointUri())
                .header("Authorization", "Bearer " + TOKEN)
                .DELETE()
                .build());
    assertError(response, 405, "MethodNotAllowed");
    assertThat(response.headers().firstValue("Allow"))
        .hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
  }

  @Test
  void answersTooManyRequestsWithRetryAfterWhenRateLimited() {
    try (StubServer limited =
        StubServer.start(
            StubServerConfig.builder()
                .port(0)
                .acceptedToken(TOKEN)
                .rateLimitPerMinute(2)
                // a fixed clock: the three requests can never straddle a window boundary
                .clock(
                    java.time.Clock.fixed(
                        java.time.Instant.parse("2026-11-27T10:15:30Z"), java.time.ZoneOffset.UTC))
                .build())) {
      URI endpoint = limited.endpointUri();
      assertThat(postJson(endpoint, TOKEN, "{\"label\":\"a\"}").statusCode()).isEqualTo(200);
      assertThat(postJson(endpoint, TOKEN, "{\"label\":\"a\"}").statusCode()).isEqualTo(200);
      HttpResponse<String> third = postJson(endpoint, TOKEN, "{\"label\":\"a\"}");
      assertError(third, 429, "TooManyRequests");
      assertThat(third.headers().firstValue("Retry-After"))
          .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
    }
  }

  private static void assertInvalid(StubServer server, String body, String field) {
    HttpResponse<String> response = postJson(server.endpointUri(), TOKEN, body);
    JsonNode error = assertError(response, 400, "InvalidRequest");
    assertThat(error.get("context").get("field").asText()).as(response.body()).isEqualTo(field);
    assertThat(error.get("error").asText()).isNotBlank();
  }

  private static void assertUnauthorized(HttpResponse<String> response, String reason) {
    JsonNode error = assertError(response, 401, "Unauthorized");
    assertThat(error.get("context").get("reason").asText()).isEqualTo(reason);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
  }

  /** Status, JSON error shape from the spec, request id in header and body, no stack trace. */
  private static JsonNode assertError(HttpResponse<String> response, int status, String name) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    ContractResponses.assertMatchesContract(response);
    JsonNode error = json(response);
    assertThat(error.get("name").asText()).isEqualTo(name);
    assertThat(error.get("requestId").asText())
        .isNotBlank()
        .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
    assertThat(error.get("context").isObject()).isTrue();
    assertThat(response.body()).doesNotContain("Exception", "\tat ", "<html");
    return error;
  }

  private static void assertStillServing(StubServer server) {
    assertThat(postJson(server.endpointUri(), TOKEN, "{\"label\":\"still-serving\"}").statusCode())
        .isEqualTo(200);
  }

  private static byte[] validBody() {
    return "{\"label\":\"a\"}".getBytes(StandardCharsets.UTF_8);
  }
}
