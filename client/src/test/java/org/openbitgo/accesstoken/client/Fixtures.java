package org.openbitgo.accesstoken.client;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.openbitgo.accesstoken.client.generated.model.CreateAccessTokenRequest;
import org.openbitgo.accesstoken.client.generated.model.SpendingLimit;
import org.openbitgo.accesstoken.contract.BaseUnitAmount;

/** Requests, answers and secrets shared by the tests. */
final class Fixtures {

  /** The caller's token (sent as Bearer); it must never show up in logs or messages. */
  static final String CALLER_TOKEN =
      "v2xcaller0123456789abcdef0123456789abcdef0123456789abcdef0123";

  /** The secret of the token BitGo creates; it must never show up in logs or messages. */
  static final String ISSUED_TOKEN =
      "v2xissued9876543210fedcba9876543210fedcba9876543210fedcba9876";

  static final Clock FIXED_CLOCK =
      Clock.fixed(Instant.parse("2026-11-27T10:15:30Z"), ZoneOffset.UTC);

  static final String CREATED_JSON =
      """
      {
        "id": "59cd72485007a239fb00282ed480da1f",
        "token": "%s",
        "label": "treasury-bot",
        "user": "5a84db4d6dd6c7dd07d2e3b5a7e9d9c4",
        "origin": "test.bitgo.com",
        "ip": "127.0.0.1",
        "ipRestrict": ["203.0.113.7"],
        "scope": ["wallet_view_all", "wallet_spend:59cd72485007a239fb00282ed480da1f", "a_scope_from_the_future"],
        "created": "2026-11-27T10:15:30.000Z",
        "expires": "2026-12-27T10:15:30.000Z",
        "isExtensible": false,
        "bitgoAdminPermissions": [],
        "fieldAddedLater": {"nested": true},
        "unlock": {
          "time": "2026-11-27T10:15:30.000Z",
          "expires": "2026-12-27T10:15:30.000Z",
          "spendingLimits": {
            "btc": {"txCount": 0, "txValue": 0, "txValueLimit": "100000000"}
          }
        }
      }
      """
          .formatted(ISSUED_TOKEN);

  /** The id in {@link #CREATED_JSON}. */
  static final String CREATED_ID = "59cd72485007a239fb00282ed480da1f";

  /** A whole HTTP/1.1 200 answer carrying {@code json}, as a raw server writes it. */
  static String rawAnswer(String json) {
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
        + json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
        + "\r\n\r\n"
        + json;
  }

  /**
   * A whole answer holding another token: queued by a hostile peer after a real one, it must never
   * be read as the answer to anything.
   */
  static final String FORGED_ANSWER =
      rawAnswer(CREATED_JSON.replace(CREATED_ID, "ffffffffffffffffffffffffffffffff"));

  static final String BAD_REQUEST_JSON =
      """
      {"name": "InvalidRequest", "error": "ipRestrict[0] must be an IPv4 address or CIDR block",
       "requestId": "6f1c2a9e4b7d8c03", "context": {"field": "ipRestrict[0]"}}
      """;

  private Fixtures() {}

  static CreateAccessTokenRequest treasuryBotRequest() {
    return new CreateAccessTokenRequest()
        .label("treasury-bot")
        .scope(List.of("wallet_view_all", "wallet_spend:59cd72485007a239fb00282ed480da1f"))
        .duration(2592000L)
        .ipRestrict(List.of("203.0.113.7"))
        .spendingLimits(
            List.of(
                new SpendingLimit().coin("btc").txValueLimit(BaseUnitAmount.ofString("100000000")),
                new SpendingLimit()
                    .coin("eth")
                    .txValueLimit(
                        BaseUnitAmount.ofNumber(
                            new BigInteger("123456789012345678901234567890")))));
  }

  static AccessTokenClient.Builder clientFor(StubHttpServer server) {
    return AccessTokenClient.builder()
        .baseUrl(server.baseUrl())
        .accessToken(CALLER_TOKEN)
        .clock(FIXED_CLOCK)
        .sleeper(new RecordingSleeper());
  }

  /**
   * Builds {@code client}, sends it the treasury bot's create request and returns the {@code
   * expected} failure it ends in (null if it succeeds; another exception fails the test).
   */
  static <E extends Throwable> E createFails(Class<E> expected, AccessTokenClient.Builder client) {
    return catchThrowableOfType(
        expected, () -> client.build().createAccessToken(treasuryBotRequest()));
  }
}
