package org.openbitgo.accesstoken.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The spec's own examples, read from the contract artifact's classpath resource. Tests use them as
 * fixtures so that the payloads they round-trip are the documented ones, not private copies.
 */
public final class SpecExamples {

  /** Where the contract artifact puts the spec on the classpath. */
  public static final String SPEC_RESOURCE = ContractFacts.SPEC_RESOURCE;

  private static final String OPERATION = "/paths/~1api~1v2~1user~1accesstoken/post";
  private static final JsonNode SPEC = load();

  private SpecExamples() {}

  /** The whole spec as a JSON tree (numbers of any size kept exactly). */
  public static JsonNode spec() {
    return SPEC;
  }

  /** A named request example of the create operation, e.g. {@code full} or {@code minimal}. */
  public static JsonNode requestExample(String name) {
    return at(OPERATION + "/requestBody/content/application~1json/examples/" + name + "/value");
  }

  /**
   * A named response example of the create operation, e.g. {@code ("200", "created")}; a response
   * shared through {@code $ref} (e.g. {@code 401}) is followed to {@code components/responses}.
   */
  public static JsonNode responseExample(String status, String name) {
    JsonNode response = SPEC.at(OPERATION + "/responses/" + status);
    String pointer = OPERATION + "/responses/" + status;
    if (response.has("$ref")) {
      // a local reference, "#/components/responses/Unauthorized": the part after '#' is a pointer
      pointer = response.get("$ref").asText().substring(1);
    }
    return at(pointer + "/content/application~1json/examples/" + name + "/value");
  }

  private static JsonNode at(String pointer) {
    JsonNode node = SPEC.at(pointer);
    if (node.isMissingNode()) {
      throw new IllegalArgumentException("the spec has no example at " + pointer);
    }
    return node;
  }

  private static JsonNode load() {
    try (InputStream in = SpecExamples.class.getResourceAsStream(SPEC_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SPEC_RESOURCE + " is not on the classpath");
      }
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
