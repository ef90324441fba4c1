package org.openbitgo.accesstoken.conformance;

import static org.openbitgo.accesstoken.conformance.Check.advisory;
import static org.openbitgo.accesstoken.conformance.Check.contract;
import static org.openbitgo.accesstoken.conformance.CheckFailure.expect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openbitgo.accesstoken.probes.InvalidBodies;

/**
 * Bad input: bodies that break the request schema (the seeded generator of {@code
 * accesstoken-contract-probes}, one check per kind of mutation) are answered 400 in the error
 * shape; transport-level refusals (size, media type) a 4xx in that shape; never a 5xx, HTML or an
 * empty body; and the provider still serves a valid request afterwards.
 */
final class BadInputChecks implements CheckGroup {

  /** Well over any sensible body limit (the stub's is 64 KiB). */
  static final int OVERSIZED_BYTES = 2 * 1024 * 1024;

  /** One byte over the stub's limit. */
  static final int STUB_LIMIT_PLUS_ONE = 64 * 1024 + 1;

  @Override
  public List<Check> checks(Environment environment, KitOptions options) {
    List<Check> checks = new ArrayList<>();
    invalidBodiesByKind(options)
        .forEach(
            (kind, bodies) ->
                checks.add(
                    contract(
                        "bad-input." + slug(kind) + "-400",
                        "A body that breaks the request schema ("
                            + kind
                            + ") is answered 400 with a PlatformError (spec: response 400); "
                            + bodies.size()
                            + " generated bodies, seed "
                            + options.seed()
                            + " (--seed "
                            + options.seed()
                            + " replays them).",
                        c -> {
                          for (int i = 0; i < bodies.size(); i++) {
                            Exchange exchange =
                                c.http().createRaw("application/json", bodies.get(i).body());
                            try {
                              c.platformError(exchange, "400", List.of(400));
                            } catch (CheckFailure failure) {
                              throw new CheckFailure(
                                  failure.expected()
                                      + " (body "
                                      + (i + 1)
                                      + " of this kind, seed "
                                      + options.seed()
                                      + ")",
                                  failure.got(),
                                  exchange);
                            }
                          }
                        })));
    checks.add(
        contract(
            "bad-input.oversized-body-4xx",
            "A 2 MiB body is either served or refused with a 4xx PlatformError; never a 5xx, HTML"
                + " or an empty answer.",
            c -> {
              Exchange exchange = c.http().createLarge(oversized(c, OVERSIZED_BYTES));
              if (exchange.response().status() != 200) {
                c.platformError(exchange, "a 4xx", List.of());
              }
            }));
    checks.add(
        contract(
            "bad-input.wrong-media-type-4xx",
            "A body that is not application/json (the only media type the spec accepts) is refused"
                + " with a 4xx PlatformError.",
            c ->
                c.platformError(
                    c.http()
                        .createRaw(
                            "text/plain", "label=conformance-kit".getBytes(StandardCharsets.UTF_8)),
                    "a 4xx",
                    List.of())));
    checks.add(
        contract(
            "bad-input.still-serves-afterwards",
            "After all the bad input above, a valid create is still answered 200.",
            c -> c.created(c.http().create(RequestBodies.minimal(c, "after-bad-input")))));
    checks.add(
        advisory(
            "bad-input.body-limit-64-kib",
            "A body over 64 KiB (65536 bytes) is refused with 413 (the stub's limit; the contract"
                + " sets none). Advisory.",
            c -> {
              Exchange exchange = c.http().createLarge(oversized(c, STUB_LIMIT_PLUS_ONE));
              expect(exchange.response().status() == 413, "413", exchange);
            }));
    checks.add(
        advisory(
            "bad-input.media-type-415",
            "A Content-Type other than application/json is refused with 415 (the stub's choice of"
                + " 4xx). Advisory.",
            c -> {
              Exchange exchange =
                  c.http()
                      .createRaw(
                          "text/plain", "label=conformance-kit".getBytes(StandardCharsets.UTF_8));
              expect(exchange.response().status() == 415, "415", exchange);
            }));
    return checks;
  }

  /**
   * The run's invalid bodies, grouped by kind in name order (same seed, same bodies). One of each
   * kind comes first, so the checks that exist do not depend on the seed: with at least {@link
   * InvalidBodies#KINDS} bodies, every kind has its check.
   */
  static Map<String, List<InvalidBodies.Case>> invalidBodiesByKind(KitOptions options) {
    InvalidBodies generator = new InvalidBodies(options.seed());
    Map<String, List<InvalidBodies.Case>> byKind = new TreeMap<>();
    for (int i = 0; i < options.invalidBodies(); i++) {
      InvalidBodies.Case body = i < InvalidBodies.KINDS ? generator.ofKind(i) : generator.next();
      byKind.computeIfAbsent(body.kind(), k -> new ArrayList<>()).add(body);
    }
    return byKind;
  }

  static String slug(String kind) {
    return kind.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }

  /** A valid create padded with an unknown field to {@code size} bytes. */
  private static byte[] oversized(CheckContext c, int size) {
    String head =
        "{\"label\":\""
            + RequestBodies.label(c, "oversized")
            + "\",\"duration\":"
            + RequestBodies.SHORT_DURATION_SECONDS
            + ",\"padding\":\"";
    String tail = "\"}";
    return (head + "a".repeat(Math.max(0, size - head.length() - tail.length())) + tail)
        .getBytes(StandardCharsets.UTF_8);
  }
}
