package org.openbitgo.accesstoken.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code Scope} is one string type (no oneOf) so that generators which choose a oneOf branch
 * without checking pattern or enum (Go, Python) read every value one way. Its pattern repeats the
 * {@code NamedScope} names and the {@code WalletBoundScope} form: these tests keep the copies equal.
 */
class ScopeIsOneStringTest {

  private static final JsonNode SCHEMAS = SpecExamples.spec().at("/components/schemas");

  @Test
  void scopeIsASingleStringTypeWithoutComposition() {
    JsonNode scope = SCHEMAS.path("Scope");
    assertThat(scope.path("type").asText()).isEqualTo("string");
    assertThat(scope.has("oneOf") || scope.has("anyOf") || scope.has("allOf")).isFalse();
  }

  @Test
  void scopePatternAdmitsExactlyTheNamedScopesAndTheWalletBoundForm() {
    List<String> alternatives = alternatives(SCHEMAS.at("/Scope/pattern").asText());
    List<String> expected = new ArrayList<>();
    SCHEMAS.at("/NamedScope/enum").forEach(name -> expected.add(name.asText()));
    String walletBound = SCHEMAS.at("/WalletBoundScope/pattern").asText();
    expected.add(walletBound.substring(1, walletBound.length() - 1));
    assertThat(alternatives).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void everyNamedScopeAndAWalletBoundScopeMatchAndOthersDoNot() {
    Pattern scope = Pattern.compile(SCHEMAS.at("/Scope/pattern").asText());
    SCHEMAS.at("/NamedScope/enum").forEach(name -> assertThat(scope.matcher(name.asText()).matches()).isTrue());
    assertThat(scope.matcher("wallet_spend:59cd72485007a239fb00282ed480da1f").matches()).isTrue();
    assertThat(scope.matcher("wallet_spend:59CD").matches()).isFalse();
    assertThat(scope.matcher("wallet_view_all_x").matches()).isFalse();
    assertThat(scope.matcher("openid:59cd72485007a239fb00282ed480da1f").matches()).isFalse();
  }

  @Test
  void detectsANamedScopeMissingFromThePattern() {
    String pattern = SCHEMAS.at("/Scope/pattern").asText().replace("|all|", "|");
    assertThat(alternatives(pattern)).doesNotContain("all");
  }

  /** The top-level alternatives of {@code ^(a|b|...)$}. */
  static List<String> alternatives(String pattern) {
    assertThat(pattern).startsWith("^(").endsWith(")$");
    return List.of(pattern.substring(2, pattern.length() - 2).split("\\|"));
  }
}
