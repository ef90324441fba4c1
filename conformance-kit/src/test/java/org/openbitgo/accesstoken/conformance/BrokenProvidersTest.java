package org.openbitgo.accesstoken.conformance;

import static org.assertj.core.api.Assertions.assertThat;

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
 * naming the broken rule. The providers the kit's reviews found are in {@link
 * ReviewedBrokenProvidersTest}: a class of their own, so the two that stall for a second each wait
 * beside the other classes (JUnit runs the kit's test classes two at a time) instead of at the end
 * of this one.
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
    return Stream.of(Breakages.twelve(), Breakages.listAndRevoke())
        .flatMap(kinds -> kinds.entrySet().stream())
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenKinds")
  void theKitFailsNamingTheBrokenRule(String kind, Breakages.BrokenKind broken) throws Exception {
    assertTheDefaultRunNamesTheBrokenRule(stub, kind, broken);
  }

  /**
   * The default run (24 invalid bodies) against {@code broken} before {@code stub} fails the check
   * that must catch it, with a message in the report's shape that holds the stub's token in no
   * spelling.
   */
  static void assertTheDefaultRunNamesTheBrokenRule(
      StubServer stub, String kind, Breakages.BrokenKind broken) throws Exception {
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
}
