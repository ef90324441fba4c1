package org.openbitgo.accesstoken.stub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openbitgo.accesstoken.probes.InvalidBodies;

/**
 * Over a thousand generated invalid bodies (see {@link InvalidBodies}): whatever is sent, the
 * server answers with a 4xx in the contract's PlatformError shape, never a 5xx. Each run draws new
 * bodies from a fresh seed; a failure names the seed, and {@code -Dstub.invalidBodies.seed=…}
 * replays exactly the same bodies.
 */
class InvalidBodiesTest {

  private static final String SEED_PROPERTY = "stub.invalidBodies.seed";
  private static final String TOKEN = "invalid-bodies-test-token";
  private static final int BODIES = 1_200;

  private static StubServer server;

  @BeforeAll
  static void startServer() {
    server = StubServer.start(StubServerConfig.builder().port(0).acceptedToken(TOKEN).build());
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @TestFactory
  Stream<DynamicTest> everyInvalidBodyGetsA4xxInTheContractErrorShape() {
    long seed = Long.getLong(SEED_PROPERTY, new SecureRandom().nextLong());
    InvalidBodies bodies = new InvalidBodies(seed);
    return IntStream.rangeClosed(1, BODIES)
        .mapToObj(
            number -> {
              InvalidBodies.Case sent = bodies.next();
              return DynamicTest.dynamicTest(
                  "#" + number + " " + sent.kind(), () -> assertRefused(sent, number, seed));
            });
  }

  private static void assertRefused(InvalidBodies.Case sent, int number, long seed) {
    HttpResponse<String> response =
        StubHttp.post(server.endpointUri(), TOKEN, "application/json", sent.body());
    try {
      assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
      ContractResponses.assertMatchesContract(response);
      assertThat(StubHttp.json(response).get("requestId").asText())
          .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
    } catch (AssertionError e) {
      throw new AssertionError(
          "body #%d (%s) of seed %d; replay with -D%s=%d%nsent: %s%n%s"
              .formatted(
                  number, sent.kind(), seed, SEED_PROPERTY, seed, sent.printable(), e.getMessage()),
          e);
    }
  }
}
