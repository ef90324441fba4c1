package org.openbitgo.accesstoken.client.generated;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import org.openbitgo.accesstoken.client.generated.model.AccessToken;
import org.openbitgo.accesstoken.client.generated.model.CreateAccessTokenRequest;
import org.openbitgo.accesstoken.client.generated.model.PlatformError;
import org.openbitgo.accesstoken.client.generated.model.UnlockSpendingLimit;
import org.openbitgo.accesstoken.contract.BaseUnitAmount;
import org.openbitgo.accesstoken.contract.RoundTrip;
import org.openbitgo.accesstoken.contract.SpecExamples;
import org.junit.jupiter.api.Test;

/** The generated Feign models carry every documented field of the spec's examples unchanged. */
class GeneratedModelRoundTripTest {

  @Test
  void fullRequestSurvivesWithEveryField() {
    CreateAccessTokenRequest request =
        RoundTrip.assertLossless(SpecExamples.requestExample("full"), CreateAccessTokenRequest.class);

    assertThat(request.getScope()).contains("wallet_spend:59cd72485007a239fb00282ed480da1f");
    assertThat(request.getSpendingLimits().get(0).getTxValueLimit())
        .isEqualTo(BaseUnitAmount.ofNumber(100_000_000L));
    assertThat(request.getSpendingLimits().get(1).getTxValueLimit().toBigInteger())
        .isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(request.getSpendingLimits().get(1).getTxValueLimit().isWrittenAsString()).isTrue();
    assertThat(request.getAllErc20TokensLimit().getEnabled()).isTrue();
  }

  @Test
  void createdTokenSurvivesWithEveryFieldAndTimestamp() {
    AccessToken token =
        RoundTrip.assertLossless(SpecExamples.responseExample("200", "created"), AccessToken.class);

    assertThat(token.getCreated()).isEqualTo(OffsetDateTime.parse("2026-11-27T10:15:30Z"));
    assertThat(token.getExpires()).isEqualTo(OffsetDateTime.parse("2026-12-27T10:15:30Z"));
    assertThat(token.getUnlock().getTime()).isEqualTo(OffsetDateTime.parse("2026-11-27T10:15:30Z"));
    assertThat(token.getUnlock().getSpendingLimits()).containsOnlyKeys("btc", "eth");
    UnlockSpendingLimit eth = token.getUnlock().getSpendingLimits().get("eth");
    assertThat(eth.getTxValue()).isEqualByComparingTo(new BigDecimal("1500000000000000000"));
    assertThat(eth.getTxValueLimit()).isEqualTo(BaseUnitAmount.ofString("123456789012345678901234567890"));
  }

  @Test
  void errorBodiesSurvive() {
    PlatformError error =
        RoundTrip.assertLossless(
            SpecExamples.responseExample("400", "invalidIpRestrict"), PlatformError.class);

    assertThat(error.getRequestId()).isEqualTo("6f1c2a9e4b7d8c03");
    assertThat(error.getContext()).containsEntry("field", "ipRestrict[0]");
  }

  @Test
  void unsetOptionalFieldsAreLeftOut() {
    assertThat(RoundTrip.write(new CreateAccessTokenRequest().label("ci"))).isEqualTo("{\"label\":\"ci\"}");
  }

  @Test
  void amountsAreWrittenPlainly() {
    UnlockSpendingLimit limit =
        new UnlockSpendingLimit().txValue(new BigDecimal("1E+8")).txValueLimit(BaseUnitAmount.ofNumber(100_000_000L));

    assertThat(RoundTrip.write(limit)).isEqualTo("{\"txValue\":100000000,\"txValueLimit\":100000000}");
  }

  @Test
  void toStringNeverShowsTheTokenSecret() {
    AccessToken token = new AccessToken().id("59cd72485007a239fb00282ed480da1f").token("v2xsecret-value");

    assertThat(token.toString()).doesNotContain("v2xsecret-value").contains("[REDACTED]");
  }
}
