package org.openbitgo.accesstoken.conformance;

import java.io.UncheckedIOException;
import java.util.Optional;
import org.openbitgo.accesstoken.contract.ContractFacts;

/**
 * Before any check: can the URL be reached, does it answer like this API, and does it accept the
 * given token? A create without a bearer token must reach the operation (any answer but a missing
 * path or method); a list with {@code --token} must not answer 401, or every check that needs the
 * token would fail for that one reason, each on its own line.
 */
final class Preflight {

  private Preflight() {}

  /** Why the kit cannot judge this provider, or empty when it can. */
  static Optional<String> problem(ProviderTarget target) {
    Exchange exchange;
    try {
      exchange = new ProviderHttp(target).createAs(null, "{}");
    } catch (UncheckedIOException e) {
      return Optional.of("cannot reach " + target.baseUrl() + ": " + e.getMessage());
    }
    int status = exchange.response().status();
    if (status == 404 || status == 405 || status == 501 || (status >= 300 && status < 400)) {
      return Optional.of(
          new Redactor(target.token())
              .redact(
                  target.baseUrl()
                      + " does not answer like this API: POST "
                      + ContractFacts.OPERATION_PATH
                      + " answered "
                      + exchange.response().summary()));
    }
    Exchange listed;
    try {
      listed = new ProviderHttp(target).list("Bearer " + target.token(), "?limit=1");
    } catch (UncheckedIOException e) {
      return Optional.of("cannot reach " + target.baseUrl() + ": " + e.getMessage());
    }
    if (listed.response().status() == 401) {
      // the answer is not shown: a provider may quote the token it refused
      return Optional.of(
          target.baseUrl()
              + " refuses --token: GET "
              + ContractFacts.OPERATION_PATH
              + " with it answered 401. Give a bearer token this provider accepts.");
    }
    return Optional.empty();
  }
}
