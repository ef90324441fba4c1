package org.openbitgo.accesstoken.conformance;

import java.io.UncheckedIOException;
import java.util.Optional;
import org.openbitgo.accesstoken.contract.ContractFacts;

/**
 * Before any check: can the URL be reached, and does it answer like this API? A create without a
 * bearer token must reach the operation (any answer but a missing path or method).
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
          target.baseUrl()
              + " does not answer like this API: POST "
              + ContractFacts.OPERATION_PATH
              + " answered "
              + exchange.response().summary());
    }
    return Optional.empty();
  }
}
