package org.openbitgo.accesstoken.conformance;

import static org.openbitgo.accesstoken.conformance.Check.contract;
import static org.openbitgo.accesstoken.conformance.CheckFailure.expect;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openbitgo.accesstoken.contract.ContractFacts;
import org.openbitgo.accesstoken.probes.RawHttp;

/**
 * The opt-in {@code --hostile} group: peers that break HTTP on purpose, over a raw socket ({@code
 * RawHttp} of {@code accesstoken-contract-probes}). Plain http only.
 */
final class HostileChecks implements CheckGroup {

  private static final int SLOW_CONNECTIONS = 8;
  private static final Duration VALID_CALLER_DEADLINE = Duration.ofSeconds(5);

  /** How long a silent provider may take before the check calls it a hang. */
  static final Duration DEFAULT_HANG = Duration.ofSeconds(10);

  private final Duration hang;

  HostileChecks() {
    this(DEFAULT_HANG);
  }

  HostileChecks(Duration hang) {
    this.hang = hang;
  }

  @Override
  public List<Check> checks(Environment environment, KitOptions options) {
    if (!options.hostile()) {
      return List.of();
    }
    return List.of(
        contract(
            "hostile.slow-bodies-do-not-starve",
            "While "
                + SLOW_CONNECTIONS
                + " connections trickle a body, a valid create is answered 200 within "
                + VALID_CALLER_DEADLINE.toSeconds()
                + " s.",
            c -> {
              List<RawHttp> slow = new ArrayList<>();
              try {
                for (int i = 0; i < SLOW_CONNECTIONS; i++) {
                  RawHttp connection = open(c, hang);
                  connection.send(
                      "POST "
                          + ContractFacts.OPERATION_PATH
                          + " HTTP/1.1\r\nHost: "
                          + c.target().baseUrl().getHost()
                          + "\r\nAuthorization: Bearer "
                          + c.target().token()
                          + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"label\":");
                  slow.add(connection);
                }
                long start = System.nanoTime();
                Exchange exchange = c.http().create(RequestBodies.minimal(c, "beside-slow-bodies"));
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                c.created(exchange);
                expect(
                    took.compareTo(VALID_CALLER_DEADLINE) <= 0,
                    "an answer within " + VALID_CALLER_DEADLINE.toSeconds() + " s",
                    "answered after " + took.toMillis() + " ms",
                    exchange);
              } finally {
                for (RawHttp connection : slow) {
                  connection.close();
                }
              }
            }),
        contract(
            "hostile.malformed-request-line-answered",
            "A request line that is not HTTP gets a 4xx answer or a closed connection within "
                + hang.toSeconds()
                + " s, never a hang or a 5xx (RFC 9112 §3).",
            c -> {
              try (RawHttp connection = open(c, hang)) {
                connection.send("THIS IS NOT HTTP\r\n\r\n");
                try {
                  RawHttp.Response response = connection.read();
                  expect(
                      response.status() >= 400 && response.status() < 500,
                      "a 4xx",
                      response.status() + " " + response.body(),
                      null);
                } catch (SocketTimeoutException e) {
                  throw new CheckFailure(
                      "an answer or a closed connection within " + hang.toSeconds() + " s",
                      "nothing: the connection hangs",
                      null);
                } catch (IOException closed) {
                  // closed without an answer: refused, not hung
                }
              }
            }));
  }

  private static RawHttp open(CheckContext c, Duration readTimeout) {
    Assumptions.assumeTrue(
        "http".equals(c.target().baseUrl().getScheme()),
        "the hostile checks speak plain HTTP over a raw socket; this provider is https");
    return new RawHttp(c.target().baseUrl().getHost(), c.target().port(), readTimeout);
  }
}
