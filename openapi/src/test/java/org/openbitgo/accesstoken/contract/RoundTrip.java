package org.openbitgo.accesstoken.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Checks that a payload survives JSON → generated model → JSON with nothing dropped or altered. */
public final class RoundTrip {

  private static final ObjectMapper MAPPER = ContractJson.newObjectMapper();

  private RoundTrip() {}

  /**
   * Reads {@code payload} into {@code modelType} with the contract's mapper, writes it back and
   * asserts the result is the same JSON tree: same keys (no added nulls or empty arrays), same
   * value types (a string amount stays a string) and the same digits. Returns the model.
   */
  public static <T> T assertLossless(JsonNode payload, Class<T> modelType) {
    try {
      T model = MAPPER.treeToValue(payload, modelType);
      String written = write(model);
      JsonNode reread = MAPPER.readTree(written);
      assertThat(reread)
          .as("%s written back as %s", modelType.getSimpleName(), written)
          .isEqualTo(MAPPER.readTree(MAPPER.writeValueAsString(payload)));
      assertNumbersArePlain(written);
      return model;
    } catch (JsonProcessingException e) {
      throw new AssertionError("could not round-trip " + modelType.getSimpleName(), e);
    }
  }

  /** Fails if any JSON number in {@code json} uses exponent notation ({@code 1E+8}). */
  public static void assertNumbersArePlain(String json) {
    try (JsonParser parser = MAPPER.createParser(json)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token.isNumeric()) {
          assertThat(parser.getText()).as("number in %s", json).doesNotContainIgnoringCase("e");
        }
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Serialises a model with the contract's mapper. */
  public static String write(Object model) {
    try {
      String json = MAPPER.writeValueAsString(model);
      assertNumbersArePlain(json);
      return json;
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }
}
