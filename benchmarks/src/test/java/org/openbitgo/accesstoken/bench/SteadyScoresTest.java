package org.openbitgo.accesstoken.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openbitgo.accesstoken.bench.BenchmarkReport.JmhRow;

/**
 * The client target is judged only from JMH scores steady enough for their ratio to mean something.
 */
class SteadyScoresTest {

  @Test
  void aScoreWithinAQuarterIsSteady() {
    assertTrue(
        Targets.steady(new JmhRow("C", "feign1Thread", 1, "thrpt", 3_902.6, 333.8, "ops/s")));
  }

  @Test
  void aScoreWhoseErrorIsAsLargeAsItIsRefused() {
    // the first full run of ClientCallBenchmark, before it warmed the stub: the JIT ramp timed
    assertFalse(
        Targets.steady(new JmhRow("C", "feign1Thread", 1, "thrpt", 1_389.8, 1_296.7, "ops/s")));
  }
}
