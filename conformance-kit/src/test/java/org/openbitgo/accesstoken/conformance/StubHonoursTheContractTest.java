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

  /**
   * Review finding: once any client had created a token with a JSON-integer amount beyond int64,
   * which the spec promises servers keep (release 1.0.0), every listed answer failed {@code
   * spec.every-answer-valid}. The sweep judges such an amount as the digits it is; a negative or
   * fractional amount still fails it.
   */
  @Test
  void aTokenHoldingAnIntegerAmountBeyondInt64DoesNotFailTheSweep() throws Exception {
    try (StubServer stub = Stubs.start(StubEnvironment.TEST);
        org.openbitgo.accesstoken.probes.RawHttp connection =
            new org.openbitgo.accesstoken.probes.RawHttp(
                "127.0.0.1", stub.port(), java.time.Duration.ofSeconds(5))) {
      String body =
          "{\"label\":\"big\",\"spendingLimits\":[{\"coin\":\"eth\","
              + "\"txValueLimit\":123456789012345678901234567890}]}";
      org.openbitgo.accesstoken.probes.RawHttp.Response created =
          connection
              .send(
                  "POST /api/v2/user/accesstoken HTTP/1.1\r\nHost: stub\r\nAuthorization: Bearer "
                      + Breakages.STUB_TOKEN
                      + "\r\nContent-Type: application/json\r\nContent-Length: "
                      + body.length()
                      + "\r\n\r\n"
                      + body)
              .read();
      assertThat(created.status()).as(created::body).isEqualTo(200);
      assertThat(created.body()).contains("\"txValueLimit\":123456789012345678901234567890");

      Map<String, RunReport.Result> results =
          KitRun.run(
              Stubs.target(stub.baseUri(), Environment.TEST),
              Stubs.quickOptions().only("list.*").only("spec.*").build());
      assertThat(results).containsKey("spec.every-answer-valid");
      assertEveryCheckPassed(results.values());
    }
    String listed =
        "{\"accessTokens\":[{\"id\":\"0123456789abcdef0123456789abcdef\",\"isExtensible\":false,"
            + "\"unlock\":{\"spendingLimits\":{\"eth\":{\"txValueLimit\":%s}}}}]}";
    String thirty = "123456789012345678901234567890";
    SpecJudge.LargeIntegerExcuse always = (id, digits) -> true;
    assertThat(SpecJudge.withLargeIntegerAmountsAsDigits(listed.formatted(thirty), always))
        .isEqualTo(listed.formatted("\"" + thirty + "\""));
    // the excuse is asked with the document's id and the digits, and may refuse
    java.util.List<String> asked = new java.util.ArrayList<>();
    SpecJudge.LargeIntegerExcuse never =
        (id, digits) -> {
          asked.add(id + " " + digits);
          return false;
        };
    assertThat(SpecJudge.withLargeIntegerAmountsAsDigits(listed.formatted(thirty), never))
        .isEqualTo(listed.formatted(thirty));
    assertThat(asked).containsExactly("0123456789abcdef0123456789abcdef " + thirty);
    for (String unchanged : List.of("9223372036854775807", "-5", "1.5", "\"12a\"")) {
      assertThat(SpecJudge.withLargeIntegerAmountsAsDigits(listed.formatted(unchanged), always))
          .isEqualTo(listed.formatted(unchanged));
    }
    assertThat(SpecJudge.withLargeIntegerAmountsAsDigits("<html>", always)).isEqualTo("<html>");
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
