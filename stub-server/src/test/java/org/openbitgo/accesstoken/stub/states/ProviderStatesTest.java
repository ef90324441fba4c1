package org.openbitgo.accesstoken.stub.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openbitgo.accesstoken.stub.states.ProviderStates.Action;
import org.openbitgo.accesstoken.stub.states.ProviderStates.InvalidStateChange;
import org.openbitgo.accesstoken.stub.store.BearerTokenRegistry;

/** The provider states on their own: no HTTP, a real token registry. */
class ProviderStatesTest {

  static final String TOKEN = "v2xc0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee";

  final BearerTokenRegistry registry = new BearerTokenRegistry();
  final AtomicInteger resets = new AtomicInteger();
  final ProviderStates states = new ProviderStates(registry, resets::incrementAndGet);

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
