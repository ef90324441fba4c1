package org.openbitgo.accesstoken.contracttests.consumer;

import static au.com.dius.pact.consumer.dsl.LambdaDsl.newJsonBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.openbitgo.accesstoken.contracttests.ContractNames.*;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.LambdaDslJsonBody;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openbitgo.accesstoken.client.AccessTokenClient;
import org.openbitgo.accesstoken.client.BitGoApiException;
import org.openbitgo.accesstoken.client.generated.model.AccessToken;
import org.openbitgo.accesstoken.client.generated.model.AccessTokenInfo;
import org.openbitgo.accesstoken.client.generated.model.AccessTokenList;
import org.openbitgo.accesstoken.client.generated.model.AllErc20TokensLimit;
import org.openbitgo.accesstoken.client.generated.model.CreateAccessTokenRequest;
import org.openbitgo.accesstoken.client.generated.model.SpendingLimit;
import org.openbitgo.accesstoken.contract.BaseUnitAmount;

/**
 * What the Java client expects of the access token API (create, list, revoke), pinned as one V4
 * pact. Each interaction has its own {@code @Pact} method and a paired test that drives the real
 * generated Feign client, through {@link AccessTokenClient}, against Pact's mock server. (One
 * class: with {@code pact.writer.overwrite} each test class would replace the pact file the last
 * wrote.)
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class AccessTokenConsumerPactTest {

  static final String PATH = "/api/v2/user/accesstoken";
  static final String VALID_TOKEN =
      "v2x0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0";
  static final String UNKNOWN_TOKEN =
      "v2xdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeef";

  /** The tokens the provider state gives the caller's user, in creation order. */
  static final List<String> OWNED_IDS =
      List.of(
          "59cd72485007a239fb00282ed480da1f",
          "6a0f3c2b1d4e5f60718293a4b5c6d7e8",
          "7b1e4d3c2f5a6b70819203b4c5d6e7f8");

  static final String UNKNOWN_ID = "0123456789abcdef0123456789abcdef";
  static final String WALLET_SCOPE = "wallet_spend:59cd72485007a239fb00282ed480da1f";
  static final String BIG_AMOUNT = "123456789012345678901234567890";

  // --- a minimal create (label only) ---------------------------------------------------------

  @Pact(consumer = CONSUMER)
  V4Pact minimalCreate(PactDslWithProvider builder) {
    return answer(
        createRequest(
            builder,
            STATE_TOKEN_VALID,
            VALID_TOKEN,
            "a create request with a label only",
            body -> body.stringType("label", "ci-readonly")),
        200,
        token -> {
          createdTokenCore(token);
          token.stringType("label", "ci-readonly");
        });
  }

  @Test
  @PactTestFor(pactMethod = "minimalCreate")
  void minimalCreate(MockServer server) {
    AccessToken created =
        client(server, VALID_TOKEN)
            .createAccessToken(new CreateAccessTokenRequest().label("ci-readonly"));

    assertThat(created.getId()).matches(HEX32);
    assertThat(created.getUser()).matches(HEX32);
    assertThat(created.getToken()).isNotBlank();
    assertThat(created.getLabel()).isEqualTo("ci-readonly");
    assertThat(created.getExpires()).isAfter(created.getCreated());
  }

  // --- a full create with every documented request field -------------------------------------

  @Pact(consumer = CONSUMER)
  V4Pact fullCreate(PactDslWithProvider builder) {
    return answer(
        createRequest(
            builder,
            STATE_TOKEN_VALID,
            VALID_TOKEN,
            "a create request with every documented field",
            body -> {
              body.stringType("label", "treasury-bot");
              body.array(
                  "scope",
                  scope -> {
                    scope.stringMatcher(SCOPE, "wallet_view_all");
                    scope.stringMatcher(SCOPE, WALLET_SCOPE);
                  });
              body.integerType("duration", 2_592_000);
              body.array(
                  "ipRestrict",
                  ips -> {
                    ips.stringMatcher(IPV4_OR_CIDR, "203.0.113.7");
                    ips.stringMatcher(IPV4_OR_CIDR, "198.51.100.0/24");
                  });
              body.stringType("enterprise", "5a84db4d6dd6c7dd07d2e3b5a7e9d9c4");
              body.booleanType("admin", false);
              body.array(
                  "spendingLimits",
                  limits -> {
                    limits.object(
                        btc -> {
                          btc.stringType("coin", "btc");
                          btc.integerType("txValueLimit", 100_000_000);
                        });
                    limits.object(
                        eth -> {
                          eth.stringType("coin", "eth");
                          eth.booleanType("maxLimit", false);
                          eth.stringMatcher("txValueLimit", DIGITS, BIG_AMOUNT);
                        });
                  });
              body.object(
                  "allErc20TokensLimit",
                  erc20 -> {
                    erc20.booleanType("enabled", true);
                    erc20.booleanType("maxLimit", false);
                    erc20.stringMatcher("txValueLimit", DIGITS, "5000000000000000000");
                  });
            }),
        200,
        token -> {
          createdTokenCore(token);
          token.stringType("label", "treasury-bot");
          token.stringType("enterprise", "5a84db4d6dd6c7dd07d2e3b5a7e9d9c4");
          token.array(
              "scope",
              scope -> {
                scope.stringType("wallet_view_all");
                scope.stringType(WALLET_SCOPE);
              });
          token.array(
              "ipRestrict",
              ips -> {
                ips.stringMatcher(IPV4_OR_CIDR, "203.0.113.7");
                ips.stringMatcher(IPV4_OR_CIDR, "198.51.100.0/24");
              });
          token.object(
              "unlock",
              unlock -> {
                unlock.stringMatcher("time", TIMESTAMP, "2026-11-27T10:15:30.000Z");
                unlock.stringMatcher("expires", TIMESTAMP, "2026-12-27T10:15:30.000Z");
                unlock.object(
                    "spendingLimits",
                    coins -> {
                      coins.object(
                          "btc",
                          btc -> {
                            btc.integerType("txCount", 0);
                            btc.numberType("txValue", 0);
                            btc.integerType("txValueLimit", 100_000_000);
                          });
                      coins.object(
                          "eth",
                          eth -> {
                            eth.integerType("txCount", 0);
                            eth.numberType("txValue", 0);
                            eth.stringMatcher("txValueLimit", DIGITS, BIG_AMOUNT);
                          });
                    });
              });
        });
  }

  @Test
  @PactTestFor(pactMethod = "fullCreate")
  void fullCreate(MockServer server) {
    CreateAccessTokenRequest request =
        new CreateAccessTokenRequest()
            .label("treasury-bot")
            .scope(List.of("wallet_view_all", WALLET_SCOPE))
            .duration(2_592_000L)
            .ipRestrict(List.of("203.0.113.7", "198.51.100.0/24"))
            .enterprise("5a84db4d6dd6c7dd07d2e3b5a7e9d9c4")
            .admin(false)
            .spendingLimits(
                List.of(
                    new SpendingLimit()
                        .coin("btc")
                        .txValueLimit(BaseUnitAmount.ofNumber(100_000_000L)),
                    new SpendingLimit()
                        .coin("eth")
                        .maxLimit(false)
                        .txValueLimit(BaseUnitAmount.ofString(BIG_AMOUNT))))
            .allErc20TokensLimit(
                new AllErc20TokensLimit()
                    .enabled(true)
                    .maxLimit(false)
                    .txValueLimit(BaseUnitAmount.ofString("5000000000000000000")));

    AccessToken created = client(server, VALID_TOKEN).createAccessToken(request);

    assertThat(created.getScope()).containsExactly("wallet_view_all", WALLET_SCOPE);
    assertThat(created.getIpRestrict()).containsExactly("203.0.113.7", "198.51.100.0/24");
    BaseUnitAmount eth = created.getUnlock().getSpendingLimits().get("eth").getTxValueLimit();
    assertThat(eth.isWrittenAsString()).isTrue();
    assertThat(eth.toBigInteger()).isEqualTo(new BigInteger(BIG_AMOUNT));
    assertThat(created.getUnlock().getSpendingLimits().get("btc").getTxValueLimit())
        .isEqualTo(BaseUnitAmount.ofNumber(100_000_000L));
  }

  // --- a 400 with the documented error body --------------------------------------------------

  @Pact(consumer = CONSUMER)
  V4Pact invalidIpRestrict(PactDslWithProvider builder) {
    return answer(
        createRequest(
            builder,
            STATE_TOKEN_VALID,
            VALID_TOKEN,
            "a create request whose ipRestrict entry is not an IPv4 address",
            body -> {
              body.stringType("label", "bad-ip");
              body.array("ipRestrict", ips -> ips.stringValue("300.1.2.3"));
            }),
        400,
        error ->
            platformError(
                error,
                "InvalidRequest",
                context -> context.stringMatcher("field", "ipRestrict\\[0\\]", "ipRestrict[0]")));
  }

  @Test
  @PactTestFor(pactMethod = "invalidIpRestrict")
  void invalidIpRestrict(MockServer server) {
    BitGoApiException error =
        refused(
            server,
            VALID_TOKEN,
            new CreateAccessTokenRequest().label("bad-ip").ipRestrict(List.of("300.1.2.3")));

    assertThat(error.status()).isEqualTo(400);
    assertThat(error.name()).isEqualTo("InvalidRequest");
    assertThat(error.requestId()).isNotBlank();
    assertThat(error.context()).containsEntry("field", "ipRestrict[0]");
    assertThat(error.getMessage()).contains(error.requestId()).doesNotContain(VALID_TOKEN);
  }

  // --- a 401 for an unknown bearer token -----------------------------------------------------

  @Pact(consumer = CONSUMER)
  V4Pact unknownBearerToken(PactDslWithProvider builder) {
    return answer(
        createRequest(
            builder,
            STATE_TOKEN_UNKNOWN,
            UNKNOWN_TOKEN,
            "a create request with an unknown bearer token",
            body -> body.stringType("label", "ci-readonly")),
        401,
        error -> platformError(error, "Unauthorized", context -> {}));
  }

  @Test
  @PactTestFor(pactMethod = "unknownBearerToken")
  void unknownBearerToken(MockServer server) {
    BitGoApiException error =
        refused(server, UNKNOWN_TOKEN, new CreateAccessTokenRequest().label("ci-readonly"));

    assertThat(error.status()).isEqualTo(401);
    assertThat(error.name()).isEqualTo("Unauthorized");
    assertThat(error.requestId()).isNotBlank();
    assertThat(error.toString()).doesNotContain(UNKNOWN_TOKEN);
  }

  // --- a first page with a cursor to the next --------------------------------------------------

  @Pact(consumer = CONSUMER)
  V4Pact firstPageWithCursor(PactDslWithProvider builder) {
    return answer(
        request(
                builder.given(
                    STATE_USER_HAS_TOKENS, Map.of("token", VALID_TOKEN, "ids", OWNED_IDS)),
                "a list request for a page of two of the caller's three tokens",
                "GET",
                PATH)
            .query("limit=2"),
        200,
        page -> {
          page.array(
              "accessTokens",
              tokens -> {
                tokens.object(token -> listedToken(token, OWNED_IDS.get(0)));
                tokens.object(token -> listedToken(token, OWNED_IDS.get(1)));
              });
          page.stringMatcher("nextBatchPrevId", HEX32, OWNED_IDS.get(1));
        });
  }

  @Test
  @PactTestFor(pactMethod = "firstPageWithCursor")
  void firstPageWithCursor(MockServer server) {
    AccessTokenList page = client(server, VALID_TOKEN).list(2, null);

    assertThat(page.getAccessTokens())
        .extracting(AccessTokenInfo::getId)
        .containsExactly(OWNED_IDS.get(0), OWNED_IDS.get(1));
    assertThat(page.getNextBatchPrevId()).isEqualTo(OWNED_IDS.get(1));
    assertThat(page.getAccessTokens())
        .allSatisfy(token -> assertThat(token.getExpires()).isAfter(token.getCreated()));
  }

  // --- a page size over the maximum -------------------------------------------------------------

  @Pact(consumer = CONSUMER)
  V4Pact limitOutOfRange(PactDslWithProvider builder) {
    return answer(
        request(
                builder.given(STATE_TOKEN_VALID, Map.of("token", VALID_TOKEN)),
                "a list request with a limit over 200",
                "GET",
                PATH)
            .query("limit=201"),
        400,
        error ->
            platformError(
                error, "InvalidRequest", context -> context.stringValue("field", "limit")));
  }

  @Test
  @PactTestFor(pactMethod = "limitOutOfRange")
  void limitOutOfRange(MockServer server) {
    BitGoApiException error =
        catchThrowableOfType(
            BitGoApiException.class, () -> client(server, VALID_TOKEN).list(201, null));

    assertThat(error.status()).isEqualTo(400);
    assertThat(error.name()).isEqualTo("InvalidRequest");
    assertThat(error.context()).containsEntry("field", "limit");
  }

  // --- revoking one of the caller's tokens -----------------------------------------------------

  @Pact(consumer = CONSUMER)
  V4Pact revokeOwnToken(PactDslWithProvider builder) {
    return answer(
        request(
            builder.given(
                STATE_USER_HAS_TOKENS,
                Map.of("token", VALID_TOKEN, "ids", OWNED_IDS.subList(0, 1))),
            "a revoke request for one of the caller's tokens",
            "DELETE",
            PATH + "/" + OWNED_IDS.get(0)),
        200,
        token -> listedToken(token, OWNED_IDS.get(0)));
  }

  @Test
  @PactTestFor(pactMethod = "revokeOwnToken")
  void revokeOwnToken(MockServer server) {
    AccessTokenInfo revoked = client(server, VALID_TOKEN).revoke(OWNED_IDS.get(0));

    assertThat(revoked.getId()).isEqualTo(OWNED_IDS.get(0));
    assertThat(revoked.getExpires()).isNotNull();
  }

  // --- revoking an id that names no token of the caller ----------------------------------------

  @Pact(consumer = CONSUMER)
  V4Pact revokeUnknownId(PactDslWithProvider builder) {
    return answer(
        request(
            builder.given(STATE_TOKEN_VALID, Map.of("token", VALID_TOKEN)),
            "a revoke request for an id that names no token of the caller",
            "DELETE",
            PATH + "/" + UNKNOWN_ID),
        404,
        error -> platformError(error, "NotFound", context -> {}));
  }

  @Test
  @PactTestFor(pactMethod = "revokeUnknownId")
  void revokeUnknownId(MockServer server) {
    BitGoApiException error =
        catchThrowableOfType(
            BitGoApiException.class, () -> client(server, VALID_TOKEN).revoke(UNKNOWN_ID));

    assertThat(error.status()).isEqualTo(404);
    assertThat(error.name()).isEqualTo("NotFound");
    assertThat(error.requestId()).isNotBlank();
  }

  // --- shapes ---------------------------------------------------------------------------------

  /**
   * A create request from the Java client, authenticated with {@code token}, in {@code state}, with
   * a JSON body of this shape.
   */
  private static PactDslRequestWithPath createRequest(
      PactDslWithProvider builder,
      String state,
      String token,
      String description,
      Consumer<LambdaDslJsonBody> body) {
    return builder
        .given(state, Map.of("token", token))
        .uponReceiving(description)
        .method("POST")
        .path(PATH)
        .matchHeader("Authorization", BEARER, "Bearer " + token)
        .matchHeader("Content-Type", JSON_CONTENT_TYPE, "application/json")
        .body(newJsonBody(body).build());
  }

  /** The fields every created token carries, pinned by shape. */
  private static void createdTokenCore(LambdaDslObject token) {
    token.stringMatcher("id", HEX32, "59cd72485007a239fb00282ed480da1f");
    token.stringType(
        "token", "v2x8d5e9f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6");
    token.stringMatcher("user", HEX32, "5a84db4d6dd6c7dd07d2e3b5a7e9d9c4");
    token.stringType("origin", "test.bitgo.com");
    token.stringMatcher("ip", IPV4, "127.0.0.1");
    token.stringMatcher("created", TIMESTAMP, "2026-11-27T10:15:30.000Z");
    token.stringMatcher("expires", TIMESTAMP, "2026-12-27T10:15:30.000Z");
    token.booleanType("isExtensible", false);
  }

  /** The API error the Java client throws when the provider refuses {@code request}. */
  private static BitGoApiException refused(
      MockServer server, String token, CreateAccessTokenRequest request) {
    return catchThrowableOfType(
        BitGoApiException.class, () -> client(server, token).createAccessToken(request));
  }

  /** A request without a body, authenticated with the valid token. */
  private static PactDslRequestWithPath request(
      PactDslWithState given, String description, String method, String path) {
    return given
        .uponReceiving(description)
        .method(method)
        .path(path)
        .matchHeader("Authorization", BEARER, "Bearer " + VALID_TOKEN);
  }

  /**
   * A listed or revoked token's document: its id exactly (the provider state chose it), the rest by
   * shape. No {@code token}: a document never carries the secret.
   */
  private static void listedToken(LambdaDslObject token, String id) {
    token.stringValue("id", id);
    token.booleanType("isExtensible", false);
    token.stringMatcher("user", HEX32, "5a84db4d6dd6c7dd07d2e3b5a7e9d9c4");
    token.stringType("label", "provider-state");
    token.stringMatcher("created", TIMESTAMP, "2026-11-27T10:15:30.000Z");
    token.stringMatcher("expires", TIMESTAMP, "2036-11-25T10:15:30.000Z");
  }

  /**
   * The interaction: {@code request} answered with {@code status} and a JSON body of this shape.
   */
  private static V4Pact answer(
      PactDslRequestWithPath request, int status, Consumer<LambdaDslJsonBody> body) {
    return request
        .willRespondWith()
        .status(status)
        .matchHeader("Content-Type", JSON_CONTENT_TYPE, "application/json")
        .body(newJsonBody(body).build())
        .toPact(V4Pact.class);
  }

  /** The documented error body: the code is pinned, the rest by type; context is an object. */
  private static void platformError(
      LambdaDslObject error, String name, Consumer<LambdaDslObject> context) {
    error.stringValue("name", name);
    error.stringType("error", "explanation");
    error.stringType("requestId", "6f1c2a9e4b7d8c03");
    error.object("context", context);
  }

  /** The Java client against Pact's mock server, without retries (one request per call). */
  private static AccessTokenClient client(MockServer server, String token) {
    return AccessTokenClient.builder()
        .baseUrl(server.getUrl())
        .accessToken(token)
        .maxAttempts(1)
        .build();
  }
}
