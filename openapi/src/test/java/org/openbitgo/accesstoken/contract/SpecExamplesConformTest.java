package org.openbitgo.accesstoken.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every example in the spec is valid against its own schema under a strict validator. */
class SpecExamplesConformTest {

  static final String PATH = ContractFacts.OPERATION_PATH;
  private static final String EXAMPLE_ID = "59cd72485007a239fb00282ed480da1f";
  static final OpenApiInteractionValidator VALIDATOR = SpecValidators.standard();

  @ParameterizedTest
  @ValueSource(strings = {"minimal", "full"})
  void requestExamplesAreValidRequests(String name) {
    assertThat(requestReport(SpecExamples.requestExample(name)).getMessages()).isEmpty();
  }

  @Test
  void everyResponseExampleOfEveryOperationIsValidForItsStatus() {
    JsonNode spec = SpecExamples.spec();
    int checked = 0;
    for (Map.Entry<String, JsonNode> path : spec.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        Request.Method method = Request.Method.valueOf(operation.getKey().toUpperCase(Locale.ROOT));
        // a path template is filled with the example id, which every path parameter here is
        String concretePath = path.getKey().replaceAll("\\{[^}]+}", EXAMPLE_ID);
        for (Map.Entry<String, JsonNode> response :
            operation.getValue().get("responses").properties()) {
          int status =
              response.getKey().equals("default") ? 500 : Integer.parseInt(response.getKey());
          JsonNode examples =
              resolved(spec, response.getValue()).at("/content/application~1json/examples");
          assertThat(examples.size())
              .as("examples of %s %s %s", method, path.getKey(), response.getKey())
              .isPositive();
          for (JsonNode example : examples) {
            assertThat(
                    responseReport(concretePath, method, status, example.get("value"))
                        .getMessages())
                .as("example of %s %s %s", method, path.getKey(), response.getKey())
                .isEmpty();
            checked++;
          }
        }
      }
    }
    // create: 200, 400, 401, 429, default; list: 200, 400, 401, 429, default;
    // revoke: 200, 400, 401, 404, 429, default
    assertThat(checked).isEqualTo(16);
  }

  /** A response object, or the shared one its {@code $ref} names. */
  private static JsonNode resolved(JsonNode spec, JsonNode response) {
    JsonNode ref = response.get("$ref");
    return ref == null ? response : spec.at(ref.asText().substring(1));
  }

  @Test
  void aWalletBoundScopeMatchesExactlyOneBranch() {
    // oneOf fails on zero and on two matching branches: passing proves the branches don't overlap.
    ObjectNode request =
        request("scope", "[\"wallet_spend:59cd72485007a239fb00282ed480da1f\",\"all\"]");
    assertThat(requestReport(request).getMessages()).isEmpty();
  }

  @Test
  void refusesAnUnknownScope() {
    assertThat(requestReport(request("scope", "[\"wallet_spend:not-hex\"]")).hasErrors()).isTrue();
  }

  @Test
  void refusesAFractionalAmountAndANegativeOne() {
    assertThat(
            requestReport(request("spendingLimits", "[{\"coin\":\"btc\",\"txValueLimit\":1.5}]"))
                .hasErrors())
        .isTrue();
    assertThat(
            requestReport(request("spendingLimits", "[{\"coin\":\"btc\",\"txValueLimit\":\"-1\"}]"))
                .hasErrors())
        .isTrue();
  }

  @Test
  void refusesAResponseWithoutItsRequiredId() {
    ObjectNode token = SpecExamples.responseExample("200", "created").deepCopy();
    token.remove("id");
    assertThat(responseReport(200, token).hasErrors()).isTrue();
  }

  private static ObjectNode request(String field, String json) {
    try {
      ObjectNode request = SpecExamples.requestExample("minimal").deepCopy();
      request.set(field, new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));
      return request;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static ValidationReport requestReport(JsonNode body) {
    return VALIDATOR.validateRequest(
        SimpleRequest.Builder.post(PATH)
            .withContentType("application/json")
            .withAuthorization("Bearer example")
            .withBody(body.toString())
            .build());
  }

  private static ValidationReport responseReport(int status, JsonNode body) {
    return responseReport(PATH, Request.Method.POST, status, body);
  }

  private static ValidationReport responseReport(
      String path, Request.Method method, int status, JsonNode body) {
    return VALIDATOR.validateResponse(
        path,
        method,
        SimpleResponse.Builder.status(status)
            .withContentType("application/json")
            .withBody(body.toString())
            .build());
  }
}
