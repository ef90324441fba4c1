package org.openbitgo.accesstoken.stub.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openbitgo.accesstoken.probes.InvalidBodies;
import org.openbitgo.accesstoken.server.generated.model.CreateAccessTokenRequest;
import org.openbitgo.accesstoken.stub.StubServerConfig;

/**
 * {@link ConstraintPrecheck} and Hibernate Validator agree on every request the generated bodies
 * can be read into: the precheck calls a request valid exactly when Hibernate Validator finds no
 * violation, so skipping Hibernate Validator for those requests changes no answer.
 */
class ConstraintPrecheckTest {

  private static final String SEED_PROPERTY = "stub.invalidBodies.seed";

  private final Validator validator = ContractValidation.newValidator();
  private final ConstraintPrecheck precheck = new ConstraintPrecheck(validator);
  private final ObjectMapper mapper =
      StrictContractJson.newMapper(StubServerConfig.DEFAULT_MAX_REQUEST_BODY_BYTES);

  @Test
  void agreesWithHibernateValidatorOnGeneratedAndValidBodies() throws IOException {
    long seed = Long.getLong(SEED_PROPERTY, new SecureRandom().nextLong());
    InvalidBodies bodies = new InvalidBodies(seed);
    int compared = 0;
    int valid = 0;
    for (int i = 0; i < 2_000; i++) {
      byte[] body =
          i == 0
              ? InvalidBodies.VALID_BODY.getBytes(java.nio.charset.StandardCharsets.UTF_8)
              : bodies.next().body();
      CreateAccessTokenRequest request;
      try {
        request = mapper.readValue(body, CreateAccessTokenRequest.class);
      } catch (IOException e) {
        continue; // refused before validation: nothing to compare
      }
      if (request == null) {
        continue;
      }
      boolean hibernateValid = validator.validate(request).isEmpty();
      assertThat(precheck.certainlyValid(request))
          .as(
              "seed %d (-D%s), body %s",
              seed, SEED_PROPERTY, new String(body, java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(hibernateValid);
      compared++;
      valid += hibernateValid ? 1 : 0;
    }
    // both kinds were compared: requests Bean Validation accepts and ones it refuses
    assertThat(valid).isPositive();
    assertThat(compared - valid).isGreaterThan(100);
  }

  /**
   * A pattern that is one anchored choice of plain words is matched through a set: for the spec's
   * scope pattern and for choices that only look flat, the result is the regular expression's.
   */
  @Test
  void aChoiceOfWordsMatchesExactlyAsItsRegularExpression() {
    String scopePattern =
        validator
            .getConstraintsForClass(CreateAccessTokenRequest.class)
            .getConstraintsForProperty("scope")
            .getConstrainedContainerElementTypes()
            .iterator()
            .next()
            .getConstraintDescriptors()
            .stream()
            .map(c -> (String) c.getAttributes().get("regexp"))
            .filter(java.util.Objects::nonNull)
            .findFirst()
            .orElseThrow();
    assertThat(scopePattern).startsWith("^(").contains("wallet_view_all|");
    List<String> patterns =
        List.of(
            scopePattern,
            "^(ab|c[|]d|e)$",
            "^(ab|a.|x+)$",
            "^(a|)$",
            "^(ab|(c|d))$",
            "^(a\\|b|c)$",
            "^(a|b)",
            "(a|b)$",
            "^(a|b)$",
            // groups whose prefix changes what the choices mean
            "^(?!x|bb)$",
            "^(?=x|bb)$",
            "^(?<=x|bb)$",
            "^(?>a|ab)$",
            "^(?:a|bb)$",
            // a '|' inside a character class whose bounds a simple split misreads
            "^([a]b[c|dd|e])$",
            "^([a]x[^c|dd|e])$",
            "^([a[c]|bb|d])$",
            "^([]|bb|c])$",
            "^([^]|bb|c])$",
            "^([a-z&&[^x]]|bb)$");
    List<String> inputs =
        List.of(
            "",
            "a",
            "b",
            "ab",
            "a.",
            "az",
            "xxx",
            "c|d",
            "c",
            "d",
            "cd",
            "e",
            "a|b",
            "wallet_view",
            "wallet_view_all",
            "wallet_view ",
            " wallet_view",
            "WALLET_VIEW",
            "wallet_view\n",
            "all",
            "al",
            "alll",
            "wallet_spend:" + "0".repeat(32),
            "wallet_spend:" + "0".repeat(31),
            "wallet_spend:" + "0".repeat(33),
            "wallet_:" + "a".repeat(32),
            "openid|profile",
            "bb",
            "dd",
            "axd",
            "abd",
            "x",
            "]",
            "|");
    int agreedMatches = 0;
    for (String pattern : patterns) {
      java.util.regex.Pattern regex = java.util.regex.Pattern.compile(pattern);
      var matcher = ConstraintPrecheck.matcher(pattern, 0);
      for (String input : inputs) {
        boolean expected = regex.matcher(input).matches();
        assertThat(matcher.test(input)).as("%s on \"%s\"", pattern, input).isEqualTo(expected);
        agreedMatches += expected ? 1 : 0;
      }
    }
    assertThat(agreedMatches).as("inputs that match, not only ones that do not").isGreaterThan(10);
  }

  @Test
  void refusesEachKindOfViolation() {
    assertThat(precheck.certainlyValid(new CreateAccessTokenRequest("ok"))).isTrue();
    assertThat(precheck.certainlyValid(new CreateAccessTokenRequest(""))).isFalse();
    assertThat(precheck.certainlyValid(new CreateAccessTokenRequest("ok").duration(0L))).isFalse();
    assertThat(precheck.certainlyValid(new CreateAccessTokenRequest("ok").duration(315_360_001L)))
        .isFalse();
    assertThat(
            precheck.certainlyValid(
                new CreateAccessTokenRequest("ok").ipRestrict(List.of("1.2.3.400"))))
        .isFalse();
    assertThat(
            precheck.certainlyValid(
                new CreateAccessTokenRequest("ok")
                    .spendingLimits(
                        List.of(
                            new org.openbitgo.accesstoken.server.generated.model.SpendingLimit()
                                .coin("BTC")
                                .txValueLimit(
                                    org.openbitgo.accesstoken.contract.BaseUnitAmount.ofNumber(
                                        1))))))
        .isFalse();
  }

  /**
   * maxLength: 256 is 256 code points, as JSON Schema counts; Bean Validation's own @Size counts
   * UTF-16 units.
   */
  @Test
  void bothCountAStringsLengthInCodePointsAsTheSpecDoes() {
    String emoji = "\uD83D\uDE00";
    CreateAccessTokenRequest longest = new CreateAccessTokenRequest(emoji.repeat(256));
    CreateAccessTokenRequest tooLong = new CreateAccessTokenRequest(emoji.repeat(257));

    assertThat(validator.validate(longest)).isEmpty();
    assertThat(precheck.certainlyValid(longest)).isTrue();
    assertThat(validator.validate(tooLong))
        .extracting(v -> v.getPropertyPath().toString())
        .containsExactly("label");
    assertThat(precheck.certainlyValid(tooLong)).isFalse();
  }

  @Test
  void leavesConstraintsItDoesNotKnowToHibernateValidator() {
    assertThat(precheck.certainlyValid(new WithAnEmail())).isFalse();
  }

  /** A bean with a constraint the precheck does not evaluate. */
  static final class WithAnEmail {
    @Email
    public String getAddress() {
      return "a@example.com";
    }
  }
}
