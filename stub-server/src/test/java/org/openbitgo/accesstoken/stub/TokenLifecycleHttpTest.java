package org.openbitgo.accesstoken.stub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbitgo.accesstoken.stub.ContractResponses.assertAnswersItsOperation;
import static org.openbitgo.accesstoken.stub.StubHttp.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openbitgo.accesstoken.contract.ContractJson;

/**
 * A token's whole life over HTTP: create, use, list, revoke, 401; what each user sees; paging;
 * every bad input. Every answer is checked against the spec, strictly (no property the spec does
 * not name, so no listed secret).
 */
class TokenLifecycleHttpTest {

  private static final String ALICE = "alice-bearer-token";
  private static final String BOB = "bob-bearer-token";
  private static final String UNKNOWN_ID = "0123456789abcdef0123456789abcdef";

  private static final SettableClock CLOCK =
      new SettableClock(Instant.parse("2026-11-27T10:15:30.000Z"));

  private static StubServer server;

  @BeforeAll
  static void start() {
    server =
        StubServer.start(
            StubServerConfig.builder()
                .port(0)
                .acceptedToken(ALICE)
                .acceptedToken(BOB)
                .clock(CLOCK)
                .build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void emptyStore() {
    server.reset();
  }

  @Test
  void createdTokenAuthenticatesIsListedAndAfterRevocationAnswers401() {
    JsonNode created = create(ALICE, "{\"label\":\"lifecycle\"}");
    String secret = created.get("token").asText();

    JsonNode listedBySelf = list(secret, "");
    assertThat(ids(listedBySelf)).containsExactly(created.get("id").asText());

    HttpResponse<String> revoked = revoke(secret, created.get("id").asText());
    assertThat(revoked.statusCode()).isEqualTo(200);

    HttpResponse<String> afterwards = StubHttp.get(listUri(""), secret);
    assertAnswersItsOperation(afterwards);
    assertThat(afterwards.statusCode()).isEqualTo(401);
    assertThat(json(afterwards).get("context").get("reason").asText()).isEqualTo("unknown");
    assertThat(ids(list(ALICE, ""))).isEmpty();
  }

  @Test
  void listsOnlyTheCallersUserTokensEachAsCreatedWithoutItsSecret() {
    JsonNode first = create(ALICE, FULL_REQUEST);
    JsonNode second = create(ALICE, "{\"label\":\"second\"}");
    // a token created with one of Alice's tokens is Alice's too
    JsonNode child = create(first.get("token").asText(), "{\"label\":\"child\"}");
    JsonNode bobs = create(BOB, "{\"label\":\"bob\"}");

    HttpResponse<String> response = StubHttp.get(listUri(""), ALICE);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("accessTokens"))
        .containsExactly(withoutSecret(first), withoutSecret(second), withoutSecret(child));
    assertThat(json(response).has("nextBatchPrevId")).isFalse();
    for (JsonNode token : List.of(first, second, child, bobs)) {
      assertThat(response.body()).doesNotContain(token.get("token").asText());
    }
    assertThat(ids(list(BOB, ""))).containsExactly(bobs.get("id").asText());
  }

  @Test
  void pagingVisitsEveryTokenAliveThroughoutExactlyOnceWhateverHappensMeanwhile() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      ids.add(create(ALICE, "{\"label\":\"page-" + i + "\"}").get("id").asText());
    }

    JsonNode first = list(ALICE, "?limit=3");
    assertThat(ids(first)).containsExactlyElementsOf(ids.subList(0, 3));
    String cursor = first.get("nextBatchPrevId").asText();
    assertThat(cursor).isEqualTo(ids.get(2));

    // meanwhile: the cursor's own token and one not yet listed are revoked, one is created
    revoke(ALICE, ids.get(2));
    revoke(ALICE, ids.get(4));
    String late = create(ALICE, "{\"label\":\"late\"}").get("id").asText();

    List<String> seen = new ArrayList<>(ids(first));
    JsonNode page = list(ALICE, "?limit=3&prevId=" + cursor);
    seen.addAll(ids(page));
    while (page.has("nextBatchPrevId")) {
      page = list(ALICE, "?limit=3&prevId=" + page.get("nextBatchPrevId").asText());
      seen.addAll(ids(page));
    }
    assertThat(seen).doesNotHaveDuplicates().doesNotContain(ids.get(4));
    assertThat(seen)
        .containsAll(List.of(ids.get(0), ids.get(1), ids.get(3), ids.get(5), ids.get(6), late));
  }

  @Test
  void pageHoldsAHundredTokensWithoutLimitAndTwoHundredAtMost() {
    for (int i = 0; i < 201; i++) {
      create(ALICE, "{\"label\":\"many\"}");
    }
    JsonNode byDefault = list(ALICE, "");
    assertThat(byDefault.get("accessTokens")).hasSize(100);
    assertThat(byDefault.has("nextBatchPrevId")).isTrue();

    JsonNode largest = list(ALICE, "?limit=200");
    assertThat(largest.get("accessTokens")).hasSize(200);
    JsonNode last = list(ALICE, "?limit=200&prevId=" + largest.get("nextBatchPrevId").asText());
    assertThat(last.get("accessTokens")).hasSize(1);
    assertThat(last.has("nextBatchPrevId")).isFalse();
  }

  @Test
  void revokingSetsExpiresToNowAndRevokingAgainAnswersTheSameDocument() {
    JsonNode created = create(ALICE, FULL_REQUEST);
    String id = created.get("id").asText();
    CLOCK.advance(Duration.ofMillis(90_250));

    HttpResponse<String> revoked = revoke(ALICE, id);
    assertThat(revoked.statusCode()).isEqualTo(200);
    ObjectNode expected = withoutSecret(created);
    expected.put(
        "expires",
        ContractJson.TIMESTAMP.format(
            OffsetDateTime.parse(created.get("created").asText()).plus(Duration.ofMillis(90_250))));
    assertThat(json(revoked)).isEqualTo(expected);

    CLOCK.advance(Duration.ofHours(1));
    HttpResponse<String> again = revoke(ALICE, id);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(revoked.body());
    assertThat(StubHttp.postJson(server.endpointUri(), created.get("token").asText(), "{}"))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(401);
  }

  @Test
  void revokingATokenThatExpiredAnswersItsDocumentUnchanged() {
    JsonNode created = create(ALICE, "{\"label\":\"short\",\"duration\":60}");
    CLOCK.advance(Duration.ofSeconds(61));

    HttpResponse<String> revoked = revoke(ALICE, created.get("id").asText());

    assertThat(revoked.statusCode()).isEqualTo(200);
    assertThat(json(revoked)).isEqualTo(withoutSecret(created));
  }

  @Test
  void anotherUsersIdAnswersExactlyAsAnUnknownIdAndChangesNothing() {
    JsonNode alices = create(ALICE, "{\"label\":\"alice\"}");

    HttpResponse<String> othersId = revoke(BOB, alices.get("id").asText());
    HttpResponse<String> unknownId = revoke(BOB, UNKNOWN_ID);

    assertThat(othersId.statusCode()).isEqualTo(404);
    assertThat(withoutRequestId(json(othersId))).isEqualTo(withoutRequestId(json(unknownId)));
    assertThat(json(othersId).get("name").asText()).isEqualTo("NotFound");
    assertThat(json(othersId).get("context").get("field").asText()).isEqualTo("id");
    assertThat(ids(list(ALICE, ""))).containsExactly(alices.get("id").asText());
    // Bob cannot page through Alice's list with her ids either
    HttpResponse<String> othersCursor =
        StubHttp.get(listUri("?prevId=" + alices.get("id").asText()), BOB);
    assertThat(othersCursor.statusCode()).isEqualTo(400);
    assertAnswersItsOperation(othersCursor);
  }

  static Stream<Arguments> badListQueries() {
    return Stream.of(
        Arguments.of("?limit=0", "limit"),
        Arguments.of("?limit=201", "limit"),
        Arguments.of("?limit=-1", "limit"),
        Arguments.of("?limit=abc", "limit"),
        Arguments.of("?limit=", "limit"),
        Arguments.of("?limit=2.5", "limit"),
        Arguments.of("?limit=99999999999999999999", "limit"),
        Arguments.of("?limit=1&limit=2", "limit"),
        Arguments.of("?prevId=0123456789ABCDEF0123456789ABCDEF", "prevId"),
        Arguments.of("?prevId=0123456789abcdef", "prevId"),
        Arguments.of("?prevId=", "prevId"),
        Arguments.of("?prevId=" + UNKNOWN_ID, "prevId"),
        Arguments.of("?limit=5&prevId=xyz", "prevId"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badListQueries")
  void refusesABadListQueryWith400NamingTheParameter(String query, String field) {
    create(ALICE, "{\"label\":\"kept\"}");

    HttpResponse<String> response = StubHttp.get(listUri(query), ALICE);

    assertAnswersItsOperation(response);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("name").asText()).isEqualTo("InvalidRequest");
    assertThat(json(response).get("context").get("field").asText()).isEqualTo(field);
    assertThat(json(response).get("error").asText()).startsWith(field + " ");
    assertThat(ids(list(ALICE, ""))).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("malformedIds")
  void refusesAMalformedIdWith400AndRevokesNothing(String id) {
    create(ALICE, "{\"label\":\"kept\"}");

    HttpResponse<String> response = revoke(ALICE, id);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("context").get("field").asText()).isEqualTo("id");
    assertThat(ids(list(ALICE, ""))).hasSize(1);
  }

  static Stream<String> malformedIds() {
    return Stream.of(
        "0123456789abcdef0123456789abcde",
        "0123456789abcdef0123456789abcdef0",
        "0123456789ABCDEF0123456789ABCDEF",
        "not-a-token-id",
        "v2x0123456789abcdef");
  }

  @Test
  void listAndRevokeNeedAnAcceptedBearerToken() {
    for (HttpResponse<String> response :
        List.of(
            StubHttp.get(listUri(""), null),
            StubHttp.delete(tokenUri(UNKNOWN_ID), null),
            StubHttp.delete(tokenUri(UNKNOWN_ID), "not-accepted"))) {
      assertAnswersItsOperation(response);
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }
  }

  @Test
  void aTokenPathAnswersDeleteAndOptionsOnly() {
    HttpResponse<String> options =
        StubHttp.send(
            HttpRequest.newBuilder(tokenUri(UNKNOWN_ID))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + ALICE)
                .build());
    assertThat(options.statusCode()).isEqualTo(200);
    assertThat(options.headers().firstValue("Allow")).hasValue("DELETE, OPTIONS");

    HttpResponse<String> put =
        StubHttp.send(
            HttpRequest.newBuilder(tokenUri(UNKNOWN_ID))
                .PUT(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Authorization", "Bearer " + ALICE)
                .build());
    assertThat(put.statusCode()).isEqualTo(405);
    assertThat(put.headers().firstValue("Allow")).hasValue("DELETE, OPTIONS");

    HttpResponse<String> deeper = StubHttp.delete(tokenUri(UNKNOWN_ID + "/more"), ALICE);
    assertThat(deeper.statusCode()).isEqualTo(404);
    assertThat(json(deeper).get("name").asText()).isEqualTo("NotFound");
  }

  @Test
  void anEvictedTokenNeitherAuthenticatesNorListsNorRevokesAndItsCursorIsRefused() {
    try (StubServer small =
        StubServer.start(
            StubServerConfig.builder().port(0).acceptedToken(ALICE).maxStoredTokens(3).build())) {
      URI endpoint = small.endpointUri();
      List<JsonNode> created = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        created.add(json(StubHttp.postJson(endpoint, ALICE, "{\"label\":\"e" + i + "\"}")));
      }
      String evicted = created.get(0).get("id").asText();

      JsonNode listed = json(StubHttp.get(endpoint, ALICE));
      assertThat(ids(listed))
          .containsExactly(
              created.get(1).get("id").asText(),
              created.get(2).get("id").asText(),
              created.get(3).get("id").asText());
      assertThat(StubHttp.get(endpoint, created.get(0).get("token").asText()).statusCode())
          .isEqualTo(401);
      assertThat(StubHttp.delete(URI.create(endpoint + "/" + evicted), ALICE).statusCode())
          .isEqualTo(404);
      assertThat(StubHttp.get(URI.create(endpoint + "?prevId=" + evicted), ALICE).statusCode())
          .isEqualTo(400);
    }
  }

  private static final String FULL_REQUEST =
      """
      {"label":"treasury-bot","scope":["wallet_view_all"],"duration":2592000,
       "ipRestrict":["203.0.113.7"],"enterprise":"5a84db4d6dd6c7dd07d2e3b5a7e9d9c4",
       "spendingLimits":[{"coin":"eth","txValueLimit":"123456789012345678901234567890"},
                         {"coin":"btc","txValueLimit":100000000}]}
      """;

  static JsonNode create(String bearer, String body) {
    HttpResponse<String> response = StubHttp.postJson(server.endpointUri(), bearer, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  static JsonNode list(String bearer, String query) {
    HttpResponse<String> response = StubHttp.get(listUri(query), bearer);
    assertAnswersItsOperation(response);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  static HttpResponse<String> revoke(String bearer, String id) {
    HttpResponse<String> response = StubHttp.delete(tokenUri(id), bearer);
    assertAnswersItsOperation(response);
    return response;
  }

  private static URI listUri(String query) {
    return URI.create(server.endpointUri() + query);
  }

  private static URI tokenUri(String id) {
    return URI.create(server.endpointUri() + "/" + id);
  }

  static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("accessTokens").forEach(token -> ids.add(token.get("id").asText()));
    return ids;
  }

  private static ObjectNode withoutSecret(JsonNode created) {
    ObjectNode document = created.deepCopy();
    document.remove("token");
    return document;
  }

  private static ObjectNode withoutRequestId(JsonNode error) {
    ObjectNode copy = error.deepCopy();
    copy.remove("requestId");
    return copy;
  }
}
