package org.openbitgo.accesstoken.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openbitgo.accesstoken.stub.StubEnvironment;
import org.openbitgo.accesstoken.stub.StubServer;

/**
 * End to end through the JUnit entry point: the stub passes every check, contract and advisory, in
 * both environments, with provider states arranged by the kit and through the state-change URL.
 */
class StubHonoursTheContractTest {

  @AutoClose static final StubServer testStub = Stubs.start(StubEnvironment.TEST);

  @AutoClose static final StubServer prodStub = Stubs.start(StubEnvironment.PROD);

  @Test
  void everyCheckPassesAgainstTheTestStub() {
    Map<String, RunReport.Result> results =
        KitRun.run(
            Stubs.target(testStub.baseUri(), Environment.TEST),
            Stubs.quickOptions().hostile(true).build());
    assertThat(results.keySet())
        .anyMatch(name -> name.startsWith("pacts."))
        .anyMatch(name -> name.startsWith("hostile."))
        .anyMatch(name -> name.startsWith("bad-input."))
        .anyMatch(name -> name.startsWith("revoke."));
    // without --state-change-url the interactions that need tokens with given ids are noted,
    // saying why, and every other check passes
    List<RunReport.Result> needStates =
        results.values().stream()
            .filter(r -> r.check().rule().contains(PactChecks.USER_HAS_TOKENS))
            .toList();
    assertThat(needStates)
        .isNotEmpty()
        .allSatisfy(
            r -> {
              assertThat(r.outcome()).isEqualTo(RunReport.Outcome.NOTED);
              assertThat(r.message()).contains("needs --state-change-url");
            });
    assertEveryCheckPassed(results.values().stream().filter(r -> !needStates.contains(r)).toList());
  }

  @Test
  void everyCheckPassesAgainstTheProdStub() {
    Map<String, RunReport.Result> results =
        KitRun.run(
            Stubs.target(prodStub.baseUri(), Environment.PROD), Stubs.quickOptions().build());
    assertThat(results).containsKey("environment.prod-requires-ip-restrict");
    assertEveryCheckPassed(results.values());
  }

  @Test
  void pactStatesThroughTheStateChangeUrlPassToo() {
    ProviderTarget target =
        ProviderTarget.builder()
            .baseUrl(testStub.baseUri())
            .token(Breakages.STUB_TOKEN)
            .otherUserToken(Breakages.OTHER_USER_TOKEN)
            .stateChangeUrl(testStub.baseUri().resolve("_pact/provider-states"))
            .build();
    Map<String, RunReport.Result> results =
        KitRun.run(target, Stubs.quickOptions().only("pacts.*").build());
    assertThat(results.keySet()).isNotEmpty().allMatch(name -> name.startsWith("pacts."));
    assertThat(results.values())
        .anyMatch(r -> r.check().rule().contains(PactChecks.USER_HAS_TOKENS));
    assertEveryCheckPassed(results.values());
  }

  /** How a Java provider runs the kit in its own suite: one line, every check a test. */
  @TestFactory
  Stream<DynamicNode> aProviderSuiteRunsTheChecksAsTests() {
    return ConformanceKit.checks(
        ProviderTarget.builder().baseUrl(testStub.baseUri()).token(Breakages.STUB_TOKEN).build(),
        KitOptions.builder().only("auth.*").only("create.*").build());
  }

  private static void assertEveryCheckPassed(Collection<RunReport.Result> results) {
    assertThat(results)
        .allSatisfy(
            r ->
                assertThat(r.outcome())
                    .as(r.check().name() + ": " + r.message())
                    .isEqualTo(RunReport.Outcome.PASSED));
  }
}
