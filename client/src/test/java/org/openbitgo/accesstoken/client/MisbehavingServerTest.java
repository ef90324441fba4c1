package org.openbitgo.accesstoken.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbitgo.accesstoken.client.Fixtures.CALLER_TOKEN;
import static org.openbitgo.accesstoken.client.Fixtures.CREATED_JSON;
import static org.openbitgo.accesstoken.client.Fixtures.FIXED_CLOCK;
import static org.openbitgo.accesstoken.client.Fixtures.clientFor;
import static org.openbitgo.accesstoken.client.Fixtures.createFails;
import static org.openbitgo.accesstoken.client.Fixtures.treasuryBotRequest;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openbitgo.accesstoken.client.generated.model.AccessToken;

/** Servers that break the connection, stall, or are not there: nothing unsafe is retried. */
class MisbehavingServerTest {

  @ParameterizedTest(name = "server writes [{0}] then closes")
  @ValueSource(
      strings = {
        "HTTP/1.1 200 OK\r\nContent-Ty",
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 600\r\n\r\n{\"id\":\"59cd7248"
      })
  void connectionClosedMidResponseIsAClearErrorAndNotRetried(String partialResponse)
      throws Exception {
    try (RawServer server = new RawServer(partialResponse)) {
      RecordingSleeper sleeper = new RecordingSleeper();

      BitGoTransportException e =
          createFails(
              BitGoTransportException.class, rawClientFor(server).sleeper(sleeper).maxAttempts(5));

      assertThat(e.requestMayHaveBeenSent()).isTrue();
      assertThat(e.attempts()).isEqualTo(1);
      assertThat(e.getCause()).isInstanceOf(IOException.class);
      assertThat(e.getMessage())
          .startsWith(
              "POST " + server.baseUrl() + "/api/v2/user/accesstoken failed without an HTTP answer")
          .contains("Not retried: the request may have reached BitGo");
      assertThat(server.requestsRead()).isEqualTo(1);
      assertThat(server.lastRequest()).contains("Authorization: Bearer " + CALLER_TOKEN);
      assertThat(sleeper.delays()).isEmpty();
    }
  }

  @Test
  void readTimeoutIsAClearErrorAndNotRetried() throws Exception {
    try (StubHttpServer server = StubHttpServer.start().replyNever()) {
      RecordingSleeper sleeper = new RecordingSleeper();

      BitGoTransportException e =
          createFails(
              BitGoTransportException.class,
              clientFor(server)
                  .sleeper(sleeper)
                  .readTimeout(Duration.ofMillis(200))
                  .maxAttempts(5));

      assertThat(e.getCause()).isInstanceOf(HttpTimeoutException.class);
      assertThat(e.requestMayHaveBeenSent()).isTrue();
      assertThat(e.getMessage()).contains("HttpTimeoutException").contains("Not retried");
      assertThat(server.received()).hasSize(1);
      assertThat(sleeper.delays()).isEmpty();
    }
  }

  @Test
  void connectionRefusedIsRetriedAndSucceedsOnceTheServerIsUp() throws Exception {
    int port = freePort();
    AtomicReference<StubHttpServer> lateServer = new AtomicReference<>();
    RecordingSleeper sleeper =
        new RecordingSleeper(
            call -> {
              // The server comes up while the client backs off after the refused connection.
              lateServer.set(
                  StubHttpServer.startOn(port)
                      .reply(200, CREATED_JSON, "Content-Type", "application/json"));
            });
    try {
      AccessToken token =
          AccessTokenClient.builder()
              .baseUrl("http://127.0.0.1:" + port)
              .accessToken(CALLER_TOKEN)
              .clock(FIXED_CLOCK)
              .sleeper(sleeper)
              .build()
              .createAccessToken(treasuryBotRequest());

      assertThat(token.getId()).isEqualTo("59cd72485007a239fb00282ed480da1f");
      assertThat(sleeper.delays()).hasSize(1);
      assertThat(sleeper.delays().get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
      assertThat(lateServer.get().received()).hasSize(1);
    } finally {
      if (lateServer.get() != null) {
        lateServer.get().close();
      }
    }
  }

  @Test
  void connectionRefusedEveryTimeGivesUpAfterMaxAttemptsSayingNothingWasSent() throws Exception {
    RecordingSleeper sleeper = new RecordingSleeper();

    BitGoTransportException e =
        createFails(
            BitGoTransportException.class,
            AccessTokenClient.builder()
                .baseUrl("http://127.0.0.1:" + freePort())
                .accessToken(CALLER_TOKEN)
                .sleeper(sleeper)
                .maxAttempts(3));

    assertThat(e.getCause()).isInstanceOf(ConnectException.class);
    assertThat(e.requestMayHaveBeenSent()).isFalse();
    assertThat(e.attempts()).isEqualTo(3);
    assertThat(e.getMessage())
        .contains("failed before the request was sent")
        .contains("after 3 attempt(s)");
    assertThat(sleeper.delays()).hasSize(2);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static AccessTokenClient.Builder rawClientFor(RawServer server) {
    return AccessTokenClient.builder()
        .baseUrl(server.baseUrl())
        .accessToken(CALLER_TOKEN)
        .clock(FIXED_CLOCK);
  }
}
