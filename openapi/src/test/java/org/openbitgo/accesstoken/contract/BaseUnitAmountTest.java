package org.openbitgo.accesstoken.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BaseUnitAmountTest {

  static final ObjectMapper JSON = ContractJson.newObjectMapper();
  static final String MAX = "9".repeat(BaseUnitAmount.MAX_DIGITS);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"0\"",
        "\"007\"",
        "0",
        "100000000",
        "\"123456789012345678901234567890\"",
        "123456789012345678901234567890",
        "18446744073709551617"
      })
  void keepsEveryDigitAndTheWireForm(String json) throws Exception {
    BaseUnitAmount amount = JSON.readValue(json, BaseUnitAmount.class);

    assertThat(JSON.writeValueAsString(amount)).isEqualTo(json);
  }

  @Test
  void holdsValuesBeyondTwoToTheSixtyFourExactly() throws Exception {
    BaseUnitAmount amount = JSON.readValue("18446744073709551617", BaseUnitAmount.class);

    assertThat(amount.toBigInteger()).isEqualTo(BigInteger.TWO.pow(64).add(BigInteger.ONE));
    assertThat(amount.isWrittenAsString()).isFalse();
  }

  @Test
  void acceptsSeventyEightDigitsInBothForms() throws Exception {
    assertThat(JSON.readValue(MAX, BaseUnitAmount.class).digits()).isEqualTo(MAX);
    assertThat(JSON.readValue('"' + MAX + '"', BaseUnitAmount.class).digits()).isEqualTo(MAX);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-1",
        "\"-1\"",
        "1.5",
        "100.0",
        "1e8",
        "1e400000000",
        "\"1e8\"",
        "\"\"",
        "\" 1\"",
        "true",
        "[]",
        "{}",
        "99999999999999999999999999999999999999999999999999999999999999999999999999999999"
      })
  void refusesAnythingElse(String json) {
    assertThatThrownBy(() -> JSON.readValue(json, BaseUnitAmount.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void refusesSeventyNineDigitsInBothForms() {
    assertThatThrownBy(() -> JSON.readValue(MAX + "9", BaseUnitAmount.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> JSON.readValue("\"" + MAX + "9\"", BaseUnitAmount.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> BaseUnitAmount.ofNumber(new BigInteger(MAX + "9")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
