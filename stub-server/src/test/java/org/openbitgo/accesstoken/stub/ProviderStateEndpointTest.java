package org.openbitgo.accesstoken.stub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbitgo.accesstoken.stub.StubHttp.json;
import static org.openbitgo.accesstoken.stub.StubHttp.post;
import static org.openbitgo.accesstoken.stub.StubHttp.postJson;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openbitgo.accesstoken.stub.states.ProviderStates;

/**
 * The thin HTTP wiring of the provider states: opt-in, Pact's request shape, PlatformError
 * refusals.
 */
class ProviderStateEndpointTest {

  static final String STARTED_WITH = "v2xstartedwithstartedwithstartedwithstartedwith";
  static final String GRANTED = "v2xgrantedgrantedgrantedgrantedgrantedgranted01";

  static StubServer withStates;
  static StubServer plain;

  @BeforeAll
  static void start() {
    withStates =
        StubServer.start(
            StubServerConfig.builder()
                .port(0)
                .acceptedToken(STARTED_WITH)
                .providerStatesEndpoint(true)
                .build());
    plain =
        StubServer.start(StubServerConfig.builder().port(0).acceptedToken(STARTED_WITH).build());
  }

  @AfterAll
  static void stop() {
    withStates.close();
    plain.close();
  }

  @Test
  void withoutTheOptionTheEndpointDoesNotExist() {
    HttpResponse<String> response =
        changeState(plain, ProviderStates.TOKEN_ACCEPTED, GRANTED, "setup");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(createWith(plain, GRANTED)).isEqualTo(401);
  }

  @Test
  void userHasTokensOverHttpMakesTheListAnswerThoseIdsInOrderUntilTeardown() {
    String ids = "[\"59cd72485007a239fb00282ed480da1f\",\"0123456789abcdef0123456789abcdef\"]";
    HttpResponse<String> changed =
        postJson(
            withStates.providerStatesUri(),
            null,
            "{\"state\":\""
                + ProviderStates.USER_HAS_TOKENS
                + "\",\"params\":{\"token\":\""
                + GRANTED
                + "\",\"ids\":"
                + ids
                + "}}");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

    HttpResponse<String> listed = StubHttp.get(withStates.endpointUri(), GRANTED);
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(json(listed).get("accessTokens").findValuesAsText("id"))
        .containsExactly("59cd72485007a239fb00282ed480da1f", "0123456789abcdef0123456789abcdef");

    changeState(withStates, ProviderStates.USER_HAS_TOKENS, GRANTED, "teardown");
    assertThat(StubHttp.get(withStates.endpointUri(), GRANTED).statusCode()).isEqualTo(401);
  }

  @Test
  void setupAndTeardownChangeWhichBearerTokenTheApiAccepts() {
    assertThat(createWith(withStates, GRANTED)).isEqualTo(401);

    HttpResponse<String> granted =
        changeState(withStates, ProviderStates.TOKEN_ACCEPTED, GRANTED, "setup");
    assertThat(granted.statusCode()).isEqualTo(200);
    assertThat(granted.body()).isEqualTo("{}").doesNotContain(GRANTED);
    assertThat(createWith(withStates, GRANTED)).isEqualTo(200);

    assertThat(
            changeState(withStates, ProviderStates.TOKEN_UNKNOWN, STARTED_WITH, "setup")
                .statusCode())
        .isEqualTo(200);
    assertThat(createWith(withStates, STARTED_WITH)).isEqualTo(401);

    assertThat(
            changeState(withStates, ProviderStates.TOKEN_UNKNOWN, STARTED_WITH, "teardown")
                .statusCode())
        .isEqualTo(200);
    assertThat(createWith(withStates, STARTED_WITH)).as("back as started").isEqualTo(200);
    assertThat(createWith(withStates, GRANTED)).as("back as started").isEqualTo(401);
    assertThat(CapturedLog.all())
        .contains("_pact/provider-states 200")
        .doesNotContain(GRANTED)
        .doesNotContain(STARTED_WITH);
  }

  @Test
  void unknownStateGetsA400PlatformErrorNamingTheState() {
    JsonNode error = refused(changeState(withStates, "the moon is full", GRANTED, "setup"));

    assertThat(error.at("/context/field").asText()).isEqualTo("state");
    assertThat(error.get("error").asText())
        .contains("the moon is full")
        .contains(ProviderStates.TOKEN_ACCEPTED);
    assertThat(error.toString()).doesNotContain(GRANTED);
  }

  @Test
  void badInputGetsA400PlatformError() {
    URI states = states(withStates);
    assertThat(
            refused(
                    post(
                        states,
                        null,
                        "text/plain",
                        "state please".getBytes(StandardCharsets.UTF_8)))
                .at("/context/field")
                .asText())
        .isEqualTo("body");
    assertThat(refused(postJson(states, null, "{\"params\":{}}")).at("/context/field").asText())
        .isEqualTo("state");
    assertThat(
            refused(postJson(states, null, change(ProviderStates.TOKEN_ACCEPTED, GRANTED, "undo")))
                .at("/context/field")
                .asText())
        .isEqualTo("action");
    JsonNode badToken =
        refused(
            postJson(states, null, change(ProviderStates.TOKEN_ACCEPTED, "two words", "setup")));
    assertThat(badToken.at("/context/field").asText()).isEqualTo("params.token");
    assertThat(badToken.toString()).doesNotContain("two words");
    assertThat(createWith(withStates, STARTED_WITH)).as("still serving").isIn(200, 401);
  }

  @Test
  void onlyPostChangesAState() {
    HttpResponse<String> response =
        StubHttp.send(java.net.http.HttpRequest.newBuilder(states(withStates)).GET().build());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    assertThat(json(response).get("name").asText()).isEqualTo("MethodNotAllowed");
  }

  private static JsonNode refused(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response::body).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonNode error = json(response);
    assertThat(error.get("name").asText()).isEqualTo("InvalidRequest");
    assertThat(error.get("requestId").asText()).isNotBlank();
    assertThat(error.get("context").isObject()).isTrue();
    return error;
  }

  private static URI states(StubServer server) {
    return server.providerStatesUri();
  }

  private static int createWith(StubServer server, String token) {
    return postJson(server.endpointUri(), token, "{\"label\":\"states\"}").statusCode();
  }

  /** Posts a provider-state change to {@code server}'s state endpoint, as a verifier does. */
  private static HttpResponse<String> changeState(
      StubServer server, String state, String token, String action) {
    return postJson(states(server), null, change(state, token, action));
  }

  private static String change(String state, String token, String action) {
    return "{\"state\":\""
        + state
        + "\",\"params\":{\"token\":\""
        + token
        + "\"},\"action\":\""
        + action
        + "\"}";
  }
}
