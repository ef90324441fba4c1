package org.openbitgo.accesstoken.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The spec is documentation too: every schema and every property says what it is, and every
 * property that is not a reference carries an example (validated by SpecExamplesConformTest).
 */
class SpecReadsLikeDocumentationTest {

  @Test
  void everySchemaAndPropertyHasADescriptionAndAnExample() {
    List<String> gaps = new ArrayList<>();
    SpecExamples.spec()
        .at("/components/schemas")
        .fields()
        .forEachRemaining(
            schema -> {
              if (!schema.getValue().hasNonNull("description")) {
                gaps.add(schema.getKey() + ": no description");
              }
              schema
                  .getValue()
                  .path("properties")
                  .fields()
                  .forEachRemaining(
                      property -> {
                        String where = schema.getKey() + "." + property.getKey();
                        JsonNode value = property.getValue();
                        if (value.has("$ref")) {
                          return; // documented where it is defined
                        }
                        if (!value.hasNonNull("description")) {
                          gaps.add(where + ": no description");
                        }
                        if (!value.has("example") && !value.path("items").has("$ref")
                            && !value.has("additionalProperties")) {
                          gaps.add(where + ": no example");
                        }
                      });
            });

    assertThat(gaps).isEmpty();
  }

  @Test
  void theOperationIsFullyDescribed() {
    JsonNode operation = SpecExamples.spec().at("/paths/~1api~1v2~1user~1accesstoken/post");

    assertThat(operation.path("operationId").asText()).isEqualTo("createAccessToken");
    assertThat(operation.path("summary").asText()).isNotBlank();
    assertThat(operation.path("description").asText()).isNotBlank();
    assertThat(operation.path("tags")).isNotEmpty();
    assertThat(SpecExamples.spec().at("/components/securitySchemes/BearerAuth/scheme").asText()).isEqualTo("bearer");
    assertThat(SpecExamples.spec().at("/servers").findValuesAsText("url"))
        .containsExactly("https://app.bitgo-test.com", "https://app.bitgo.com");
  }
}
