package org.openbitgo.accesstoken.conformance;

import static org.openbitgo.accesstoken.conformance.Check.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openbitgo.accesstoken.contract.ContractFacts;

/**
 * Rules over every answer of the run, judged last: valid against the spec, carrying {@code
 * X-Request-Id}, never containing a bearer token the kit presented.
 */
final class SweepChecks implements CheckGroup {

  /**
   * Which integers beyond int64 to judge as digits: every one, except in a token this run created
   * where its create sent those digits as a string (the create's answer, and the token's document
   * wherever it is listed or revoked): there the provider changed the amount's form. A token the
   * run did not create may hold an integer another client sent, which the spec says servers keep.
   */
  static SpecJudge.LargeIntegerExcuse keptIntegers(List<Exchange> exchanges) {
    Map<String, Set<String>> sentAsStringsById = new HashMap<>();
    for (Exchange exchange : exchanges) {
      if (!"POST".equals(exchange.request().method())
          || !ContractFacts.OPERATION_PATH.equals(exchange.request().path())) {
        continue;
      }
      try {
        JsonNode id = CheckContext.JSON.readTree(exchange.response().body()).path("id");
        if (id.isTextual()) {
          sentAsStringsById
              .computeIfAbsent(id.asText(), k -> new HashSet<>())
              .addAll(stringAmounts(exchange.request().body()));
        }
      } catch (JsonProcessingException notJson) {
        // no document: nothing to remember
      }
    }
    return (documentId, digits) ->
        documentId == null
            || !sentAsStringsById.getOrDefault(documentId, Set.of()).contains(digits);
  }

  /** The digits of every amount a request body gave as a JSON string. */
  private static Set<String> stringAmounts(byte[] body) {
    Set<String> digits = new HashSet<>();
    try {
      collectStringAmounts(CheckContext.JSON.readTree(body), digits);
    } catch (IOException notJson) {
      // an invalid body sent on purpose
    }
    return digits;
  }

  private static void collectStringAmounts(JsonNode node, Set<String> digits) {
    if (node == null) {
      return;
    }
    node.properties()
        .forEach(
            property -> {
              if (SpecJudge.AMOUNT_PROPERTIES.contains(property.getKey())
                  && property.getValue().isTextual()) {
                // as a number would be written: no leading zeros
                digits.add(property.getValue().asText().replaceFirst("^0+(?=.)", ""));
              } else {
                collectStringAmounts(property.getValue(), digits);
              }
            });
    if (node.isArray()) {
      node.forEach(element -> collectStringAmounts(element, digits));
    }
  }

  @Override
  public List<Check> checks(Environment environment, KitOptions options) {
    return List.of(
        contract(
            "spec.every-answer-valid",
            "Every answer of this run (every status) is valid against the spec: its status is"
                + " documented, Content-Type application/json, the body matches the schema. An"
                + " amount that is a JSON integer beyond int64 passes only where the provider may"
                + " be keeping one a client sent (the spec's promise since 1.0.0): not where this"
                + " run sent those digits as a string.",
            c -> {
              SpecJudge.LargeIntegerExcuse excuse = keptIntegers(c.http().exchanges());
              for (Exchange exchange : c.http().exchanges()) {
                List<String> violations = c.judge().violations(exchange, excuse);
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
                // as sent, JSON-escaped (once or more) or percent-encoded: Redactor.anySpelling
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
                    "its body holds a presented token, as sent, JSON-escaped or percent-encoded (shown as "
                        + Redactor.REDACTED
                        + "): "
                        + exchange.response().summary(),
                    exchange);
              }
            }));
  }
}
