package org.openbitgo.accesstoken.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * {@code Scope} is one string type (no oneOf) so that generators which choose a oneOf branch
 * without checking pattern or enum (Go, Python) read every value one way. Its pattern is the one
 * home of the scope names; {@code ContractFactsTest} keeps the Java copy equal to it.
 */
class ScopeIsOneStringTest {

  private static final JsonNode SCHEMAS = SpecExamples.spec().at("/components/schemas");

  @Test
  void scopeIsASingleStringTypeWithoutComposition() {
    JsonNode scope = SCHEMAS.path("Scope");
    assertThat(scope.path("type").asText()).isEqualTo("string");
    assertThat(scope.has("oneOf") || scope.has("anyOf") || scope.has("allOf")).isFalse();
  }
}
