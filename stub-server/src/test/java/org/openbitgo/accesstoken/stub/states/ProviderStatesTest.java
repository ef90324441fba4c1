package org.openbitgo.accesstoken.stub.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openbitgo.accesstoken.server.generated.model.AccessTokenInfo;
import org.openbitgo.accesstoken.stub.states.ProviderStates.Action;
import org.openbitgo.accesstoken.stub.states.ProviderStates.InvalidStateChange;
import org.openbitgo.accesstoken.stub.store.AccessTokenIssuer;
import org.openbitgo.accesstoken.stub.store.BearerTokenRegistry;
import org.openbitgo.accesstoken.stub.store.InMemoryAccessTokenStore;
import org.openbitgo.accesstoken.stub.store.StoredAccessToken;

/** The provider states on their own: no HTTP, a real token registry. */
class ProviderStatesTest {

  static final String TOKEN = "v2xc0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee";

  final BearerTokenRegistry registry = new BearerTokenRegistry();
  final AtomicInteger resets = new AtomicInteger();
  final InMemoryAccessTokenStore store = new InMemoryAccessTokenStore(100);
  final ProviderStates states =
      new ProviderStates(
          registry,
          new AccessTokenIssuer("test.bitgo.com", store, Clock.systemUTC()),
          resets::incrementAndGet);

  static final String FIRST_ID = "59cd72485007a239fb00282ed480da1f";
  static final String SECOND_ID = "0123456789abcdef0123456789abcdef";

  @Test
  void userHasTokensAcceptsTheTokenAndCreatesOneTokenPerIdInOrderForItsUser() {
    states.apply(
        ProviderStates.USER_HAS_TOKENS,
        Map.of("token", TOKEN, "ids", List.of(FIRST_ID, SECOND_ID)),
        Action.SETUP);

    String user = BearerTokenRegistry.userIdFor(TOKEN);
    assertThat(registry.userIdOf(TOKEN)).hasValue(user);
    assertThat(store.page(user, null, 10, OffsetDateTime.now()).orElseThrow().tokens())
        .extracting(AccessTokenInfo::getId)
        .containsExactly(FIRST_ID, SECOND_ID);
  }

  @Test
  void userHasTokensReadsTheIdsOfPactsRequestBody() {
    states.apply(
        json(
            "{\"state\":\"the bearer token's user has access tokens\",\"params\":{\"token\":\""
                + TOKEN
                + "\",\"ids\":[\""
                + SECOND_ID
                + "\"]}}"));

    assertThat(store.findById(SECOND_ID).map(StoredAccessToken::userId))
        .hasValue(BearerTokenRegistry.userIdFor(TOKEN));
  }

  @ParameterizedTest
  @MethodSource("badIds")
  void userHasTokensRefusesBadIdsAndChangesNothing(Object ids, String field) {
    Map<String, Object> params = new HashMap<>();
    params.put("token", TOKEN);
    params.put("ids", ids);
    store.save(
        new StoredAccessToken(
            "hash", new AccessTokenInfo(FIRST_ID, false).user(SECOND_ID).expires(FAR_FUTURE)));

    InvalidStateChange refused =
        catchThrowableOfType(
            InvalidStateChange.class,
            () -> states.apply(ProviderStates.USER_HAS_TOKENS, params, Action.SETUP));

    assertThat(refused.field()).isEqualTo(field);
    assertThat(refused.getMessage()).doesNotContain(TOKEN);
    assertThat(registry.userIdOf(TOKEN)).isEmpty();
    assertThat(store.size()).isEqualTo(1);
  }

  static Stream<Arguments> badIds() {
    return Stream.of(
        Arguments.of(null, "params.ids"),
        Arguments.of(SECOND_ID, "params.ids"),
        Arguments.of(List.of(SECOND_ID, "ABCDEF0123456789ABCDEF0123456789"), "params.ids[1]"),
        Arguments.of(List.of(SECOND_ID, SECOND_ID), "params.ids[1]"),
        Arguments.of(List.of(7), "params.ids[0]"),
        Arguments.of(List.of(SECOND_ID, FIRST_ID), "params.ids[1]"));
  }

  static final OffsetDateTime FAR_FUTURE = OffsetDateTime.parse("2100-01-01T00:00:00Z");

  @Test
  void acceptedStateAcceptsTheTokenGivenAsParameter() {
    states.apply(ProviderStates.TOKEN_ACCEPTED, Map.of("token", TOKEN), Action.SETUP);

    assertThat(registry.userIdOf(TOKEN)).isPresent();
  }

  @Test
  void unknownStateRevokesATokenThatWasAccepted() {
    registry.accept(TOKEN);

    states.apply(ProviderStates.TOKEN_UNKNOWN, Map.of("token", TOKEN), Action.SETUP);

    assertThat(registry.userIdOf(TOKEN)).isEmpty();
  }

  @Test
  void teardownPutsTheStubBackAsItStartedAndChangesNothingElse() {
    states.apply(ProviderStates.TOKEN_UNKNOWN, Map.of("token", TOKEN), Action.TEARDOWN);

    assertThat(resets).hasValue(1);
    assertThat(registry.userIdOf(TOKEN)).isEmpty();
  }

  @Test
  void readsPactsStandardRequestBody() {
    states.apply(
        json(
            "{\"state\":\"the bearer token is accepted\",\"params\":{\"token\":\""
                + TOKEN
                + "\"},\"action\":\"setup\"}"));
    assertThat(registry.userIdOf(TOKEN)).isPresent();

    states.apply(
        json(
            "{\"state\":\"the bearer token is unknown\",\"params\":{\"token\":\""
                + TOKEN
                + "\"}}"));
    assertThat(registry.userIdOf(TOKEN)).as("action defaults to setup").isEmpty();

    states.apply(
        json(
            "{\"state\":\"the bearer token is unknown\",\"params\":{\"token\":\""
                + TOKEN
                + "\"},\"action\":\"teardown\"}"));
    assertThat(resets).hasValue(1);
  }

  @Test
  void refusesAnUnknownStateNamingTheKnownOnes() {
    InvalidStateChange refused =
        catchThrowableOfType(
            InvalidStateChange.class,
            () -> states.apply("the moon is full", Map.of("token", TOKEN), Action.SETUP));

    assertThat(refused.field()).isEqualTo("state");
    assertThat(refused.getMessage())
        .contains("\"the moon is full\"")
        .contains(ProviderStates.TOKEN_ACCEPTED)
        .contains(ProviderStates.TOKEN_UNKNOWN)
        .doesNotContain(TOKEN);
    assertThat(resets).hasValue(0);
  }

  @Test
  void refusesAStateWithoutAUsableTokenWithoutEchoingIt() {
    assertThat(refusal(ProviderStates.TOKEN_ACCEPTED, Map.of())).isEqualTo("params.token");
    assertThat(refusal(ProviderStates.TOKEN_ACCEPTED, Map.of("token", 42)))
        .isEqualTo("params.token");
    InvalidStateChange refused =
        catchThrowableOfType(
            InvalidStateChange.class,
            () ->
                states.apply(
                    ProviderStates.TOKEN_ACCEPTED,
                    Map.of("token", "secret with spaces"),
                    Action.SETUP));
    assertThat(refused.getMessage()).doesNotContain("secret");
  }

  @Test
  void refusesMalformedRequestBodies() {
    assertThat(bodyRefusal("not json")).isEqualTo("body");
    assertThat(bodyRefusal("")).isEqualTo("body");
    assertThat(bodyRefusal("[1,2]")).isEqualTo("body");
    assertThat(bodyRefusal("{\"params\":{}}")).isEqualTo("state");
    assertThat(bodyRefusal("{\"state\":7}")).isEqualTo("state");
    assertThat(
            bodyRefusal(
                "{\"state\":\"the bearer token is accepted\",\"params\":[],\"action\":\"setup\"}"))
        .isEqualTo("params");
    assertThat(
            bodyRefusal(
                "{\"state\":\"the bearer token is accepted\",\"params\":{\"token\":\""
                    + TOKEN
                    + "\"},\"action\":\"undo\"}"))
        .isEqualTo("action");
    assertThat(registry.userIdOf(TOKEN)).as("nothing applied").isEmpty();
  }

  private String refusal(String state, Map<String, ?> params) {
    return catchThrowableOfType(
            InvalidStateChange.class, () -> states.apply(state, params, Action.SETUP))
        .field();
  }

  private String bodyRefusal(String body) {
    return catchThrowableOfType(InvalidStateChange.class, () -> states.apply(json(body))).field();
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
