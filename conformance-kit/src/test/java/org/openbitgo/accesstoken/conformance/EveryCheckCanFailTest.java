package org.openbitgo.accesstoken.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbitgo.accesstoken.conformance.Breakages.header;
import static org.openbitgo.accesstoken.conformance.Breakages.none;
import static org.openbitgo.accesstoken.conformance.Breakages.onCreated;
import static org.openbitgo.accesstoken.conformance.Breakages.onErrors;
import static org.openbitgo.accesstoken.conformance.Breakages.onRevoked;
import static org.openbitgo.accesstoken.conformance.Breakages.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openbitgo.accesstoken.conformance.BrokenProvider.Breakage;
import org.openbitgo.accesstoken.stub.StubEnvironment;
import org.openbitgo.accesstoken.stub.StubServer;

/**
 * Every check has its failing case: a provider (a proxy before a stub) that breaks exactly the
 * check's rule, and the check refuses it — a contract check fails, an advisory is noted. A check
 * added without a case here fails {@link #everyCheckOfTheCatalogueHasAFailingCase}.
 */
class EveryCheckCanFailTest {

  @AutoClose static final StubServer testStub = Stubs.start(StubEnvironment.TEST);

  @AutoClose static final StubServer prodStub = Stubs.start(StubEnvironment.PROD);

  /** {@code checks}: a glob over the check names this case must see refuse the provider. */
  record Case(
      String checks,
      Environment environment,
      Upstream upstream,
      Breakage breakage,
      String only,
      int threads,
      boolean stateChanges) {

    /** This case with provider states set on the stub behind the proxy, by its endpoint. */
    Case withStateChanges() {
      return new Case(checks, environment, upstream, breakage, only, threads, true);
    }

    @Override
    public String toString() {
      return checks + " (" + environment.cliName() + ")";
    }
  }

  enum Upstream {
    TEST_STUB,
    PROD_STUB
  }

  static Case test(String checks, Breakage breakage) {
    return new Case(checks, Environment.TEST, Upstream.TEST_STUB, breakage, checks, 4, false);
  }

  static Case test(String checks, Breakage breakage, String only) {
    return new Case(checks, Environment.TEST, Upstream.TEST_STUB, breakage, only, 4, false);
  }

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    cases.add(test("examples.*", onCreated(b -> b.put("isExtensible", "false"))));
    cases.add(test("create.returns-token-secret", onCreated(b -> b.remove("token"))));
    cases.add(test("create.echoes-label", onCreated(b -> b.put("label", "access token"))));
    cases.add(test("create.echoes-scope", onCreated(b -> b.putArray("scope").add("all"))));
    cases.add(test("create.echoes-ip-restrict", onCreated(b -> b.remove("ipRestrict"))));
    cases.add(test("create.echoes-enterprise", onCreated(b -> b.remove("enterprise"))));
    cases.add(test("create.echoes-spending-limits", onCreated(b -> b.remove("unlock"))));
    cases.add(test("create.amounts-exact", Breakages.amountsThroughDouble()));
    cases.add(
        test(
            "create.timestamps-utc-milliseconds",
            onCreated(b -> b.put("created", b.path("created").asText().replace("Z", "+00:00")))));
    cases.add(
        test(
            "create.expires-is-created-plus-duration",
            onCreated(b -> b.set("expires", b.get("created")))));
    cases.add(
        test(
            "create.ids-unique-per-call",
            onCreated(b -> b.put("id", "0123456789abcdef0123456789abcdef"))));
    cases.add(test("create.token-shape", onCreated(b -> b.put("token", "secret"))));
    cases.add(test("create.integer-amount-beyond-int64", Breakages.amountsThroughDouble()));
    cases.add(
        test(
            "create.amount-form-kept",
            onCreated(
                b ->
                    b.path("unlock")
                        .path("spendingLimits")
                        .properties()
                        .forEach(
                            coin ->
                                ((ObjectNode) coin.getValue())
                                    .put(
                                        "txValueLimit",
                                        coin.getValue().path("txValueLimit").asText())))));
    cases.add(
        test(
            "create.unlock-times-follow-token",
            onCreated(b -> ((ObjectNode) b.path("unlock")).remove("time"))));
    cases.add(test("create.cache-control-no-store", header("cache-control", null)));
    cases.add(
        new Case(
            "environment.test-needs-no-ip-restrict",
            Environment.TEST,
            Upstream.PROD_STUB,
            none(),
            "environment.*",
            4,
            false));
    cases.add(
        test(
            "environment.origin-names-environment",
            onCreated(b -> b.put("origin", "example.com"))));
    cases.add(
        new Case(
            "environment.prod-requires-ip-restrict",
            Environment.PROD,
            Upstream.TEST_STUB,
            none(),
            "environment.prod-requires-*",
            4,
            false));
    cases.add(
        new Case(
            "environment.prod-refuses-cidr-wider-than-24",
            Environment.PROD,
            Upstream.TEST_STUB,
            none(),
            "environment.prod-refuses-*",
            4,
            false));
    cases.add(
        new Case(
            "environment.prod-accepts-cidr-24-to-32",
            Environment.PROD,
            Upstream.PROD_STUB,
            status(s -> s == 200, 400),
            "environment.prod-accepts-*",
            4,
            false));
    cases.add(
        test(
            "errors.request-id-in-body-and-header",
            onErrors(b -> b.put("requestId", "another-id"))));
    cases.add(test("errors.name-is-stable-code", onErrors(b -> b.remove("name"))));
    cases.add(test("errors.context-field-names-offender", onErrors(b -> b.putObject("context"))));
    cases.add(test("errors.caller-request-id-reused", header("x-request-id", "always-the-same")));
    cases.add(test("auth.*-401", Breakages.anyBearerAccepted()));
    cases.add(test("auth.www-authenticate-bearer", header("www-authenticate", null)));
    cases.add(test("bad-input.*-400", status(s -> s == 400, 500)));
    cases.add(test("bad-input.oversized-body-4xx", status(s -> s == 413, 500)));
    cases.add(test("bad-input.wrong-media-type-4xx", status(s -> s == 415, 500)));
    cases.add(
        test("bad-input.still-serves-afterwards", Breakages.breaksAfterBadInput(), "bad-input.*"));
    cases.add(test("bad-input.body-limit-64-kib", status(s -> s == 413, 400)));
    cases.add(test("bad-input.media-type-415", status(s -> s == 415, 400)));
    cases.add(test("list.created-token-listed-without-secret", Breakages.listShowsTheSecret()));
    cases.add(test("list.paging-visits-each-token-once", Breakages.pagingRepeatsAToken()));
    cases.add(test("list.*-400", status(s -> s == 400, 500)));
    cases.add(
        test(
            "revoke.answers-document-without-secret",
            onRevoked(b -> b.put("token", "v2x" + "0".repeat(64)))));
    cases.add(test("revoke.revoked-token-*", Breakages.revokeAnsweredButNotDone()));
    cases.add(test("revoke.twice-answers-200-unchanged", Breakages.secondRevokeNotFound()));
    cases.add(test("revoke.unknown-id-404", status(s -> s == 404, 500)));
    cases.add(test("revoke.malformed-id-400", status(s -> s == 400, 500)));
    // the stub makes each token its own user; a provider that serves every bearer as --token's user
    // shows and revokes one user's tokens for another
    cases.add(test("*.other-users-*", Breakages.anyBearerAccepted()));
    cases.add(
        test(
                "pacts.*",
                (request, stub) -> {
                  BrokenProvider.Answer answer = stub.forward(request);
                  ObjectNode body = (ObjectNode) Breakages.read(answer.body());
                  JsonNode listed = body.path("accessTokens").path(0);
                  if (listed.isObject()) {
                    ((ObjectNode) listed).put("id", "drifted");
                  } else {
                    body.put(answer.status() == 200 ? "id" : "name", "drifted");
                  }
                  return answer.withBody(body.toString());
                })
            // every interaction runs, those that need tokens with given ids too
            .withStateChanges());
    cases.add(
        new Case(
            "hostile.slow-bodies-do-not-starve",
            Environment.TEST,
            Upstream.TEST_STUB,
            none(),
            "hostile.slow-*",
            1,
            false));
    cases.add(
        test(
            "spec.every-answer-valid",
            header("content-type", "text/plain"),
            "create.echoes-label"));
    cases.add(
        test(
            "errors.request-id-on-every-answer",
            header("x-request-id", null),
            "create.echoes-label"));
    cases.add(test("auth.token-never-echoed", Breakages.tokenEchoed(), "auth.*"));
    return cases;
  }

  static Stream<Case> allCases() {
    return cases().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allCases")
  void theCheckRefusesAProviderThatBreaksItsRule(Case broken) throws IOException {
    URI upstream =
        broken.upstream() == Upstream.TEST_STUB ? testStub.baseUri() : prodStub.baseUri();
    KitOptions.Builder options = Stubs.quickOptions().only(broken.only()).hostile(true);
    if (!broken.only().equals(broken.checks())) {
      options.only(broken.checks());
    }
    try (BrokenProvider provider =
        new BrokenProvider(upstream, broken.breakage(), broken.threads())) {
      ProviderTarget target =
          ProviderTarget.builder()
              .baseUrl(provider.baseUri())
              .token(Breakages.STUB_TOKEN)
              .otherUserToken(Breakages.OTHER_USER_TOKEN)
              .environment(broken.environment())
              .stateChangeUrl(
                  broken.stateChanges() ? upstream.resolve("_pact/provider-states") : null)
              .requestTimeout(Duration.ofSeconds(2))
              .build();
      assertRefused(KitRun.run(target, options.build()), broken.checks());
    } finally {
      testStub.reset();
      prodStub.reset();
    }
  }

  @Test
  void aSilentProviderFailsTheMalformedRequestLineCheck() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      List<Socket> accepted = new ArrayList<>();
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    accepted.add(silent.accept());
                  }
                } catch (IOException closed) {
                  // the test is over
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      ProviderTarget target =
          Stubs.target(
              URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/"), Environment.TEST);
      Map<String, RunReport.Result> results =
          KitRun.run(
              List.of(new HostileChecks(Duration.ofMillis(500))),
              target,
              Stubs.quickOptions().hostile(true).only("hostile.malformed-*").build());
      assertRefused(results, "hostile.malformed-request-line-answered");
    }
  }

  @Test
  void withoutAnotherUsersTokenTheTwoUserChecksAreNotedAsNotRun() {
    ProviderTarget oneUser =
        ProviderTarget.builder().baseUrl(testStub.baseUri()).token(Breakages.STUB_TOKEN).build();
    Map<String, RunReport.Result> results =
        KitRun.run(oneUser, Stubs.quickOptions().only("*.other-users-*").build());
    assertThat(results).hasSize(2);
    assertThat(results.values())
        .allSatisfy(
            r -> {
              assertThat(r.outcome()).isEqualTo(RunReport.Outcome.NOTED);
              assertThat(r.message()).contains("needs --other-user-token");
            });
  }

  @Test
  void aKitBuiltWithoutPactsFailsItsPactGroup() {
    Map<String, RunReport.Result> results =
        KitRun.run(
            List.of(new PactChecks(List::of)),
            Stubs.target(testStub.baseUri(), Environment.TEST),
            Stubs.quickOptions().build());
    assertRefused(results, "pacts.bundled");
    assertThat(results.get("pacts.bundled").message()).contains("this kit was built without pacts");
  }

  @Test
  void everyCheckOfTheCatalogueHasAFailingCase() {
    List<String> names = new ArrayList<>();
    KitOptions all = KitOptions.builder().hostile(true).build();
    ConformanceKit.catalogue(Environment.TEST, all).forEach(c -> names.add(c.name()));
    ConformanceKit.catalogue(Environment.PROD, all).forEach(c -> names.add(c.name()));
    List<Pattern> covered =
        Stream.concat(
                cases().stream().map(Case::checks),
                Stream.of("hostile.malformed-request-line-answered", "pacts.bundled"))
            .map(KitOptions::glob)
            .toList();
    assertThat(names)
        .isNotEmpty()
        .allMatch(name -> covered.stream().anyMatch(p -> p.matcher(name).matches()));
  }

  private static void assertRefused(Map<String, RunReport.Result> results, String checks) {
    Pattern glob = KitOptions.glob(checks);
    List<RunReport.Result> judged =
        results.values().stream().filter(r -> glob.matcher(r.check().name()).matches()).toList();
    assertThat(judged).as("checks matching " + checks).isNotEmpty();
    assertThat(judged)
        .allSatisfy(
            r -> {
              RunReport.Outcome expected =
                  r.check().kind() == Check.Kind.CONTRACT
                      ? RunReport.Outcome.FAILED
                      : RunReport.Outcome.NOTED;
              assertThat(r.outcome()).as(r.check().name() + ": " + r.message()).isEqualTo(expected);
              assertThat(r.message())
                  .startsWith(
                      r.check().kind() == Check.Kind.CONTRACT
                          ? r.check().name()
                          : "advisory, does not fail the run: " + r.check().name());
              assertThat(r.message()).doesNotContain(Breakages.STUB_TOKEN);
            });
  }
}
