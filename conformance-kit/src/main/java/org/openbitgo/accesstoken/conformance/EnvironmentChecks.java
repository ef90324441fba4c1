package org.openbitgo.accesstoken.conformance;

import static org.openbitgo.accesstoken.conformance.Check.advisory;
import static org.openbitgo.accesstoken.conformance.Check.contract;
import static org.openbitgo.accesstoken.conformance.CheckFailure.expect;

import java.util.ArrayList;
import java.util.List;

/** The rules that differ between BitGo's test and production environments (seed README). */
final class EnvironmentChecks implements CheckGroup {

  @Override
  public List<Check> checks(Environment environment, KitOptions options) {
    List<Check> checks = new ArrayList<>();
    if (environment == Environment.TEST) {
      checks.add(
          contract(
              "environment.test-needs-no-ip-restrict",
              "In the test environment a token needs no IP restriction: a create without"
                  + " `ipRestrict` is answered 200.",
              c ->
                  c.created(
                      c.http().create(RequestBodies.withoutIpRestrict(c, "no-ip-restrict")))));
    } else {
      checks.add(
          contract(
              "environment.prod-requires-ip-restrict",
              "In production a token must be restricted to IPv4 addresses or CIDR blocks: a"
                  + " create without `ipRestrict` is answered 400 with a PlatformError.",
              c ->
                  c.platformError(
                      c.http().create(RequestBodies.withoutIpRestrict(c, "no-ip-restrict")),
                      "400",
                      List.of(400))));
      checks.add(
          contract(
              "environment.prod-refuses-cidr-wider-than-24",
              "In production CIDR prefixes are limited to /24 through /32: a /23 is answered 400"
                  + " with a PlatformError.",
              c ->
                  c.platformError(
                      c.http()
                          .create(RequestBodies.withIpRestrict(c, "cidr-23", "198.51.100.0/23")),
                      "400",
                      List.of(400))));
      checks.add(
          contract(
              "environment.prod-accepts-cidr-24-to-32",
              "In production /24 and /32 blocks are accepted: answered 200.",
              c ->
                  c.created(
                      c.http()
                          .create(
                              RequestBodies.withIpRestrict(
                                  c, "cidr-24-32", "198.51.100.0/24", "203.0.113.7/32")))));
    }
    checks.add(
        advisory(
            "environment.origin-names-environment",
            "`origin` names the environment: test.bitgo.com in test, bitgo.com in production (the"
                + " seed's example; a provider on another host may differ). Advisory.",
            c -> {
              Exchange exchange = c.fullCreate();
              String expected =
                  c.environment() == Environment.TEST ? "test.bitgo.com" : "bitgo.com";
              expect(
                  expected.equals(c.created(exchange).path("origin").asText()),
                  "origin = " + expected,
                  "origin = " + c.created(exchange).path("origin"),
                  exchange);
            }));
    return checks;
  }
}
