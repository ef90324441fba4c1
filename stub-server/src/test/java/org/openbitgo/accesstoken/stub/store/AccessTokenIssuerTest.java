package org.openbitgo.accesstoken.stub.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openbitgo.accesstoken.contract.BaseUnitAmount;
import org.openbitgo.accesstoken.server.generated.model.AccessToken;
import org.openbitgo.accesstoken.server.generated.model.AllErc20TokensLimit;
import org.openbitgo.accesstoken.server.generated.model.CreateAccessTokenRequest;
import org.openbitgo.accesstoken.server.generated.model.SpendingLimit;
import org.openbitgo.accesstoken.stub.StubServerConfig;
import org.openbitgo.accesstoken.stub.rules.StrictContractJson;

/**
 * The create's answer is written once, as the stored document with the secret spliced in: it must
 * be exactly what the generated {@code AccessToken} writes, so a regenerated model that orders its
 * fields differently fails here rather than changing the stub's answers unseen.
 */
class AccessTokenIssuerTest {

  private static final String USER = "5a84db4d6dd6c7dd07d2e3b5a7e9d9c4";

  private final InMemoryAccessTokenStore store = new InMemoryAccessTokenStore(10);
  private final AccessTokenIssuer issuer =
      new AccessTokenIssuer("test.bitgo.com", store, Clock.systemUTC());

  /** The mapper that wrote the create's answer from the model before it was spliced. */
  private final ObjectMapper mapper =
      StrictContractJson.newMapper(StubServerConfig.DEFAULT_MAX_REQUEST_BODY_BYTES);

  @Test
  void theSplicedAnswerIsByteForByteWhatTheModelWrites() throws Exception {
    CreateAccessTokenRequest full =
        new CreateAccessTokenRequest("treasury-bot")
            .scope(List.of("wallet_view_all"))
            .ipRestrict(List.of("203.0.113.7"))
            .enterprise(USER)
            .duration(60L)
            .spendingLimits(
                List.of(
                    new SpendingLimit()
                        .coin("eth")
                        .txValueLimit(BaseUnitAmount.ofString("123456789012345678901234567890"))))
            .allErc20TokensLimit(
                new AllErc20TokensLimit()
                    .enabled(true)
                    .txValueLimit(BaseUnitAmount.ofString("5000000000000000000")));

    for (CreateAccessTokenRequest request :
        List.of(full, new CreateAccessTokenRequest("minimal"))) {
      AccessTokenIssuer.IssuedToken issued = issuer.issue(request, USER, "127.0.0.1");
      AccessToken model = mapper.readValue(issued.answerJson(), AccessToken.class);

      assertThat(new String(issued.answerJson(), java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(mapper.writeValueAsString(model));
      assertThat(model.getToken()).startsWith("v2x").hasSize(67);
      assertThat(
              store.findActiveBySecret(
                  model.getToken(), AccessTokenIssuer.contractNow(Clock.systemUTC())))
          .as("the answer's secret is the one the store recognises")
          .map(StoredAccessToken::id)
          .contains(model.getId());
      assertThat(mapper.writeValueAsString(issued.stored().document()))
          .as("the store keeps no secret")
          .doesNotContain(model.getToken());
      assertThat(issued.toString()).doesNotContain(model.getToken());
      assertThat(issued.toModel().getToken()).isEqualTo(model.getToken());
    }
  }
}
