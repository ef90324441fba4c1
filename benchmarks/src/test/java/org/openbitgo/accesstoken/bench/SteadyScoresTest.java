package org.openbitgo.accesstoken.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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

  @Test
  void theWorstCaseRatioMovesEachScoreToTheUnfavourableEndOfItsBar() {
    JmhRow client = new JmhRow("C", "feign", 1, "thrpt", 9_765.7, 2_538.2, "ops/s");
    JmhRow plain = new JmhRow("C", "plain", 1, "thrpt", 4_580.3, 593.1, "ops/s");
    assertEquals(
        (9_765.7 - 2_538.2) / (4_580.3 + 593.1),
        Targets.pessimisticThroughputRatio(client, plain),
        1e-9);
    // time per operation: the client at its slowest is the longest time
    JmhRow slowClient = new JmhRow("C", "feign", 1, "avgt", 200, 20, "us/op");
    JmhRow fastPlain = new JmhRow("C", "plain", 1, "avgt", 100, 10, "us/op");
    assertEquals(90.0 / 220.0, Targets.pessimisticThroughputRatio(slowClient, fastPlain), 1e-9);
  }

  /** The client target at one thread, judged from these rows of one run. */
  private static BenchmarkReport.Target clientTarget(JmhRow feign, JmhRow plain) {
    return Targets.client(List.of(feign, plain), 1);
  }

  @Test
  void anUnsteadyRunIsMetOnlyWhenTheTargetHoldsAtTheErrorBarsWorst() {
    // this session's run of the HttpClient 5 transport: errors of 26 % and 13 %, ratio 2.13
    BenchmarkReport.Target wide =
        clientTarget(
            new JmhRow(JmhPhase.CLIENT, "feign", 1, "thrpt", 9_765.7, 2_538.2, "ops/s"),
            new JmhRow(JmhPhase.CLIENT, "plain", 1, "thrpt", 4_580.3, 593.1, "ops/s"));
    assertTrue(wide.met(), wide.measured());
    assertTrue(wide.measured().contains("at the error bars' worst 1.397"), wide.measured());

    // a point ratio above the target whose bars straddle it: not judged; steady scores below it:
    // the point ratio decides, as before
    for (double[] feignAndPlain :
        new double[][] {{5_000, 1_500, 5_500, 500}, {5_000, 100, 6_700, 100}}) {
      BenchmarkReport.Target notMet =
          clientTarget(
              new JmhRow(
                  JmhPhase.CLIENT,
                  "feign",
                  1,
                  "thrpt",
                  feignAndPlain[0],
                  feignAndPlain[1],
                  "ops/s"),
              new JmhRow(
                  JmhPhase.CLIENT,
                  "plain",
                  1,
                  "thrpt",
                  feignAndPlain[2],
                  feignAndPlain[3],
                  "ops/s"));
      assertFalse(notMet.met(), notMet.measured());
      assertEquals(
          feignAndPlain[1] > 1_000, notMet.measured().startsWith("UNSTEADY"), notMet.measured());
    }
  }
}
