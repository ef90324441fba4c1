package org.openbitgo.accesstoken.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbitgo.accesstoken.client.Fixtures.CALLER_TOKEN;
import static org.openbitgo.accesstoken.client.Fixtures.CREATED_JSON;

import feign.Logger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openbitgo.accesstoken.client.generated.model.AccessToken;
import org.openbitgo.accesstoken.client.generated.model.CreateAccessTokenRequest;
import org.openbitgo.accesstoken.client.generated.model.SpendingLimit;
import org.openbitgo.accesstoken.contract.BaseUnitAmount;

/** The README's usage example, kept compiling and working (base URL instead of an environment). */
class ReadmeExampleTest {

  @Test
  void theReadmeExampleCreatesATokenAndHandlesTheTypedError() throws Exception {
    try (StubHttpServer server = StubHttpServer.start()) {
      server
          .reply(200, CREATED_JSON, "Content-Type", "application/json")
          .reply(400, Fixtures.BAD_REQUEST_JSON, "Content-Type", "application/json");
      List<String> outcomes = new ArrayList<>();

      // --- as in the README ---
      AccessTokenClient client =
          AccessTokenClient.builder()
              .baseUrl(server.baseUrl()) // README: .environment(BitGoEnvironment.TEST)
              .accessToken(CALLER_TOKEN) // README: System.getenv("BITGO_ACCESS_TOKEN")
              .connectTimeout(Duration.ofSeconds(5))
              .readTimeout(Duration.ofSeconds(20))
              .callTimeout(Duration.ofSeconds(45))
              .logLevel(Logger.Level.BASIC)
              .build();

      CreateAccessTokenRequest request =
          new CreateAccessTokenRequest()
              .label("treasury-bot")
              .scope(List.of("wallet_view_all", "wallet_spend:59cd72485007a239fb00282ed480da1f"))
              .duration(30L * 24 * 3600)
              .ipRestrict(List.of("203.0.113.7"))
              .spendingLimits(
                  List.of(
                      new SpendingLimit()
                          .coin("btc")
                          .txValueLimit(BaseUnitAmount.ofString("100000000"))));

      for (int i = 0; i < 2; i++) {
        try {
          AccessToken created = client.createAccessToken(request);
          outcomes.add("created " + created.getId());
        } catch (BitGoApiException e) {
          outcomes.add(e.status() + " " + e.name() + " " + e.requestId() + " " + e.context());
        } catch (BitGoTransportException e) {
          outcomes.add("transport, may have been sent: " + e.requestMayHaveBeenSent());
        }
      }
      // --- end ---

      assertThat(outcomes)
          .containsExactly(
              "created 59cd72485007a239fb00282ed480da1f",
              "400 InvalidRequest 6f1c2a9e4b7d8c03 {field=ipRestrict[0]}");
      assertThat(server.received().get(0).bodyText())
          .contains("\"ipRestrict\":[\"203.0.113.7\"]")
          .contains("\"spendingLimits\":[{\"coin\":\"btc\",\"txValueLimit\":\"100000000\"}]");
    }
  }
}
