package org.openbitgo.accesstoken.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.openbitgo.accesstoken.client.Fixtures.CALLER_TOKEN;
import static org.openbitgo.accesstoken.client.Fixtures.clientFor;
import static org.openbitgo.accesstoken.client.Fixtures.createFails;
import static org.openbitgo.accesstoken.client.Fixtures.treasuryBotRequest;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Edge cases where a secret could slip out, or be sent where it should not go. */
class ClientHardeningTest {

  static final String SLASHED_TOKEN = "v2x/slashed0123456789abcdef0123456789abcdef0123456789";
  static final String CREATED_SECRET = "v2xcreated5555555555555555555555555555555555555555555555";

  @ParameterizedTest(name = "200 with body [{0}]")
  @ValueSource(
      strings = {
        "", // not read as null: createAccessToken returned null, without an error
        "<html><body>token " + CREATED_SECRET + "</body></html>",
        "{\"id\":\"59cd72485007a239fb00282ed480da1f\",\"token\":\""
            + CREATED_SECRET
            + "\",\"isExtensible\":",
        "{\"id\":\"59cd72485007a239fb00282ed480da1f\",\"isExtensible\":\"" + CREATED_SECRET + "\"}"
      })
  void anUnreadableSuccessIsATransportErrorWithoutAnySecret(String body) throws Exception {
    try (StubHttpServer server =
        StubHttpServer.start().reply(200, body, "Content-Type", "application/json")) {
      BitGoTransportException e =
          catchThrowableOfType(
              BitGoTransportException.class,
              () ->
                  clientFor(server).build().createAccessToken(treasuryBotRequest().otp("0000000")));

      assertThat(e.requestMayHaveBeenSent()).isTrue();
      assertThat(e.getMessage()).contains("HTTP 200").contains("could not be read");
      assertThat(everythingPrinted(e))
          .doesNotContain(CALLER_TOKEN)
          .doesNotContain(CREATED_SECRET)
          .doesNotContain("0000000");
    }
  }

  @Test
  void aTokenEchoedWithJsonEscapesIsRedactedEverywhere() throws Exception {
    String escaped = SLASHED_TOKEN.replace("/", "\\/");
    String body =
        "{\"name\":\"Unauthorized\",\"error\":\"unknown token "
            + escaped
            + "\",\"requestId\":\"r-1\","
            + "\"context\":{\"token\":\""
            + escaped
            + "\",\"seen\":[\""
            + escaped
            + "\"]}}";
    try (StubHttpServer server =
        StubHttpServer.start().reply(401, body, "Content-Type", "application/json")) {
      BitGoApiException e =
          createFails(BitGoApiException.class, clientFor(server).accessToken(SLASHED_TOKEN));

      assertThat(e.status()).isEqualTo(401);
      assertThat(e.requestId()).isEqualTo("r-1");
      assertThat(e.context().toString() + e.error() + e.responseBody() + everythingPrinted(e))
          .doesNotContain(SLASHED_TOKEN)
          .doesNotContain(escaped);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1.attacker.example:8080",
        "http://127.evil.example",
        "http://localhost.attacker.example",
        "http://10.0.0.5:8080"
      })
  void refusesPlainHttpToAnythingButLoopback(String url) {
    assertThatThrownBy(
            () -> AccessTokenClient.builder().baseUrl(url).accessToken(CALLER_TOKEN).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain http");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8080",
        "http://127.1.2.3",
        "http://localhost:9",
        "http://[::1]:8080"
      })
  void acceptsPlainHttpToLoopback(String url) {
    assertThat(
            AccessTokenClient.builder().baseUrl(url).accessToken(CALLER_TOKEN).build().toString())
        .contains("baseUrl=" + url);
  }

  @Test
  void callsAnIpv6LiteralHost() throws Exception {
    com.sun.net.httpserver.HttpServer server;
    try {
      server =
          com.sun.net.httpserver.HttpServer.create(
              new java.net.InetSocketAddress(java.net.InetAddress.getByName("::1"), 0), 0);
    } catch (java.io.IOException noIpv6) {
      org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback on this machine");
      return;
    }
    java.util.concurrent.atomic.AtomicReference<String> host =
        new java.util.concurrent.atomic.AtomicReference<>();
    server.createContext(
        "/",
        exchange -> {
          host.set(exchange.getRequestHeaders().getFirst("Host"));
          byte[] body = Fixtures.CREATED_JSON.getBytes(java.nio.charset.StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try (AccessTokenClient client =
        AccessTokenClient.builder()
            .baseUrl("http://[::1]:" + server.getAddress().getPort())
            .accessToken(CALLER_TOKEN)
            .build()) {
      assertThat(client.createAccessToken(treasuryBotRequest()).getId())
          .isEqualTo("59cd72485007a239fb00282ed480da1f");
      assertThat(host.get()).isEqualTo("[::1]:" + server.getAddress().getPort());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void refusesABaseUrlCarryingCredentialsWithoutEchoingThem() {
    assertThatThrownBy(
            () ->
                AccessTokenClient.builder()
                    .baseUrl("https://alice:hunter2secret@app.bitgo-test.com")
                    .accessToken(CALLER_TOKEN)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user info")
        .hasMessageNotContaining("hunter2secret");
  }

  @Test
  void refusesATokenTooShortToRedact() {
    assertThatThrownBy(
            () ->
                AccessTokenClient.builder()
                    .baseUrl("http://127.0.0.1:1")
                    .accessToken("abc")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("abc");
  }

  private static String everythingPrinted(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
