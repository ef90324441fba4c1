package org.openbitgo.accesstoken.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openbitgo.accesstoken.stub.StubEnvironment;
import org.openbitgo.accesstoken.stub.StubServer;

/**
 * End to end, like {@link BrokenProvidersTest}: the broken providers the kit's reviews found, and
 * two that stall. The stalling ones spend most of their time waiting out a one-second request
 * timeout; in a class of their own (JUnit runs the kit's test classes two at a time) they wait
 * beside the other classes' work instead of after it.
 */
class ReviewedBrokenProvidersTest {

  static StubServer stub;

  @BeforeAll
  static void startStub() {
    stub = Stubs.start(StubEnvironment.TEST);
  }

  @AfterAll
  static void stopStub() {
    stub.close();
  }

  static Stream<Arguments> reviewFindings() {
    return Breakages.reviewFindings().entrySet().stream()
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reviewFindings")
  void theKitFailsNamingTheBrokenRule(String kind, Breakages.BrokenKind broken) throws Exception {
    BrokenProvidersTest.assertTheDefaultRunNamesTheBrokenRule(stub, kind, broken);
  }

  /**
   * Final review: the raw 2 MiB create (its own socket, not the HTTP client) was bounded per read
   * only, so a 413 trickled a byte every 300 ms held it for as long as the provider liked. It ends
   * at the request timeout, however steadily the bytes come.
   */
  @Test
  void anOversizedCreatesAnswerTrickledEndsAtTheRequestTimeout() throws Exception {
    BrokenProvider.Breakage stalling413 =
        (request, upstream) -> {
          BrokenProvider.Answer answer = upstream.forward(request);
          return answer.status() == 413 ? answer.withHeader(BrokenProvider.TRICKLE, "yes") : answer;
        };
    try (BrokenProvider provider = new BrokenProvider(stub.baseUri(), stalling413, 4)) {
      ProviderTarget target = impatient(provider);
      Map<String, RunReport.Result> results =
          KitRun.run(target, Stubs.quickOptions().only("bad-input.oversized-*").build());
      assertThat(results).containsKey("bad-input.oversized-body-4xx");
      assertThat(results.get("bad-input.oversized-body-4xx").outcome())
          .isEqualTo(RunReport.Outcome.FAILED);
      assertThat(results.get("bad-input.oversized-body-4xx").message())
          .contains("-byte create within 1 s (--request-timeout)");
    } finally {
      stub.reset();
    }
  }

  /**
   * Review finding: a provider that sent its headers and then stalled mid-body held the run forever
   * (the JDK's request timeout ends with the headers). Each exchange is bounded as a whole; after
   * three in a row without a whole answer the rest fails at once, and the run ends.
   */
  @Test
  void aProviderStallingMidBodyFailsTheRunInsteadOfHoldingIt() throws Exception {
    try (BrokenProvider provider =
        new BrokenProvider(stub.baseUri(), Breakages.createStallsMidBody(), 8)) {
      ProviderTarget target = impatient(provider);
      Map<String, RunReport.Result> results =
          KitRun.run(target, Stubs.quickOptions().invalidBodies(4).build());
      List<String> messages =
          results.values().stream()
              .filter(r -> r.outcome() == RunReport.Outcome.FAILED)
              .map(RunReport.Result::message)
              .toList();
      assertThat(messages)
          .anySatisfy(m -> assertThat(m).contains("within 1 s (--request-timeout)"))
          .anySatisfy(m -> assertThat(m).contains("the provider stopped answering"));
    } finally {
      stub.reset();
    }
  }

  /** The provider with a request timeout of one second, so a stalled answer ends quickly. */
  private static ProviderTarget impatient(BrokenProvider provider) {
    return ProviderTarget.builder()
        .baseUrl(provider.baseUri())
        .token(Breakages.STUB_TOKEN)
        .environment(Environment.TEST)
        .requestTimeout(Duration.ofSeconds(1))
        .build();
  }
}
