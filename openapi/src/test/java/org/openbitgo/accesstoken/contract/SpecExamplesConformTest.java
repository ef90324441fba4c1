package org.openbitgo.accesstoken.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every example in the spec is valid against its own schema under a strict validator. */
class SpecExamplesConformTest {

  static final String PATH = ContractFacts.OPERATION_PATH;
  static final OpenApiInteractionValidator VALIDATOR = SpecValidators.standard();

  @Test
  void everyExampleOfEveryOperationIsValid() {
    ExampleCheck.Report report = ExampleCheck.of(SpecFixture.SPEC);
    assertThat(report.problems()).isEmpty();
    // create: 2 requests and 200, 400, 401, 429, default; list: 200, 400, 401, 429, default;
    // revoke: 200, 400, 401, 404, 429, default
    assertThat(report.checked()).isEqualTo(18);
  }

  @Test
  void anExampleThatBreaksItsSchemaIsNamed(@TempDir Path dir) {
    Path broken =
        SpecFixture.current()
            .with(
                f ->
                    ((ObjectNode)
                            f.root()
                                .at(
                                    "/paths/~1api~1v2~1user~1accesstoken/post/requestBody/content"
                                        + "/application~1json/examples/minimal/value"))
                        .put("duration", "sixty"))
            .writeTo(dir.resolve("spec.yaml"));

    assertThat(ExampleCheck.of(broken).problems())
        .singleElement()
        .asString()
        .startsWith("POST /api/v2/user/accesstoken request example `minimal`:");
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
    return VALIDATOR.validateResponse(
        PATH,
        Request.Method.POST,
        SimpleResponse.Builder.status(status)
            .withContentType("application/json")
            .withBody(body.toString())
            .build());
  }
}
