package org.openbitgo.accesstoken.conformance;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Test only: runs checks on the JUnit Platform, as the jar does, and returns each check's result.
 */
final class KitRun {

  private KitRun() {}

  /** Every check the options select, through the public JUnit entry point. */
  static Map<String, RunReport.Result> run(ProviderTarget target, KitOptions options) {
    return launch(
        ConformanceKit.catalogue(target.environment(), options),
        ConformanceKit.checks(target, options));
  }

  /** The checks of {@code groups} (e.g. a pact group with no pacts). */
  static Map<String, RunReport.Result> run(
      List<CheckGroup> groups, ProviderTarget target, KitOptions options) {
    List<Check> checks = ConformanceKit.catalogue(groups, target.environment(), options);
    CheckContext context = new CheckContext(target, options, new ProviderHttp(target));
    return launch(checks, ConformanceKit.dynamicTests(checks, context));
  }

  private static Map<String, RunReport.Result> launch(
      List<Check> checks, Stream<DynamicNode> tests) {
    String runId = UUID.randomUUID().toString();
    EntryPointRun.register(runId, tests);
    RunReport report = new RunReport(new PrintStream(OutputStream.nullOutputStream()), checks);
    LauncherFactory.create()
        .execute(
            LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(EntryPointRun.class))
                .configurationParameter(EntryPointRun.RUN_ID, runId)
                .build(),
            report);
    Map<String, RunReport.Result> byName = new LinkedHashMap<>();
    report.results().forEach(result -> byName.put(result.check().name(), result));
    return byName;
  }

  static List<String> failed(Map<String, RunReport.Result> results) {
    return results.values().stream()
        .filter(r -> r.outcome() == RunReport.Outcome.FAILED)
        .map(r -> r.check().name())
        .toList();
  }
}
