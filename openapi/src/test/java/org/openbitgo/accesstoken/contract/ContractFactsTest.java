package org.openbitgo.accesstoken.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Java copies of the spec's patterns are the spec's patterns. */
class ContractFactsTest {

  @Test
  void walletBoundScopeIsTheSpecsPattern() {
    assertThat("^" + ContractFacts.WALLET_BOUND_SCOPE.pattern() + "$")
        .isEqualTo(SpecExamples.spec().at("/components/schemas/WalletBoundScope/pattern").asText());
  }

  @Test
  void ipRestrictEntryIsTheSpecsPattern() {
    assertThat("^" + ContractFacts.IPV4_OR_CIDR.pattern() + "$")
        .isEqualTo(
            SpecExamples.spec()
                .at("/components/schemas/CreateAccessTokenRequest/properties/ipRestrict/items/pattern")
                .asText());
  }

  @Test
  void theSpecIsWhereTheConstantsSayItIs() {
    assertThat(ContractFacts.class.getResource(ContractFacts.SPEC_RESOURCE)).isNotNull();
    assertThat(SpecExamples.spec().at("/paths").has(ContractFacts.OPERATION_PATH)).isTrue();
    assertThat(SpecExamples.spec().at("/components/headers").has(ContractFacts.REQUEST_ID_HEADER)).isTrue();
  }

  @Test
  void bearerTokensAreToken68() {
    assertThat(ContractFacts.BEARER_TOKEN68.matcher("v2x0aF-._~+/==").matches()).isTrue();
    assertThat(ContractFacts.BEARER_TOKEN68.matcher("has space").matches()).isFalse();
    assertThat(ContractFacts.BEARER_TOKEN68.matcher("a=b").matches()).isFalse();
    assertThat(ContractFacts.BEARER_TOKEN68.matcher("quote\"").matches()).isFalse();
  }
}
