package org.openbitgo.accesstoken.conformance;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Test only: a Jupiter test class that runs the dynamic tests of the public JUnit entry point
 * ({@link ConformanceKit#checks}) on a nested launcher, found by the run id passed as a
 * configuration parameter.
 */
@ExtendWith(EntryPointRun.RegisteredChecks.class)
class EntryPointRun {

  static final String RUN_ID = "accesstoken.conformance.test-run";

  private static final Map<String, Stream<DynamicNode>> RUNS = new ConcurrentHashMap<>();

  /** The checks of one run, as registered. */
  record Registered(Stream<DynamicNode> checks) {}

  static void register(String runId, Stream<DynamicNode> checks) {
    RUNS.put(runId, checks);
  }

  @TestFactory
  Stream<DynamicNode> checks(Registered run) {
    return run.checks();
  }

  /** Resolves the run named by the {@link #RUN_ID} configuration parameter. */
  static final class RegisteredChecks implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
      return parameter.getParameter().getType() == Registered.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
      String runId =
          extension
              .getConfigurationParameter(RUN_ID)
              .orElseThrow(() -> new IllegalStateException("run by KitRun only"));
      Stream<DynamicNode> checks = RUNS.remove(runId);
      if (checks == null) {
        throw new IllegalStateException("no conformance run " + runId);
      }
      return new Registered(checks);
    }
  }
}
