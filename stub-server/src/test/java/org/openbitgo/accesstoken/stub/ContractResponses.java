package org.openbitgo.accesstoken.stub;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.http.HttpResponse;
import org.openbitgo.accesstoken.contract.ContractFacts;
import org.openbitgo.accesstoken.contract.SpecValidators;

/**
 * Checks a stub response against the contract itself: the spec on the classpath, read by
 * Atlassian's OpenAPI validator. Error statuses without their own entry (404, 405, 413, 415, 500)
 * are checked against the {@code default} response, i.e. the PlatformError schema.
 */
final class ContractResponses {

  private static final OpenApiInteractionValidator VALIDATOR = SpecValidators.standard();

  /** Also a property the spec does not name is a violation: a listed secret, for one. */
  private static final OpenApiInteractionValidator STRICT = SpecValidators.strict();

  private ContractResponses() {}

  /** The response, as if it answered the contract's one operation, has no schema violation. */
  static void assertMatchesContract(HttpResponse<String> response) {
    assertMatches(VALIDATOR, response, Request.Method.POST, ContractFacts.OPERATION_PATH);
  }

  /**
   * The response answers the operation its request names (method and path, e.g. {@code DELETE
   * /api/v2/user/accesstoken/<id>}) exactly as the spec says, with no property the spec does not
   * name.
   */
  static void assertAnswersItsOperation(HttpResponse<String> response) {
    assertMatches(
        STRICT,
        response,
        Request.Method.valueOf(response.request().method()),
        response.request().uri().getPath());
  }

  private static void assertMatches(
      OpenApiInteractionValidator validator,
      HttpResponse<String> response,
      Request.Method method,
      String path) {
    SimpleResponse.Builder simple =
        SimpleResponse.Builder.status(response.statusCode()).withBody(response.body());
    response.headers().firstValue("Content-Type").ifPresent(simple::withContentType);
    ValidationReport report = validator.validateResponse(path, method, simple.build());
    assertThat(report.getMessages())
        .as("contract violations of %s %s", response.statusCode(), response.body())
        .isEmpty();
  }
}
