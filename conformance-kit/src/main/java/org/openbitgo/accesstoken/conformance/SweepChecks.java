package org.openbitgo.accesstoken.conformance;

import static org.openbitgo.accesstoken.conformance.Check.contract;

import java.util.List;
import java.util.Map;
import org.openbitgo.accesstoken.contract.ContractFacts;

/**
 * Rules over every answer of the run, judged last: valid against the spec, carrying {@code
 * X-Request-Id}, never containing a bearer token the kit presented.
 */
final class SweepChecks implements CheckGroup {

  @Override
  public List<Check> checks(Environment environment, KitOptions options) {
    return List.of(
        contract(
            "spec.every-answer-valid",
            "Every answer of this run (every status) is valid against the spec: its status is"
                + " documented, Content-Type application/json, the body matches the schema.",
            c -> {
              for (Exchange exchange : c.http().exchanges()) {
                List<String> violations = c.judge().violations(exchange);
                if (!violations.isEmpty()) {
                  throw new CheckFailure(
                      "an answer valid against the spec",
                      String.join("; ", violations) + " — " + exchange.response().summary(),
                      exchange);
                }
              }
            }),
        contract(
            "errors.request-id-on-every-answer",
            "Every answer carries X-Request-Id (spec: declared on every response).",
            c -> {
              for (Exchange exchange : c.http().exchanges()) {
                String requestId = exchange.response().header(ContractFacts.REQUEST_ID_HEADER);
                CheckFailure.expect(
                    requestId != null && !requestId.isBlank(), "an X-Request-Id header", exchange);
              }
            }),
        contract(
            "auth.token-never-echoed",
            "No answer of this run contains a bearer token the kit presented (the provider's"
                + " token, unknown and malformed ones, tokens it created and then used), in its"
                + " headers or its body; only a create's own `token` carries a new secret.",
            c -> {
              for (Exchange exchange : c.http().exchanges()) {
                String body = exchange.response().body();
                if (exchange.request().method().equals("POST")
                    && exchange.request().path().equals(ContractFacts.OPERATION_PATH)) {
                  body = Redactor.withoutCreatedSecret(body);
                }
                // as sent, or escaped as JSON may write it (a backslash before /, a backslash-u
                // escape)
                for (Map.Entry<String, List<String>> header :
                    exchange.response().headers().entrySet()) {
                  CheckFailure.expect(
                      !c.redactor().holdsSecret(header.getKey() + ": " + header.getValue()),
                      "no presented token in the answer",
                      "its "
                          + header.getKey()
                          + " header holds a presented token (shown as "
                          + Redactor.REDACTED
                          + "): "
                          + exchange.response().summary(),
                      exchange);
                }
                CheckFailure.expect(
                    !c.redactor().holdsSecret(body),
                    "no presented token in the answer",
                    "its body holds a presented token, as sent or JSON-escaped (shown as "
                        + Redactor.REDACTED
                        + "): "
                        + exchange.response().summary(),
                    exchange);
              }
            }));
  }
}
