package org.openbitgo.accesstoken.conformance;

import java.util.List;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.opentest4j.TestAbortedException;

/**
 * The command line's checks as a JUnit Platform engine: one test per check, named by the check in
 * every report (JUnit XML's {@code <testcase name>} included, which Jupiter's dynamic tests would
 * number instead). Registered with the launcher by the command line only (no service file), so it
 * never appears in a provider's own test suite.
 */
final class ConformanceEngine implements TestEngine {

  static final String ID = "accesstoken-conformance-kit";

  private final List<Check> checks;
  private final CheckContext context;

  ConformanceEngine(List<Check> checks, CheckContext context) {
    this.checks = List.copyOf(checks);
    this.context = context;
  }

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId engineId) {
    EngineDescriptor engine = new EngineDescriptor(engineId, ID);
    for (Check check : checks) {
      engine.addChild(new CheckDescriptor(engineId.append("check", check.name()), check));
    }
    return engine;
  }

  @Override
  public void execute(ExecutionRequest request) {
    EngineExecutionListener listener = request.getEngineExecutionListener();
    TestDescriptor engine = request.getRootTestDescriptor();
    listener.executionStarted(engine);
    for (TestDescriptor child : engine.getChildren()) {
      Check check = ((CheckDescriptor) child).check;
      listener.executionStarted(child);
      TestExecutionResult result;
      try {
        ConformanceKit.run(check, context);
        result = TestExecutionResult.successful();
      } catch (TestAbortedException noted) {
        result = TestExecutionResult.aborted(noted);
      } catch (RuntimeException | Error failed) {
        result = TestExecutionResult.failed(failed);
      }
      listener.executionFinished(child, result);
    }
    listener.executionFinished(engine, TestExecutionResult.successful());
  }

  /** One check as a test. */
  private static final class CheckDescriptor extends AbstractTestDescriptor {
    private final Check check;

    CheckDescriptor(UniqueId id, Check check) {
      super(id, check.displayName());
      this.check = check;
    }

    @Override
    public Type getType() {
      return Type.TEST;
    }

    @Override
    public String getLegacyReportingName() {
      return check.displayName();
    }
  }
}
