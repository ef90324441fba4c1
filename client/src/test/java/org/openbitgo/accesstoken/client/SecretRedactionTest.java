package org.openbitgo.accesstoken.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.openbitgo.accesstoken.client.Fixtures.CALLER_TOKEN;
import static org.openbitgo.accesstoken.client.Fixtures.CREATED_JSON;
import static org.openbitgo.accesstoken.client.Fixtures.ISSUED_TOKEN;
import static org.openbitgo.accesstoken.client.Fixtures.clientFor;
import static org.openbitgo.accesstoken.client.Fixtures.treasuryBotRequest;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openbitgo.accesstoken.client.generated.model.CreateAccessTokenRequest;

/** Neither the caller's token nor the issued token appears in any log line, message or toString. */
@ResourceLock(CapturedLogs.ROOT_LOGGER)
class SecretRedactionTest {

  private CapturedLogs logs;
  private StubHttpServer server;

  @BeforeEach
  void captureEveryLogLine() throws Exception {
    logs = new CapturedLogs();
    server = StubHttpServer.start();
  }

  @AfterEach
  void restore() {
    server.close();
    logs.close();
  }

  @Test
  void fullLoggingOfRetriesSuccessesAndErrorsNeverShowsASecret() {
    // 429 then 200 (the body holds the issued token), then a 400 echoing both secrets back.
    server
        .reply(429, "{\"error\":\"slow down\",\"requestId\":\"r-1\"}", "Retry-After", "0")
        .reply(
            200,
            CREATED_JSON,
            "Content-Type",
            "application/json",
            "Set-Cookie",
            "session=" + ISSUED_TOKEN)
        .reply(
            400,
            "{\"error\":\"bad bearer "
                + CALLER_TOKEN
                + "\",\"requestId\":\"r-3\",\"context\":{\"token\":\""
                + ISSUED_TOKEN
                + "\"}}",
            "Content-Type",
            "application/json");
    AccessTokenClient client = clientFor(server).logLevel(feign.Logger.Level.FULL).build();
    CreateAccessTokenRequest request = treasuryBotRequest().otp("8675309");

    assertThat(client.createAccessToken(request).getToken()).isEqualTo(ISSUED_TOKEN);
    Throwable error = catchThrowable(() -> client.createAccessToken(request));

    String log = everythingLogged();
    assertThat(log)
        .contains("---> POST " + server.baseUrl() + "/api/v2/user/accesstoken")
        .contains("<--- HTTP/1.1 429")
        .contains("---> RETRYING")
        .contains("<--- HTTP/1.1 200")
        .contains("\"id\": \"59cd72485007a239fb00282ed480da1f\"")
        .contains("\"token\": \"[REDACTED]\"")
        .contains("\"otp\":\"[REDACTED]\"")
        .contains("Authorization: [REDACTED]")
        .contains("<--- HTTP/1.1 400");
    assertThat(log)
        .doesNotContain(CALLER_TOKEN)
        .doesNotContain(ISSUED_TOKEN)
        .doesNotContain("8675309");

    assertThat(error).isInstanceOf(BitGoApiException.class);
    assertThat(describe(error)).doesNotContain(CALLER_TOKEN).doesNotContain(ISSUED_TOKEN);
    assertThat(((BitGoApiException) error).responseBody())
        .doesNotContain(CALLER_TOKEN)
        .doesNotContain(ISSUED_TOKEN);
  }

  @Test
  void transportErrorsNeverShowASecret() throws Exception {
    try (StubHttpServer stalled = StubHttpServer.start().replyNever()) {
      AccessTokenClient client =
          clientFor(stalled)
              .readTimeout(Duration.ofMillis(200))
              .logLevel(feign.Logger.Level.FULL)
              .build();

      Throwable error = catchThrowable(() -> client.createAccessToken(treasuryBotRequest()));

      assertThat(error).isInstanceOf(BitGoTransportException.class);
      assertThat(describe(error)).doesNotContain(CALLER_TOKEN);
      assertThat(everythingLogged()).contains("HttpTimeoutException").doesNotContain(CALLER_TOKEN);
    }
  }

  @Test
  void toStringOfTheClientTheBuilderAndTheApiNeverShowsTheToken() {
    AccessTokenClient.Builder builder = clientFor(server);
    AccessTokenClient client = builder.build();

    assertThat(builder.toString()).doesNotContain(CALLER_TOKEN).contains("accessToken=[REDACTED]");
    assertThat(client.toString())
        .doesNotContain(CALLER_TOKEN)
        .contains(server.baseUrl().toString());
    assertThat(client.api().toString()).doesNotContain(CALLER_TOKEN);
    assertThat(new SecretRedactor(List.of(CALLER_TOKEN)).toString()).doesNotContain(CALLER_TOKEN);
  }

  private String everythingLogged() {
    return logs.text();
  }

  private static String describe(Throwable error) {
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    return error + "\n" + error.getMessage() + "\n" + trace;
  }
}
