package org.openbitgo.accesstoken.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Java copies of the spec's patterns are the spec's patterns. */
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
}
