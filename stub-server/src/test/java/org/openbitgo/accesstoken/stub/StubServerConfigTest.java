package org.openbitgo.accesstoken.stub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A config that exists is valid, whether the builder or the record's constructor made it. */
class StubServerConfigTest {

  private static final String TOKEN = "config-test-token-7d1e0b";

  @Test
  void theBuilderRefusesABadValueAtTheSetterThatGotIt() {
    StubServerConfig.Builder builder = StubServerConfig.builder();
    assertThatThrownBy(() -> builder.port(65_536))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port must be 0 to 65535, got 65536");
    assertThatThrownBy(() -> builder.maxRequestBodyBytes(0))
        .hasMessage("maxRequestBodyBytes must be at least 1, got 0");
    assertThatThrownBy(() -> builder.maxStoredTokens(0))
        .hasMessage("maxStoredTokens must be at least 1, got 0");
    assertThatThrownBy(() -> builder.rateLimitPerMinute(-1))
        .hasMessage("rateLimitPerMinute must be at least 0, got -1");
    assertThatThrownBy(() -> builder.requestDeadline(Duration.ZERO))
        .hasMessage("requestDeadline must be positive, got PT0S");
    assertThatThrownBy(() -> builder.acceptedToken("not a token"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("not a token");
    assertThatThrownBy(() -> builder.host(null)).hasMessage("host");
  }

  @Test
  void theRecordConstructorAppliesTheSameChecks() {
    assertThatThrownBy(() -> config(-1, List.of(TOKEN), 1, Duration.ofSeconds(1)))
        .hasMessage("port must be 0 to 65535, got -1");
    assertThatThrownBy(() -> config(0, List.of(TOKEN), 0, Duration.ofSeconds(1)))
        .hasMessage("maxStoredTokens must be at least 1, got 0");
    assertThatThrownBy(() -> config(0, List.of(TOKEN), 1, Duration.ofSeconds(-1)))
        .hasMessage("requestDeadline must be positive, got PT-1S");
    assertThatThrownBy(() -> config(0, List.of("bad token"), 1, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("bad token");
  }

  @Test
  void theAcceptedTokensAreACopyTheCallerCannotChange() {
    List<String> tokens = new ArrayList<>(List.of(TOKEN));
    StubServerConfig config = config(0, tokens, 1, Duration.ofSeconds(1));
    tokens.add("added-later");
    assertThat(config.acceptedTokens()).containsExactly(TOKEN);
    assertThatThrownBy(() -> config.acceptedTokens().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void toStringShowsTheSettingsButNoToken() {
    StubServerConfig config =
        StubServerConfig.builder().port(0).acceptedToken(TOKEN).rateLimitPerMinute(5).build();
    assertThat(config.toString())
        .contains("127.0.0.1:0", "1 accepted token(s) hidden", "rateLimitPerMinute=5")
        .doesNotContain(TOKEN);
  }

  private static StubServerConfig config(
      int port, List<String> tokens, int maxStoredTokens, Duration requestDeadline) {
    return new StubServerConfig(
        "127.0.0.1",
        port,
        StubEnvironment.TEST,
        tokens,
        StubServerConfig.DEFAULT_MAX_REQUEST_BODY_BYTES,
        maxStoredTokens,
        0,
        Clock.systemUTC(),
        false,
        requestDeadline);
  }
}
