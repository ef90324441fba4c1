package org.openbitgo.accesstoken.conformance;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The conformance kit's JUnit 5 entry point: every check as a dynamic test, for a Java provider's
 * own suite, against a server it started in-process or any URL.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> honoursTheContract() {
 *   return ConformanceKit.checks(
 *       ProviderTarget.builder().baseUrl(server.baseUri()).token("ci-token").build());
 * }
 * }</pre>
 *
 * A broken contract rule fails its test; a broken advisory is reported as skipped (aborted) with
 * the finding, and never fails the suite.
 */
public final class ConformanceKit {

  private ConformanceKit() {}

  /**
   * Every group of checks, in the order they run. An operation added to the contract adds its group
   * here (list and revoke: {@link ListAndRevokeChecks}), before the sweep, which judges every
   * answer of the run and must come last.
   */
  static List<CheckGroup> groups() {
    return List.of(
        new ExampleChecks(),
        new CreateChecks(),
        new EnvironmentChecks(),
        new ErrorChecks(),
        new AuthChecks(),
        new BadInputChecks(),
        new ListAndRevokeChecks(),
        new PactChecks(),
        new HostileChecks(),
        new SweepChecks());
  }

  /** The checks a run with these options selects, in order. */
  public static List<Check> catalogue(Environment environment, KitOptions options) {
    return catalogue(groups(), environment, options);
  }

  static List<Check> catalogue(
      List<CheckGroup> groups, Environment environment, KitOptions options) {
    return groups.stream()
        .flatMap(group -> group.checks(environment, options).stream())
        .filter(check -> options.selects(check.name()))
        .toList();
  }

  /** Every default check against {@code target} (seeded with a fresh seed). */
  public static Stream<DynamicNode> checks(ProviderTarget target) {
    return checks(target, KitOptions.defaults());
  }

  /** The checks {@code options} select against {@code target}, one dynamic test each. */
  public static Stream<DynamicNode> checks(ProviderTarget target, KitOptions options) {
    CheckContext context = new CheckContext(target, options, new ProviderHttp(target));
    // JUnit closes a @TestFactory's stream after its tests: the tokens the run made go then
    return dynamicTests(catalogue(target.environment(), options), context)
        .onClose(() -> context.http().revokeCreatedTokens());
  }

  static Stream<DynamicNode> dynamicTests(List<Check> checks, CheckContext context) {
    return checks.stream()
        .map(check -> DynamicTest.dynamicTest(check.displayName(), () -> run(check, context)));
  }

  /**
   * Runs one check: a broken contract rule is an assertion failure, a broken advisory an aborted
   * test; either way the message is one redacted line (rule, request, expected, got).
   */
  static void run(Check check, CheckContext context) {
    String line;
    try {
      check.body().run(context);
      return;
    } catch (TestAbortedException notApplicable) {
      // named, so a note in the summary says which check did not run
      throw new TestAbortedException(
          context.redactor().redact(check.name() + ": " + notApplicable.getMessage()));
    } catch (CheckFailure failure) {
      line = context.redactor().redact(failure.describe(check));
    } catch (Exception | AssertionError | LinkageError unexpected) {
      line =
          context
              .redactor()
              .redact(
                  check.name()
                      + " ["
                      + check.kind().name().toLowerCase(Locale.ROOT)
                      + "] rule: "
                      + check.rule()
                      + " | could not complete: "
                      + unexpected);
    }
    if (check.kind() == Check.Kind.ADVISORY) {
      throw new TestAbortedException("advisory, does not fail the run: " + line);
    }
    throw new AssertionFailedError(line);
  }
}
