package org.openbitgo.accesstoken.conformance;

import static org.openbitgo.accesstoken.conformance.Check.contract;
import static org.openbitgo.accesstoken.conformance.CheckFailure.expect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every request example of the spec, sent as written (with the kit's short {@code duration}), and
 * its answer judged by the spec: status, Content-Type, headers and body. An operation added to the
 * spec with examples gets its checks here without a line of code.
 */
final class ExampleChecks implements CheckGroup {

  @Override
  public List<Check> checks(Environment environment, KitOptions options) {
    List<Check> checks = new ArrayList<>();
    for (SpecJudge.RequestExample example : SpecJudge.fromClasspath().requestExamples()) {
      checks.add(
          contract(
              "examples." + example.method().toLowerCase(Locale.ROOT) + "-" + example.name(),
              "The spec's request example `"
                  + example.name()
                  + "` of "
                  + example.method()
                  + " "
                  + example.path()
                  + " is answered as the spec says (200, or 400 in production when it has no"
                  + " ipRestrict), and the answer is valid against the spec.",
              c -> {
                String body = RequestBodies.shortLived(example.json());
                Exchange exchange =
                    c.http()
                        .send(
                            example.method(),
                            example.path(),
                            Map.of(
                                "Content-Type",
                                "application/json",
                                "Authorization",
                                "Bearer " + c.target().token()),
                            body.getBytes(StandardCharsets.UTF_8));
                boolean refusedInProd =
                    c.environment() == Environment.PROD
                        && !RequestBodies.parse(body).has("ipRestrict");
                if (refusedInProd) {
                  c.platformError(exchange, "400 (production requires ipRestrict)", List.of(400));
                } else {
                  c.created(exchange);
                }
                List<String> violations = c.judge().violations(exchange);
                expect(
                    violations.isEmpty(),
                    "an answer valid against the spec",
                    String.join("; ", violations),
                    exchange);
              }));
    }
    return checks;
  }
}
