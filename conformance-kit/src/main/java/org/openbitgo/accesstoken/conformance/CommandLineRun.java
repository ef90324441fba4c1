package org.openbitgo.accesstoken.conformance;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the command line hands the JUnit Platform: its checks, found by the run id passed as a
 * configuration parameter (never the token itself, which JUnit would see and might report).
 */
class CommandLineRun {

  static final String RUN_ID = "accesstoken.conformance.run";

  private static final Map<String, Stream<DynamicNode>> RUNS = new ConcurrentHashMap<>();

  static void register(String runId, Stream<DynamicNode> checks) {
    RUNS.put(runId, checks);
  }

  @TestFactory
  Stream<DynamicNode> checks(ExtensionContext extension) {
    String runId =
        extension
            .getConfigurationParameter(RUN_ID)
            .orElseThrow(
                () -> new IllegalStateException("run by the conformance kit's command line only"));
    Stream<DynamicNode> checks = RUNS.remove(runId);
    if (checks == null) {
      throw new IllegalStateException("no conformance run " + runId);
    }
    return checks;
  }
}
