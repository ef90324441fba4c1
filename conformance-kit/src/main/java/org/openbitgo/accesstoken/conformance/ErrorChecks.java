package org.openbitgo.accesstoken.conformance;

import static org.openbitgo.accesstoken.conformance.Check.advisory;
import static org.openbitgo.accesstoken.conformance.Check.contract;
import static org.openbitgo.accesstoken.conformance.CheckFailure.expect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.openbitgo.accesstoken.contract.ContractFacts;

/**
 * The error answer: its {@code requestId}, and the stub's conventions for {@code name} and {@code
 * context}.
 */
final class ErrorChecks implements CheckGroup {

  @Override
  public List<Check> checks(Environment environment, KitOptions options) {
    return List.of(
        contract(
            "errors.request-id-in-body-and-header",
            "An error body's `requestId` equals the answer's X-Request-Id header (spec: the header"
                + " is \"the same value as an error body's requestId\").",
            c -> {
              Exchange exchange = badAddress(c);
              // any 4xx: whether it is the right one is bad-input's rule, not this one's
              JsonNode body = c.platformError(exchange, "a 4xx", List.of());
              String header = exchange.response().header(ContractFacts.REQUEST_ID_HEADER);
              expect(
                  header != null && header.equals(body.path("requestId").asText()),
                  "X-Request-Id = requestId",
                  "X-Request-Id " + header + ", requestId " + body.path("requestId"),
                  exchange);
            }),
        advisory(
            "errors.name-is-stable-code",
            "`name` is InvalidRequest on a 400 and Unauthorized on a 401 (the spec's examples;"
                + " `name` is optional). Advisory.",
            c -> {
              Exchange invalid = badAddress(c);
              expect(
                  "InvalidRequest".equals(c.json(invalid).path("name").asText()),
                  "name = InvalidRequest",
                  invalid);
              Exchange unauthorized = c.http().createAs(null, RequestBodies.minimal(c, "name-401"));
              expect(
                  "Unauthorized".equals(c.json(unauthorized).path("name").asText()),
                  "name = Unauthorized",
                  unauthorized);
            }),
        advisory(
            "errors.context-field-names-offender",
            "A 400's `context.field` is the JSON path of the offending value, e.g. ipRestrict[0]"
                + " (the spec's example; `context` keys are free). Advisory.",
            c -> {
              Exchange exchange = badAddress(c);
              expect(
                  "ipRestrict[0]".equals(c.json(exchange).path("context").path("field").asText()),
                  "context.field = ipRestrict[0]",
                  exchange);
            }),
        advisory(
            "errors.caller-request-id-reused",
            "A caller's own X-Request-Id (1-64 of [A-Za-z0-9._-]) is reused in the answer (the"
                + " stub's choice). Advisory.",
            c -> {
              String requestId = "conformance-kit-" + c.runId();
              Exchange exchange =
                  c.http()
                      .send(
                          "POST",
                          ContractFacts.OPERATION_PATH,
                          Map.of(
                              "Content-Type",
                              "application/json",
                              "Authorization",
                              "Bearer " + c.target().token(),
                              ContractFacts.REQUEST_ID_HEADER,
                              requestId),
                          RequestBodies.minimal(c, "request-id")
                              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
              expect(
                  requestId.equals(exchange.response().header(ContractFacts.REQUEST_ID_HEADER)),
                  "X-Request-Id: " + requestId,
                  "X-Request-Id: " + exchange.response().header(ContractFacts.REQUEST_ID_HEADER),
                  exchange);
            }));
  }

  /** The spec's own 400 example request: an ipRestrict entry that is not an address. */
  private static Exchange badAddress(CheckContext c) {
    return c.shared(
        "bad-address",
        () -> c.http().create(RequestBodies.withIpRestrict(c, "bad-address", "1.2.3.400")));
  }
}
