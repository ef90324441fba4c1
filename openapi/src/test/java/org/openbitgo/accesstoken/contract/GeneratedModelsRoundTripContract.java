package org.openbitgo.accesstoken.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The round trip every generated model set must pass, shared by the client's and the server stubs'
 * tests: each extends this class and names its own generated types. The payloads are the spec's own
 * examples, which together hold every documented field.
 *
 * @param <R> the generated request model
 * @param <T> the generated access-token (200) model
 */
public abstract class GeneratedModelsRoundTripContract<R, T> {

  protected abstract Class<R> requestModel();

  protected abstract Class<T> tokenModel();

  protected abstract Class<?> errorModel();

  /** A request with only its label set. */
  protected abstract R requestWithLabel(String label);

  /** An unlock spending limit with the given amounts, through the generated setters. */
  protected abstract Object unlockSpendingLimit(
      BaseUnitAmount txValue, BaseUnitAmount txValueLimit);

  /** A token with the given id and secret, through the generated setters. */
  protected abstract T tokenWithSecret(String id, String secret);

  /** The second spending limit's amount of a request, through the generated getters. */
  protected abstract BaseUnitAmount secondSpendingLimit(R request);

  /** The {@code eth} unlock limit of a token, through the generated getters. */
  protected abstract BaseUnitAmount ethUnlockLimit(T token);

  @Test
  void fullRequestSurvivesWithEveryField() {
    R request = RoundTrip.assertLossless(SpecExamples.requestExample("full"), requestModel());

    BaseUnitAmount amount = secondSpendingLimit(request);
    assertThat(amount.isWrittenAsString()).isTrue();
    assertThat(amount.toBigInteger()).isEqualTo(new BigInteger("123456789012345678901234567890"));
  }

  @Test
  void minimalRequestSurvives() {
    RoundTrip.assertLossless(SpecExamples.requestExample("minimal"), requestModel());
  }

  @Test
  void createdTokenSurvivesWithEveryFieldAndTimestamp() {
    T token =
        RoundTrip.assertLossless(SpecExamples.responseExample("200", "created"), tokenModel());

    assertThat(ethUnlockLimit(token))
        .isEqualTo(BaseUnitAmount.ofString("123456789012345678901234567890"));
  }

  @Test
  void everyErrorExampleSurvives() {
    RoundTrip.assertLossless(
        SpecExamples.responseExample("400", "invalidIpRestrict"), errorModel());
    RoundTrip.assertLossless(SpecExamples.responseExample("401", "unauthorized"), errorModel());
    RoundTrip.assertLossless(SpecExamples.responseExample("429", "tooManyRequests"), errorModel());
  }

  @Test
  void unsetOptionalFieldsAreLeftOut() {
    assertThat(RoundTrip.write(requestWithLabel("ci"))).isEqualTo("{\"label\":\"ci\"}");
  }

  @Test
  void amountsAreWrittenPlainly() {
    Object limit =
        unlockSpendingLimit(
            BaseUnitAmount.ofNumber(100_000_000L),
            BaseUnitAmount.ofNumber(new BigInteger("123456789012345678901234567890")));

    assertThat(RoundTrip.write(limit))
        .isEqualTo("{\"txValue\":100000000,\"txValueLimit\":123456789012345678901234567890}");
  }

  @Test
  void toStringNeverShowsTheTokenSecret() {
    T token = tokenWithSecret("59cd72485007a239fb00282ed480da1f", "v2xsecret-value");

    assertThat(token.toString()).doesNotContain("v2xsecret-value").contains("[REDACTED]");
  }
}
