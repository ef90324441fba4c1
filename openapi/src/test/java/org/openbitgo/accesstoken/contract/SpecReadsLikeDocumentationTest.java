package org.openbitgo.accesstoken.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The spec is documentation too: every schema and every property says what it is, and every
 * property that is not a reference carries an example. (The operation's request and response
 * examples, which hold every field, are validated against their schemas by
 * SpecExamplesConformTest.)
 */
class SpecReadsLikeDocumentationTest {

  @Test
  void everySchemaAndPropertyHasADescriptionAndAnExample() {
    assertThat(documentationGaps(SpecExamples.spec())).isEmpty();
  }

  @Test
  void reportsAPropertyWithoutDescriptionOrExample() {
    ObjectNode spec = SpecExamples.spec().deepCopy();
    ObjectNode label =
        (ObjectNode) spec.at("/components/schemas/CreateAccessTokenRequest/properties/label");
    label.remove("description");
    label.remove("example");
    ((ObjectNode) spec.at("/components/schemas/PlatformError")).remove("description");

    assertThat(documentationGaps(spec))
        .containsExactlyInAnyOrder(
            "CreateAccessTokenRequest.label: no description",
            "CreateAccessTokenRequest.label: no example",
            "PlatformError: no description");
  }

  static List<String> documentationGaps(JsonNode spec) {
    List<String> gaps = new ArrayList<>();
    spec.at("/components/schemas")
        .properties()
        .forEach(
            schema -> {
              if (!schema.getValue().hasNonNull("description")) {
                gaps.add(schema.getKey() + ": no description");
              }
              schema
                  .getValue()
                  .path("properties")
                  .properties()
                  .forEach(
                      property -> {
                        String where = schema.getKey() + "." + property.getKey();
                        JsonNode value = property.getValue();
                        if (value.has("$ref")) {
                          return; // documented where it is defined
                        }
                        if (!value.hasNonNull("description")) {
                          gaps.add(where + ": no description");
                        }
                        if (!value.has("example")
                            && !value.path("items").has("$ref")
                            && !value.has("additionalProperties")) {
                          gaps.add(where + ": no example");
                        }
                      });
            });
    return gaps;
  }

  @Test
  void theOperationIsFullyDescribed() {
    JsonNode operation = SpecExamples.spec().at("/paths/~1api~1v2~1user~1accesstoken/post");

    assertThat(operation.path("operationId").asText()).isEqualTo("createAccessToken");
    assertThat(operation.path("summary").asText()).isNotBlank();
    assertThat(operation.path("description").asText()).isNotBlank();
    assertThat(operation.path("tags")).isNotEmpty();
    assertThat(SpecExamples.spec().at("/components/securitySchemes/BearerAuth/scheme").asText())
        .isEqualTo("bearer");
    assertThat(SpecExamples.spec().at("/servers").findValuesAsText("url"))
        .containsExactly("https://app.bitgo-test.com", "https://app.bitgo.com");
  }
}
