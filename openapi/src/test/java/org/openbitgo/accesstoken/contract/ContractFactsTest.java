package org.openbitgo.accesstoken.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@link ContractFacts} reads from the spec's JSON form is what the YAML says (the conversion
 * keeps every fact), and the rules behave as the spec words them.
 */
class ContractFactsTest {

  @Test
  void scopeIsTheSpecsPattern() {
    assertThat("^" + ContractFacts.SCOPE.pattern() + "$")
        .isEqualTo(SpecExamples.spec().at("/components/schemas/Scope/pattern").asText());
  }

  @Test
  void theScopePatternAdmitsTheNamesAndTheWalletBoundFormAndNothingElse() {
    ContractFacts.NAMED_SCOPES.forEach(
        name -> assertThat(ContractFacts.SCOPE.matcher(name).matches()).isTrue());
    assertThat(
            ContractFacts.SCOPE.matcher("wallet_spend:59cd72485007a239fb00282ed480da1f").matches())
        .isTrue();
    assertThat(
            ContractFacts.SCOPE.matcher("wallet_spend:59CD72485007A239FB00282ED480DA1F").matches())
        .isFalse();
    assertThat(ContractFacts.SCOPE.matcher("wallet_view_all_x").matches()).isFalse();
    assertThat(ContractFacts.SCOPE.matcher("openid:59cd72485007a239fb00282ed480da1f").matches())
        .isFalse();
  }

  @Test
  void ipRestrictEntryIsTheSpecsPattern() {
    assertThat("^" + ContractFacts.IPV4_OR_CIDR.pattern() + "$")
        .isEqualTo(
            SpecExamples.spec()
                .at(
                    "/components/schemas/CreateAccessTokenRequest/properties/ipRestrict/items/pattern")
                .asText());
  }

  @Test
  void tokenIdIsTheSpecsPatternForRevokeAndForTheCursor() {
    for (String parameter : new String[] {"TokenId", "PrevId"}) {
      assertThat("^" + ContractFacts.TOKEN_ID.pattern() + "$")
          .isEqualTo(
              SpecExamples.spec()
                  .at("/components/parameters/" + parameter + "/schema/pattern")
                  .asText());
    }
  }

  @Test
  void theSpecIsWhereTheConstantsSayItIs() {
    assertThat(ContractFacts.class.getResource(ContractFacts.SPEC_RESOURCE)).isNotNull();
    assertThat(SpecExamples.spec().at("/paths").has(ContractFacts.OPERATION_PATH)).isTrue();
    assertThat(SpecExamples.spec().at("/components/headers").has(ContractFacts.REQUEST_ID_HEADER))
        .isTrue();
  }

  @Test
  void theContractVersionIsTheSpecsInfoVersion() {
    assertThat(ContractFacts.contractVersion())
        .isEqualTo(SpecExamples.spec().at("/info/version").asText())
        .matches("\\d+\\.\\d+\\.\\d+");
  }

  @Test
  void bearerTokensAreToken68() {
    assertThat(ContractFacts.BEARER_TOKEN68.matcher("v2x0aF-._~+/==").matches()).isTrue();
    assertThat(ContractFacts.BEARER_TOKEN68.matcher("has space").matches()).isFalse();
    assertThat(ContractFacts.BEARER_TOKEN68.matcher("a=b").matches()).isFalse();
    assertThat(ContractFacts.BEARER_TOKEN68.matcher("quote\"").matches()).isFalse();
  }

  @Test
  void theBearerTokenRuleIsTheSecuritySchemesXBearerToken() {
    JsonNode rule = SpecExamples.spec().at("/components/securitySchemes/BearerAuth/x-bearer-token");
    assertThat("^" + ContractFacts.BEARER_TOKEN68.pattern() + "$")
        .isEqualTo(rule.path("pattern").asText());
    assertThat(ContractFacts.BEARER_TOKEN_MIN_LENGTH).isEqualTo(rule.path("minLength").asInt());
    assertThat(ContractFacts.BEARER_TOKEN_MAX_LENGTH).isEqualTo(rule.path("maxLength").asInt());
    assertThat(ContractFacts.isBearerToken("ci-token")).isTrue();
    assertThat(ContractFacts.isBearerToken("short")).isFalse();
    assertThat(ContractFacts.isBearerToken("abc!defgh")).isFalse();
    assertThat(ContractFacts.isBearerToken("a".repeat(512))).isTrue();
    assertThat(ContractFacts.isBearerToken("a".repeat(513))).isFalse();
    assertThat(ContractFacts.isBearerToken(null)).isFalse();
    assertThat(ContractFacts.bearerTokenRule()).startsWith("8 to 512 ");
  }

  @Test
  void theEnvironmentsAreTheSpecsServers() {
    assertThat(ContractFacts.ENVIRONMENTS)
        .containsExactly(
            Map.entry("test", URI.create(SpecExamples.spec().at("/servers/0/url").asText())),
            Map.entry("production", URI.create(SpecExamples.spec().at("/servers/1/url").asText())));
    assertThatThrownBy(() -> ContractFacts.environment("staging"))
        .hasMessageContaining("staging")
        .hasMessageContaining("[test, production]");
  }

  @Test
  void theSecretsAreThePropertiesMarkedFormatPassword() {
    assertThat(ContractFacts.SENSITIVE_PROPERTIES).containsExactly("otp", "token");
    assertThat(
            SpecExamples.spec()
                .at("/components/schemas/AccessToken/allOf/1/properties/token/format")
                .asText())
        .isEqualTo("password");
  }

  @Test
  void theDefaultDurationAndTheAmountsAreTheSpecs() {
    assertThat(ContractFacts.DEFAULT_DURATION_SECONDS)
        .isEqualTo(
            SpecExamples.spec()
                .at(
                    "/components/schemas/CreateAccessTokenRequest/properties/duration/x-server-default")
                .asLong())
        .isEqualTo(315_360_000L);
    assertThat("^" + ContractFacts.AMOUNT_DIGITS.pattern() + "$")
        .isEqualTo(
            SpecExamples.spec().at("/components/schemas/BaseUnitAmountString/pattern").asText());
    assertThat(BaseUnitAmount.MAX_DIGITS).isEqualTo(78);
    assertThat(ContractFacts.amountProperties()).containsExactly("txValue", "txValueLimit");
  }

  @Test
  void theExportCarriesEveryFactInTheSpecsAnchoredForm() {
    Map<String, Object> facts = ContractFactsExport.facts();
    assertThat(facts)
        .containsKeys(
            "contractVersion",
            "bearerToken",
            "environments",
            "sensitiveProperties",
            "amountPattern",
            "amountProperties",
            "defaultDurationSeconds");
    assertThat(facts.get("amountPattern"))
        .isEqualTo(
            SpecExamples.spec().at("/components/schemas/BaseUnitAmountString/pattern").asText());
  }
}
