package org.openbitgo.accesstoken.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openbitgo.accesstoken.stub.StubEnvironment;
import org.openbitgo.accesstoken.stub.StubServer;

/**
 * End to end: the full default run fails against each of the twelve broken providers of issue 19
 * and the three of list and revoke (issue 20) — proxies before one stub that each break one rule —
 * naming the broken rule.
 */
class BrokenProvidersTest {

  static StubServer stub;

  @BeforeAll
  static void startStub() {
    stub = Stubs.start(StubEnvironment.TEST);
  }

  @AfterAll
  static void stopStub() {
    stub.close();
  }

  static Stream<Arguments> brokenKinds() {
    return Stream.of(Breakages.twelve(), Breakages.listAndRevoke(), Breakages.reviewFindings())
        .flatMap(kinds -> kinds.entrySet().stream())
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenKinds")
  void theKitFailsNamingTheBrokenRule(String kind, Breakages.BrokenKind broken) throws Exception {
    try (BrokenProvider provider = new BrokenProvider(stub.baseUri(), broken.breakage(), 4)) {
      Map<String, RunReport.Result> results =
          KitRun.run(
              Stubs.target(provider.baseUri(), Environment.TEST),
              Stubs.quickOptions().invalidBodies(24).build());
      assertThat(KitRun.failed(results)).as(kind).contains(broken.caughtBy());
      RunReport.Result caught = results.get(broken.caughtBy());
      assertThat(caught.message())
          .startsWith(broken.caughtBy() + " [contract] rule: ")
          .contains(" | expected: ", " | got: ");
      assertThat(caught.message()).doesNotContain(Breakages.STUB_TOKEN);
      // nor a presented token spelled as JSON may escape it (the made-up tokens hold a '-')
      assertThat(caught.message()).doesNotContain("\\u002D");
      assertThat(Redactor.anySpelling(Breakages.STUB_TOKEN).matcher(caught.message()).find())
          .isFalse();
    } finally {
      stub.reset();
    }
  }

  /**
   * Final review: the raw 2 MiB create (its own socket, not the HTTP client) was bounded per read
   * only, so a 413 trickled a byte every 300 ms held it for as long as the provider liked. It ends
   * at the request timeout, however steadily the bytes come.
   */
  @org.junit.jupiter.api.Test
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
  @org.junit.jupiter.api.Test
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
        .requestTimeout(java.time.Duration.ofSeconds(1))
        .build();
  }
}
