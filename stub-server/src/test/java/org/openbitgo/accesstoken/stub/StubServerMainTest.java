package org.openbitgo.accesstoken.stub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StubServerMainTest {

  @Test
  void readsEveryOption() {
    StubServerConfig config =
        StubServerMain.parse(
            List.of("--port", "9090", "--host=0.0.0.0", "--environment", "prod", "--token", "a",
                "--token=b", "--rate-limit", "5", "--max-stored-tokens", "7"));

    assertThat(config.port()).isEqualTo(9090);
    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.environment()).isEqualTo(StubEnvironment.PROD);
    assertThat(config.acceptedTokens()).containsExactly("a", "b");
    assertThat(config.rateLimitPerMinute()).isEqualTo(5);
    assertThat(config.maxStoredTokens()).isEqualTo(7);
  }

  @Test
  void defaultsToLoopbackPort8080TestEnvironmentAndNoTokens() {
    StubServerConfig config = StubServerMain.parse(List.of());

    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.environment()).isEqualTo(StubEnvironment.TEST);
    assertThat(config.acceptedTokens()).isEmpty();
  }

  @Test
  void rejectsUnknownOptionsAndBadValues() {
    assertThatThrownBy(() -> StubServerMain.parse(List.of("--verbose", "x")))
        .hasMessageContaining("unknown option");
    assertThatThrownBy(() -> StubServerMain.parse(List.of("--port", "eighty")))
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> StubServerMain.parse(List.of("--environment", "staging")))
        .hasMessageContaining("test or prod");
    assertThatThrownBy(() -> StubServerMain.parse(List.of("--token", "has space")))
        .hasMessageContaining("token68")
        .hasMessageNotContaining("has space");
    assertThatThrownBy(() -> StubServerMain.parse(List.of("--port")))
        .hasMessageContaining("needs a value");
  }

  @Test
  void printsWhereItListensAndTheGeneratedToken() {
    try (StubServer server = StubServer.start(StubServerConfig.builder().port(0).build())) {
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      StubServerMain.printBanner(new PrintStream(printed, true, StandardCharsets.UTF_8), server, true);

      assertThat(printed.toString(StandardCharsets.UTF_8))
          .contains("listening on http://127.0.0.1:" + server.port() + "/")
          .contains("Accepted bearer token (generated): " + server.initialTokens().get(0));
    }
  }
}
