package org.openbitgo.accesstoken.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openbitgo.accesstoken.client.Fixtures.CALLER_TOKEN;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openbitgo.accesstoken.contract.SpecExamples;

/** What the builder refuses up front, before any request is made. */
class AccessTokenClientBuilderTest {

  @ParameterizedTest(name = "token [{0}] is refused")
  @NullSource
  @ValueSource(strings = {"", " ", "\t\n"})
  void refusesABlankToken(String token) {
    assertThatThrownBy(
            () ->
                AccessTokenClient.builder()
                    .environment(BitGoEnvironment.TEST)
                    .accessToken(token)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("accessToken must not be blank");
  }

  @Test
  void refusesATokenThatWouldCorruptTheHeaderWithoutEchoingIt() {
    String injected = CALLER_TOKEN + "\r\nX-Evil: 1";
    assertThatThrownBy(
            () ->
                AccessTokenClient.builder()
                    .environment(BitGoEnvironment.TEST)
                    .accessToken(injected)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain(CALLER_TOKEN);
  }

  @Test
  void requiresAnEnvironmentOrBaseUrl() {
    assertThatThrownBy(() -> AccessTokenClient.builder().accessToken(CALLER_TOKEN).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("environment");
  }

  @Test
  void environmentsAreTheSpecsServers() {
    // the spec lists the test server first, then production (each described as such)
    JsonNode servers = SpecExamples.spec().path("servers");
    assertThat(servers.path(0).path("description").asText()).startsWith("Test");
    assertThat(servers.path(1).path("description").asText()).startsWith("Production");
    assertThat(BitGoEnvironment.TEST.baseUrl())
        .isEqualTo(URI.create(servers.path(0).path("url").asText()));
    assertThat(BitGoEnvironment.PRODUCTION.baseUrl())
        .isEqualTo(URI.create(servers.path(1).path("url").asText()));
  }

  @Test
  void theBuilderUsesTheChosenEnvironment() {
    assertThat(
            AccessTokenClient.builder()
                .environment(BitGoEnvironment.PRODUCTION)
                .accessToken(CALLER_TOKEN)
                .build()
                .toString())
        .contains("baseUrl=https://app.bitgo.com,");
  }

  @Test
  void refusesPlainHttpToANonLoopbackHostUnlessAllowed() {
    assertThatThrownBy(
            () ->
                AccessTokenClient.builder()
                    .baseUrl("http://stub.internal:8080")
                    .accessToken(CALLER_TOKEN)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain http");

    assertThat(
            AccessTokenClient.builder()
                .baseUrl("http://stub.internal:8080/")
                .allowPlainHttp(true)
                .accessToken(CALLER_TOKEN)
                .build()
                .toString())
        .contains("baseUrl=http://stub.internal:8080,");
    assertThat(
            AccessTokenClient.builder()
                .baseUrl("http://localhost:8080")
                .accessToken(CALLER_TOKEN)
                .build()
                .toString())
        .as("plain http to loopback needs no opt-in")
        .contains("baseUrl=http://localhost:8080");
  }

  @Test
  void refusesUnusableSettings() {
    AccessTokenClient.Builder builder = AccessTokenClient.builder();
    assertThatThrownBy(() -> builder.maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.readTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.connectTimeout(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max backoff PT1S is shorter than the initial backoff PT2S");
    assertThatThrownBy(() -> builder.backoff(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> builder.baseUrl("ftp://app.bitgo.com").accessToken(CALLER_TOKEN).build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
