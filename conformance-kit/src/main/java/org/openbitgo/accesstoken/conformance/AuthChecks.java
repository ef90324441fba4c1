package org.openbitgo.accesstoken.conformance;

import static org.openbitgo.accesstoken.conformance.Check.advisory;
import static org.openbitgo.accesstoken.conformance.Check.contract;
import static org.openbitgo.accesstoken.conformance.CheckFailure.expect;

import java.util.List;

/**
 * Authentication: every call carries {@code Authorization: Bearer <token>}; a missing, malformed or
 * unknown one is answered 401 (spec, response 401).
 */
final class AuthChecks implements CheckGroup {

  /** Not {@code Bearer <token68>}: a space inside the token. */
  private static final String MALFORMED = "Bearer not a token68 value";

  @Override
  public List<Check> checks(Environment environment, KitOptions options) {
    return List.of(
        contract(
            "auth.missing-bearer-401",
            "A create without an Authorization header is answered 401 with a PlatformError.",
            c ->
                c.platformError(
                    c.http().createAs(null, RequestBodies.minimal(c, "no-auth")),
                    "401",
                    List.of(401))),
        contract(
            "auth.unknown-token-401",
            "A create with a bearer token the provider never issued is answered 401 with a"
                + " PlatformError.",
            c ->
                c.platformError(
                    c.http()
                        .createAs(
                            "Bearer " + c.unknownToken(),
                            RequestBodies.minimal(c, "unknown-token")),
                    "401",
                    List.of(401))),
        contract(
            "auth.malformed-bearer-401",
            "A create whose Authorization is not `Bearer <token68>` is answered 401 with a"
                + " PlatformError.",
            c -> {
              c.redactor().register(MALFORMED.substring("Bearer ".length()));
              c.platformError(
                  c.http().createAs(MALFORMED, RequestBodies.minimal(c, "malformed")),
                  "401",
                  List.of(401));
            }),
        advisory(
            "auth.www-authenticate-bearer",
            "A 401 carries `WWW-Authenticate: Bearer` (RFC 6750; the spec does not list the"
                + " header). Advisory.",
            c -> {
              Exchange exchange =
                  c.http().createAs(null, RequestBodies.minimal(c, "www-authenticate"));
              String challenge = exchange.response().header("www-authenticate");
              expect(
                  challenge != null && challenge.startsWith("Bearer"),
                  "WWW-Authenticate: Bearer",
                  "WWW-Authenticate: " + challenge,
                  exchange);
            }));
  }
}
