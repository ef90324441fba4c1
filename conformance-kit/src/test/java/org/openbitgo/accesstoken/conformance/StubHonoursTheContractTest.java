package org.openbitgo.accesstoken.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

  static StubServer testStub;
  static StubServer prodStub;

  @BeforeAll
  static void startStubs() {
    testStub = Stubs.start(StubEnvironment.TEST);
    prodStub = Stubs.start(StubEnvironment.PROD);
  }

  @AfterAll
  static void stopStubs() {
    testStub.close();
    prodStub.close();
  }

  @Test
  void everyCheckPassesAgainstTheTestStub() {
    Map<String, RunReport.Result> results =
        KitRun.run(
            Stubs.target(testStub.baseUri(), Environment.TEST),
            Stubs.quickOptions().hostile(true).build());
    assertThat(results.keySet())
        .anyMatch(name -> name.startsWith("pacts."))
        .anyMatch(name -> name.startsWith("hostile."))
        .anyMatch(name -> name.startsWith("bad-input."));
    assertEveryCheckPassed(results);
  }

  @Test
  void everyCheckPassesAgainstTheProdStub() {
    Map<String, RunReport.Result> results =
        KitRun.run(
            Stubs.target(prodStub.baseUri(), Environment.PROD), Stubs.quickOptions().build());
    assertThat(results).containsKey("environment.prod-requires-ip-restrict");
    assertEveryCheckPassed(results);
  }

  @Test
  void pactStatesThroughTheStateChangeUrlPassToo() {
    ProviderTarget target =
        ProviderTarget.builder()
            .baseUrl(testStub.baseUri())
            .token(Breakages.STUB_TOKEN)
            .stateChangeUrl(testStub.baseUri().resolve("_pact/provider-states"))
            .build();
    Map<String, RunReport.Result> results =
        KitRun.run(target, Stubs.quickOptions().only("pacts.*").build());
    assertThat(results.keySet()).isNotEmpty().allMatch(name -> name.startsWith("pacts."));
    assertEveryCheckPassed(results);
  }

  /** How a Java provider runs the kit in its own suite: one line, every check a test. */
  @TestFactory
  Stream<DynamicNode> aProviderSuiteRunsTheChecksAsTests() {
    return ConformanceKit.checks(
        ProviderTarget.builder().baseUrl(testStub.baseUri()).token(Breakages.STUB_TOKEN).build(),
        KitOptions.builder().only("auth.*").only("create.*").build());
  }

  private static void assertEveryCheckPassed(Map<String, RunReport.Result> results) {
    assertThat(results.values())
        .allSatisfy(
            r ->
                assertThat(r.outcome())
                    .as(r.check().name() + ": " + r.message())
                    .isEqualTo(RunReport.Outcome.PASSED));
  }
}
