package org.openbitgo.accesstoken.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.openbitgo.accesstoken.client.Fixtures.CALLER_TOKEN;
import static org.openbitgo.accesstoken.client.Fixtures.CREATED_JSON;
import static org.openbitgo.accesstoken.client.Fixtures.FIXED_CLOCK;
import static org.openbitgo.accesstoken.client.Fixtures.clientFor;
import static org.openbitgo.accesstoken.client.Fixtures.treasuryBotRequest;

import feign.Logger;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Peers that answer in ways meant to make the client leak a secret, throw something untyped, or
 * hang (issue 12). Every attack runs over real sockets with FULL logging captured: the secrets
 * appear in no exception, message, cause or log line, in any encoding.
 */
@ResourceLock(CapturedLogs.ROOT_LOGGER)
class HostilePeerTest {

  private static final String OTP = "8675309";

  @ParameterizedTest(name = "X-Request-Id: token {0}")
  @EnumSource(SecretEncodings.class)
  void aTokenEchoedInTheRequestIdHeaderOfANonJsonErrorIsRedacted(SecretEncodings encoding)
      throws Exception {
    try (StubHttpServer server =
        StubHttpServer.start()
            .reply(
                502,
                "<html>Bad gateway</html>",
                "Content-Type",
                "text/html",
                "X-Request-Id",
                encoding.encode(CALLER_TOKEN))) {
      Attack attack = attack(clientFor(server));

      BitGoApiException e = attack.failure(BitGoApiException.class);
      assertThat(e.status()).isEqualTo(502);
      assertThat(e.requestId()).contains(SecretRedactor.REDACTED);
      assertThat(e.getMessage()).endsWith("(requestId: " + e.requestId() + ")");
      attack.assertNoSecretAnywhere(e.requestId());
    }
  }

  @ParameterizedTest(name = "status line: token {0}")
  @EnumSource(SecretEncodings.class)
  void aTokenEchoedInAnInvalidStatusLineIsRedacted(SecretEncodings encoding) throws Exception {
    try (RawServer server =
        new RawServer(
            "HTTP/1.1 " + encoding.encode(CALLER_TOKEN) + "\r\nContent-Length: 0\r\n\r\n")) {
      Attack attack = attack(rawClientFor(server));

      BitGoTransportException e = attack.failure(BitGoTransportException.class);
      assertThat(e.requestMayHaveBeenSent()).isTrue();
      assertThat(e.getCause()).isInstanceOf(java.io.IOException.class);
      attack.assertNoSecretAnywhere();
    }
  }

  @ParameterizedTest(name = "context key: token {0}")
  @EnumSource(
      value = SecretEncodings.class,
      names = {"RAW", "JSON_UNICODE_ESCAPED", "JSON_UNICODE_MIXED", "PERCENT_ENCODED", "BASE64"})
  void aTokenUsedAsAContextKeyIsRedacted(SecretEncodings encoding) throws Exception {
    String body =
        "{\"name\":\"InvalidRequest\",\"error\":\"bad\",\"requestId\":\"r-key\",\"context\":{\""
            + encoding.encode(CALLER_TOKEN)
            + "\":{\"nested\":\""
            + encoding.encode(CALLER_TOKEN)
            + "\"}}}";
    try (StubHttpServer server =
        StubHttpServer.start().reply(400, body, "Content-Type", "application/json")) {
      Attack attack = attack(clientFor(server));

      BitGoApiException e = attack.failure(BitGoApiException.class);
      assertThat(e.requestId()).isEqualTo("r-key");
      assertThat(e.context()).containsOnlyKeys(SecretRedactor.REDACTED);
      attack.assertNoSecretAnywhere(e.context().toString(), e.responseBody());
    }
  }

  /** Base64 of a 7-digit otp is too short to recognise without redacting ordinary text. */
  @ParameterizedTest(name = "otp {0} in the error body")
  @EnumSource(
      value = SecretEncodings.class,
      names = {"RAW", "JSON_UNICODE_ESCAPED", "JSON_UNICODE_MIXED", "PERCENT_ENCODED"})
  void anOtpEchoedInsideAJsonStringOfAnErrorBodyIsRedacted(SecretEncodings encoding)
      throws Exception {
    String echoed = encoding.encode(OTP);
    String body =
        "{\"name\":\"InvalidOtp\",\"error\":\"otp "
            + echoed
            + " is wrong\",\"requestId\":\"r-otp\","
            + "\"context\":{\"hint\":\"you sent "
            + echoed
            + "\"}}";
    try (StubHttpServer server =
        StubHttpServer.start()
            .reply(401, body, "Content-Type", "application/json", "X-Request-Id", echoed)) {
      Attack attack = attack(clientFor(server), treasuryBotRequestWithOtp());

      BitGoApiException e = attack.failure(BitGoApiException.class);
      assertThat(e.status()).isEqualTo(401);
      assertThat(e.error()).startsWith("otp ").endsWith(" is wrong");
      assertThat(attack.logs()).contains("\"otp\":\"[REDACTED]\"");
      attack.assertNoSecretAnywhere(e.error(), e.responseBody(), e.context().toString());
    }
  }

  @ParameterizedTest(name = "Content-Length: {0}")
  @ValueSource(strings = {CALLER_TOKEN, "12abc", "-5", "99999999999999999999", "1, 2"})
  void aContentLengthThatIsNotANumberIsATypedErrorWithoutTheValue(String contentLength)
      throws Exception {
    try (RawServer server =
        new RawServer(
            "HTTP/1.1 400 Bad Request\r\nContent-Length: " + contentLength + "\r\n\r\n{}")) {
      Attack attack = attack(rawClientFor(server));

      BitGoTransportException e = attack.failure(BitGoTransportException.class);
      assertThat(e.requestMayHaveBeenSent()).isTrue();
      attack.assertNoSecretAnywhere();
    }
  }

  @ParameterizedTest(name = "Retry-After: {0}")
  @ValueSource(strings = {"99999999999999999999", "9223372036854775808", "31"})
  void aRetryAfterBeyondMaxBackoffIsThrownAtOnceHoweverLarge(String retryAfter) throws Exception {
    try (StubHttpServer server =
        StubHttpServer.start()
            .reply(
                429, "{\"error\":\"slow down\",\"requestId\":\"r-429\"}", "Retry-After", retryAfter)
            .reply(200, CREATED_JSON, "Content-Type", "application/json")) {
      RecordingSleeper sleeper = new RecordingSleeper();
      Attack attack =
          attack(
              clientFor(server)
                  .sleeper(sleeper)
                  .backoff(Duration.ofMillis(500), Duration.ofSeconds(30)));

      BitGoApiException e = attack.failure(BitGoApiException.class);
      assertThat(e.isRateLimited()).isTrue();
      assertThat(e.retryAfter())
          .hasValueSatisfying(wait -> assertThat(wait).isGreaterThan(Duration.ofSeconds(30)));
      assertThat(sleeper.delays()).isEmpty();
      assertThat(server.received()).hasSize(1);
    }
  }

  private static final String NEVER_ENDING_HEADER = "X-Slow: ";

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "hold:Content-Length: 600",
        "trickle:Transfer-Encoding: chunked",
        "trickle:Content-Length: 600",
        "hold:Content-Encoding: gzip\r\nContent-Length: 600",
        // a header line that never ends: each byte comes well within the read timeout
        "trickle:" + NEVER_ENDING_HEADER
      })
  void anAnswerThatStallsOrTricklesCannotOutliveTheCallDeadline(String script) throws Exception {
    RawServer.Then then =
        script.startsWith("hold:") ? RawServer.Then.HOLD_OPEN : RawServer.Then.TRICKLE;
    String head = script.substring(script.indexOf(':') + 1);
    String body = head.contains("chunked") ? "400\r\n{\"id\":" : "{\"id\":";
    String rest = head.equals(NEVER_ENDING_HEADER) ? head : head + "\r\n\r\n" + body;
    try (RawServer server =
        new RawServer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + rest, then)) {
      AccessTokenClient.Builder builder =
          rawClientFor(server)
              .readTimeout(Duration.ofSeconds(5))
              .callTimeout(Duration.ofMillis(500));

      // Generous bound: it only keeps a regression from hanging the build for the server's 60 s.
      Attack attack = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> attack(builder));

      BitGoTransportException e = attack.failure(BitGoTransportException.class);
      assertThat(e.getCause()).isInstanceOf(HttpTimeoutException.class);
      assertThat(e.getMessage()).contains("call deadline of 500 ms");
      assertThat(e.requestMayHaveBeenSent()).isTrue();
      assertThat(server.clientHungUpWithin(10))
          .as("the client closes the stalled connection")
          .isTrue();
      attack.assertNoSecretAnywhere();
    }
  }

  @ParameterizedTest(name = "{0}, then nothing")
  @ValueSource(strings = {"Content-Length: 600", "Transfer-Encoding: chunked"})
  void aBodyThatStallsEndsAtTheReadTimeoutLongBeforeTheCallDeadline(String framing)
      throws Exception {
    String body = framing.contains("chunked") ? "400\r\n{\"id\":" : "{\"id\":";
    try (RawServer server =
        new RawServer(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + framing + "\r\n\r\n" + body,
            RawServer.Then.HOLD_OPEN)) {
      AccessTokenClient.Builder builder =
          rawClientFor(server)
              .readTimeout(Duration.ofMillis(300))
              .callTimeout(Duration.ofSeconds(20));

      // Generous bound: it only keeps a regression from hanging the build for the 20 s deadline.
      Attack attack = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> attack(builder));

      BitGoTransportException e = attack.failure(BitGoTransportException.class);
      assertThat(e.getCause()).isInstanceOf(HttpTimeoutException.class);
      assertThat(e.getMessage())
          .contains("read timeout of 300 ms passed without a byte of the body")
          .doesNotContain("call deadline");
      assertThat(e.requestMayHaveBeenSent()).isTrue();
      assertThat(e.attempts()).as("the request was sent: not retried").isEqualTo(1);
      assertThat(server.clientHungUpWithin(10))
          .as("the client closes the stalled connection")
          .isTrue();
      attack.assertNoSecretAnywhere();
    }
  }

  @Test
  void aSlowButSteadyBodyLongerThanTheReadTimeoutButWithinTheCallDeadlineSucceeds()
      throws Exception {
    byte[] body = CREATED_JSON.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    // 8 pieces, 200 ms apart: about 1.6 s in all, each gap a fifth of the read timeout
    try (RawServer server =
        RawServer.paced(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length
                + "\r\n\r\n",
            CREATED_JSON,
            8,
            200)) {
      AccessTokenClient client =
          rawClientFor(server)
              .readTimeout(Duration.ofSeconds(1))
              .callTimeout(Duration.ofSeconds(20))
              .build();

      assertThat(client.createAccessToken(treasuryBotRequest()).getId())
          .isEqualTo("59cd72485007a239fb00282ed480da1f");
    }
  }

  /** Which limit ends an attempt whose connect hangs; each is far shorter than the other two. */
  enum ShortLimit {
    CALL_DEADLINE("call deadline of 500 ms passed before the request body was sent", 1),
    // a read timeout shorter than the connect timeout bounds the connect too, as a connect timeout
    READ_TIMEOUT("HTTP connect timed out", 2),
    CONNECT_TIMEOUT("HTTP connect timed out", 2);

    final String message;
    final int attempts;

    ShortLimit(String message, int attempts) {
      this.message = message;
      this.attempts = attempts;
    }

    AccessTokenClient.Builder applyTo(AccessTokenClient.Builder builder) {
      Duration tooLong = Duration.ofSeconds(20);
      return builder
          .connectTimeout(this == CONNECT_TIMEOUT ? Duration.ofMillis(300) : tooLong)
          .readTimeout(this == READ_TIMEOUT ? Duration.ofMillis(300) : tooLong)
          .callTimeout(this == CALL_DEADLINE ? Duration.ofMillis(500) : tooLong);
    }
  }

  @ParameterizedTest(name = "ended by the {0}")
  @EnumSource(ShortLimit.class)
  void aConnectThatHangsEndsAtTheFirstLimitAndCountsAsNotSent(ShortLimit limit) throws Exception {
    assumeTrue(
        System.getProperty("os.name").startsWith("Linux"),
        "relies on Linux dropping SYNs to a full accept queue (Windows answers with a reset)");
    // A listener that never accepts, its accept queue filled: Linux then drops every new SYN, so
    // the client's connect hangs as it would towards a black-holed address.
    try (ServerSocket neverAccepts = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<Socket> queued = new ArrayList<>();
      try {
        while (queued.size() < 16) {
          Socket filler = new Socket();
          queued.add(filler);
          try {
            filler.connect(neverAccepts.getLocalSocketAddress(), 200);
          } catch (SocketTimeoutException queueIsFull) {
            break;
          }
        }
        assertThat(queued).as("the accept queue fills up").hasSizeLessThan(16);
        AccessTokenClient.Builder builder =
            limit.applyTo(
                AccessTokenClient.builder()
                    .baseUrl("http://127.0.0.1:" + neverAccepts.getLocalPort())
                    .accessToken(CALLER_TOKEN)
                    .sleeper(new RecordingSleeper())
                    .maxAttempts(2));

        // Generous bound: it only keeps a regression from hanging the build for the 20 s limits.
        Attack attack = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> attack(builder));

        BitGoTransportException e = attack.failure(BitGoTransportException.class);
        assertThat(e.getCause()).isInstanceOf(HttpConnectTimeoutException.class);
        assertThat(e.getMessage()).contains(limit.message);
        assertThat(e.requestMayHaveBeenSent())
            .as("no connection was made, so BitGo cannot have created a token")
            .isFalse();
        assertThat(e.attempts())
            .as("retried while the call deadline allows, since nothing was sent")
            .isEqualTo(limit.attempts);
        attack.assertNoSecretAnywhere();
      } finally {
        for (Socket socket : queued) {
          socket.close();
        }
      }
    }
  }

  @Test
  void theCallDeadlineSpansRetriesAndIsNeverSleptPast() throws Exception {
    try (StubHttpServer server = StubHttpServer.start()) {
      for (int i = 0; i < 5; i++) {
        server.reply(
            429, "{\"error\":\"slow down\",\"requestId\":\"r-" + i + "\"}", "Retry-After", "2");
      }
      AtomicLong nanos = new AtomicLong();
      RecordingSleeper sleeper = new RecordingSleeper();
      AccessTokenClient.Builder builder =
          clientFor(server)
              .maxAttempts(5)
              .callTimeout(Duration.ofSeconds(3))
              .ticker(nanos::get)
              // the only time that passes is the time the retryer sleeps
              .sleeper(
                  delay -> {
                    sleeper.sleep(delay);
                    nanos.addAndGet(delay.toNanos());
                  });

      Attack attack = attack(builder);

      BitGoApiException e = attack.failure(BitGoApiException.class);
      assertThat(e.requestId()).isEqualTo("r-1");
      assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(2));
      assertThat(server.received()).hasSize(2);
    }
  }

  @Test
  void theCallDeadlineIsConfigurableAndMustBePositive() {
    assertThat(AccessTokenClient.builder().toString()).contains("callTimeout=PT1M");
    assertThat(AccessTokenClient.builder().callTimeout(Duration.ofSeconds(90)).toString())
        .contains("callTimeout=PT1M30S");
    assertThatThrownBy(() -> AccessTokenClient.builder().callTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("callTimeout");
  }

  private static org.openbitgo.accesstoken.client.generated.model.CreateAccessTokenRequest
      treasuryBotRequestWithOtp() {
    return treasuryBotRequest().otp(OTP);
  }

  private static AccessTokenClient.Builder rawClientFor(RawServer server) {
    return AccessTokenClient.builder()
        .baseUrl(server.baseUrl())
        .accessToken(CALLER_TOKEN)
        .clock(FIXED_CLOCK)
        .sleeper(new RecordingSleeper());
  }

  private static Attack attack(AccessTokenClient.Builder builder) {
    return attack(builder, treasuryBotRequestWithOtp());
  }

  private static Attack attack(
      AccessTokenClient.Builder builder,
      org.openbitgo.accesstoken.client.generated.model.CreateAccessTokenRequest request) {
    try (CapturedLogs logs = new CapturedLogs()) {
      AccessTokenClient client = builder.logLevel(Logger.Level.FULL).build();
      Throwable failure = catchThrowable(() -> client.createAccessToken(request));
      return new Attack(failure, logs.text());
    }
  }

  /** What one call left behind: the exception it threw and every line logged meanwhile. */
  private record Attack(Throwable thrown, String logs) {

    <T extends Throwable> T failure(Class<T> type) {
      assertThat(thrown).isInstanceOf(type);
      return type.cast(thrown);
    }

    /** The message, causes, stack trace, logs and the given accessors hold neither secret. */
    void assertNoSecretAnywhere(String... accessors) {
      StringWriter trace = new StringWriter();
      thrown.printStackTrace(new PrintWriter(trace));
      String everything = thrown + "\n" + trace + "\n" + logs + "\n" + String.join("\n", accessors);
      SecretEncodings.assertHoldsNone(everything, CALLER_TOKEN, OTP);
    }
  }
}
