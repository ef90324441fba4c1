package org.openbitgo.accesstoken.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbitgo.accesstoken.client.Fixtures.CALLER_TOKEN;
import static org.openbitgo.accesstoken.client.Fixtures.CREATED_JSON;
import static org.openbitgo.accesstoken.client.Fixtures.ISSUED_TOKEN;
import static org.openbitgo.accesstoken.client.Fixtures.clientFor;
import static org.openbitgo.accesstoken.client.Fixtures.createFails;
import static org.openbitgo.accesstoken.client.Fixtures.treasuryBotRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openbitgo.accesstoken.client.generated.model.AccessToken;
import org.openbitgo.accesstoken.client.generated.model.ApiResponse;
import org.openbitgo.accesstoken.contract.BaseUnitAmount;

/** The client against a real HTTP server on loopback: what goes on the wire, what comes back. */
class AccessTokenClientTest {

  private static final String JSON = "application/json";

  @AutoClose private final StubHttpServer server = StubHttpServer.startForATest();

  @Test
  void sendsBearerTokenAndContractJsonWithoutNullsAndWithPlainAmounts() throws Exception {
    server.reply(200, CREATED_JSON, "Content-Type", JSON);

    clientFor(server).build().createAccessToken(treasuryBotRequest());

    assertThat(server.received()).hasSize(1);
    StubHttpServer.Received request = server.received().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/api/v2/user/accesstoken");
    assertThat(request.headers().get("Authorization")).containsExactly("Bearer " + CALLER_TOKEN);
    assertThat(request.headers().getFirst("Content-Type")).startsWith(JSON);
    assertThat(request.headers().getFirst("Accept")).isEqualTo(JSON);

    String body = request.bodyText();
    assertThat(body)
        .contains("\"txValueLimit\":\"100000000\"")
        .contains("\"txValueLimit\":123456789012345678901234567890")
        .doesNotContain("null")
        .doesNotContain("E+");
    JsonNode json = new ObjectMapper().readTree(request.body());
    assertThat(json.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("label", "scope", "duration", "ipRestrict", "spendingLimits");
    assertThat(containsNull(json)).isFalse();
  }

  @Test
  void decodesTheCreatedTokenIgnoringUnknownFields() {
    server.reply(200, CREATED_JSON, "Content-Type", JSON);

    AccessToken token = clientFor(server).build().createAccessToken(treasuryBotRequest());

    assertThat(token.getId()).isEqualTo("59cd72485007a239fb00282ed480da1f");
    assertThat(token.getToken()).isEqualTo(ISSUED_TOKEN);
    assertThat(token.getScope()).contains("a_scope_from_the_future");
    assertThat(token.getCreated()).isEqualTo(OffsetDateTime.parse("2026-11-27T10:15:30.000Z"));
    assertThat(token.getUnlock().getSpendingLimits().get("btc").getTxValueLimit())
        .isEqualTo(BaseUnitAmount.ofString("100000000"));
    assertThat(token.toString()).doesNotContain(ISSUED_TOKEN);
  }

  @Test
  void exposesTheGeneratedApiWithStatusAndHeaders() {
    server.reply(200, CREATED_JSON, "Content-Type", JSON, "X-Request-Id", "req-42");

    ApiResponse<AccessToken> response =
        clientFor(server).build().api().createAccessTokenWithHttpInfo(treasuryBotRequest());

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders().get("x-request-id")).containsExactly("req-42");
    assertThat(response.getData().getId()).isEqualTo("59cd72485007a239fb00282ed480da1f");
  }

  @Test
  void reusesThePooledConnectionAcrossCalls() {
    server
        .reply(200, CREATED_JSON, "Content-Type", JSON)
        .reply(200, CREATED_JSON, "Content-Type", JSON);
    AccessTokenClient client = clientFor(server).build();

    client.createAccessToken(treasuryBotRequest());
    client.createAccessToken(treasuryBotRequest());

    assertThat(server.received())
        .extracting(StubHttpServer.Received::clientPort)
        .containsOnly(server.received().get(0).clientPort());
  }

  @Test
  void badRequestBecomesBitGoApiExceptionWithEveryFieldOfTheErrorBody() {
    server.reply(400, Fixtures.BAD_REQUEST_JSON, "Content-Type", JSON);

    BitGoApiException e = createFails(BitGoApiException.class, clientFor(server));

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.name()).isEqualTo("InvalidRequest");
    assertThat(e.error()).isEqualTo("ipRestrict[0] must be an IPv4 address or CIDR block");
    assertThat(e.requestId()).isEqualTo("6f1c2a9e4b7d8c03");
    assertThat(e.context()).isEqualTo(Map.of("field", "ipRestrict[0]"));
    assertThat(e.responseBody()).contains("InvalidRequest");
    assertThat(e.retryAfter()).isEmpty();
    assertThat(e.getMessage())
        .isEqualTo(
            "BitGo API error: HTTP 400 InvalidRequest: ipRestrict[0] must be an IPv4 address or"
                + " CIDR block (requestId: 6f1c2a9e4b7d8c03)");
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void unauthorizedKeepsItsErrorBody() {
    server.reply(
        401,
        "{\"name\":\"Unauthorized\",\"error\":\"unauthorized\",\"requestId\":\"6f1c2a9e4b7d8c04\",\"context\":{}}",
        "Content-Type",
        JSON);

    BitGoApiException e = createFails(BitGoApiException.class, clientFor(server));

    assertThat(e.status()).isEqualTo(401);
    assertThat(e.name()).isEqualTo("Unauthorized");
    assertThat(e.error()).isEqualTo("unauthorized");
    assertThat(e.requestId()).isEqualTo("6f1c2a9e4b7d8c04");
    assertThat(e.context()).isEmpty();
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void takesTheRequestIdFromTheHeaderWhenTheBodyLacksIt() {
    server.reply(
        404, "{\"error\":\"not found\"}", "Content-Type", JSON, "X-Request-Id", "hdr-7f00");

    BitGoApiException e = createFails(BitGoApiException.class, clientFor(server));

    assertThat(e.status()).isEqualTo(404);
    assertThat(e.error()).isEqualTo("not found");
    assertThat(e.requestId()).isEqualTo("hdr-7f00");
    assertThat(e.getMessage()).endsWith("(requestId: hdr-7f00)");
  }

  @Test
  void nonJsonErrorBodyStillBecomesTheTypedExceptionWithTheRawText() {
    server.reply(
        502,
        "<html><body>502 Bad Gateway</body></html>",
        "Content-Type",
        "text/html",
        "X-Request-Id",
        "edge-1234");

    BitGoApiException e = createFails(BitGoApiException.class, clientFor(server));

    assertThat(e.status()).isEqualTo(502);
    assertThat(e.name()).isNull();
    assertThat(e.error()).isNull();
    assertThat(e.requestId()).isEqualTo("edge-1234");
    assertThat(e.responseBody()).isEqualTo("<html><body>502 Bad Gateway</body></html>");
    assertThat(e.getMessage())
        .isEqualTo(
            "BitGo API error: HTTP 502: <html><body>502 Bad Gateway</body></html>"
                + " (requestId: edge-1234)");
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void emptyErrorBodyStillBecomesTheTypedException() {
    server.reply(503, null);

    BitGoApiException e = createFails(BitGoApiException.class, clientFor(server));

    assertThat(e.status()).isEqualTo(503);
    assertThat(e.responseBody()).isEmpty();
    assertThat(e.requestId()).isNull();
    assertThat(e.getMessage())
        .isEqualTo("BitGo API error: HTTP 503 with an empty body (requestId: none)");
  }

  @ParameterizedTest(name = "HTTP {0} on create is not retried")
  @ValueSource(ints = {500, 502, 503, 504})
  void serverErrorsOnCreateAreNeverRetried(int status) {
    server.reply(
        status,
        "{\"name\":\"InternalError\",\"error\":\"internal error\",\"requestId\":\"r-500\"}",
        "Content-Type",
        JSON,
        "Retry-After",
        "1");
    RecordingSleeper sleeper = new RecordingSleeper();

    BitGoApiException e =
        createFails(BitGoApiException.class, clientFor(server).sleeper(sleeper).maxAttempts(5));

    assertThat(e.status()).isEqualTo(status);
    assertThat(server.received()).hasSize(1);
    assertThat(sleeper.delays()).isEmpty();
  }

  @Test
  void rateLimitedThenSucceedsAfterWaitingRetryAfter() {
    server
        .reply(
            429,
            "{\"name\":\"TooManyRequests\",\"error\":\"too many requests, retry later\",\"requestId\":\"r-429\"}",
            "Content-Type",
            JSON,
            "Retry-After",
            "1")
        .reply(200, CREATED_JSON, "Content-Type", JSON);
    RecordingSleeper sleeper = new RecordingSleeper();

    AccessToken token =
        clientFor(server).sleeper(sleeper).build().createAccessToken(treasuryBotRequest());

    assertThat(token.getId()).isEqualTo("59cd72485007a239fb00282ed480da1f");
    assertThat(server.received()).hasSize(2);
    assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void retryAfterAsAnHttpDateIsHonouredToo() {
    // Fixtures.FIXED_CLOCK reads 2026-11-27T10:15:30Z
    server
        .reply(
            429,
            "{\"error\":\"slow down\",\"requestId\":\"r\"}",
            "Retry-After",
            "Fri, 27 Nov 2026 10:15:32 GMT")
        .reply(200, CREATED_JSON, "Content-Type", JSON);
    RecordingSleeper sleeper = new RecordingSleeper();

    clientFor(server).sleeper(sleeper).build().createAccessToken(treasuryBotRequest());

    assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(2));
    assertThat(server.received()).hasSize(2);
  }

  @Test
  void rateLimitedEveryTimeGivesUpAfterMaxAttemptsWithBackoffAndJitter() {
    for (int i = 0; i < 4; i++) {
      server.reply(
          429, "{\"error\":\"slow down\",\"requestId\":\"r-" + i + "\"}", "Content-Type", JSON);
    }
    RecordingSleeper sleeper = new RecordingSleeper();

    BitGoApiException e =
        createFails(
            BitGoApiException.class,
            clientFor(server)
                .sleeper(sleeper)
                .maxAttempts(4)
                .backoff(Duration.ofMillis(400), Duration.ofMillis(1000)));

    assertThat(e.status()).isEqualTo(429);
    assertThat(e.isRateLimited()).isTrue();
    assertThat(e.requestId()).isEqualTo("r-3");
    assertThat(server.received()).hasSize(4);
    // nominal 400, 800, then 1600 capped to 1000; each is at least half its nominal value
    assertThat(sleeper.delays()).hasSize(3);
    assertThat(sleeper.delays().get(0)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    assertThat(sleeper.delays().get(1)).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
    assertThat(sleeper.delays().get(2)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void retryAfterLongerThanMaxBackoffIsNotWaitedFor() {
    server.reply(429, "{\"error\":\"quota\",\"requestId\":\"r-q\"}", "Retry-After", "3600");
    RecordingSleeper sleeper = new RecordingSleeper();

    BitGoApiException e = createFails(BitGoApiException.class, clientFor(server).sleeper(sleeper));

    assertThat(e.retryAfter()).contains(Duration.ofHours(1));
    assertThat(server.received()).hasSize(1);
    assertThat(sleeper.delays()).isEmpty();
  }

  @Test
  void maxAttemptsOfOneDisablesRetries() {
    server.reply(429, "{\"error\":\"slow down\",\"requestId\":\"r\"}", "Retry-After", "1");

    BitGoApiException e = createFails(BitGoApiException.class, clientFor(server).maxAttempts(1));

    assertThat(e.status()).isEqualTo(429);
    assertThat(server.received()).hasSize(1);
  }

  private static boolean containsNull(JsonNode node) {
    if (node.isNull()) {
      return true;
    }
    return StreamSupport.stream(node.spliterator(), false)
        .anyMatch(AccessTokenClientTest::containsNull);
  }
}
