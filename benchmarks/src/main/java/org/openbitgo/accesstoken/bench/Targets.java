package org.openbitgo.accesstoken.bench;

import static org.openbitgo.accesstoken.bench.Report.f0;
import static org.openbitgo.accesstoken.bench.Report.f1;
import static org.openbitgo.accesstoken.bench.Report.f2;
import static org.openbitgo.accesstoken.bench.Report.f3;

import java.util.ArrayList;
import java.util.List;
import org.openbitgo.accesstoken.bench.BenchmarkReport.ColdVariant;
import org.openbitgo.accesstoken.bench.BenchmarkReport.JmhRow;
import org.openbitgo.accesstoken.bench.BenchmarkReport.Target;
import org.openbitgo.accesstoken.bench.BenchmarkReport.Warmed;

/**
 * Judges the measured numbers against issue 24's targets (1–3 and 5), and the soak and startup
 * checks kept from earlier issues. A target whose numbers are missing is missed, saying so.
 */
final class Targets {

  /** Target 1: the cold window's throughput, as a multiple of Prism's warm throughput. */
  static final double COLD_TIMES_PRISM = 5;

  /** Target 2: the warm stub's throughput, as a share of the canned Netty server's. */
  static final double WARM_SHARE_OF_CANNED = 0.65;

  /** Target 3: the Java client's throughput, as a share of a plain HttpClient's (1/1.2). */
  static final double CLIENT_SHARE_OF_PLAIN = 0.833;

  /** Target 3: reading the answer into the models, at most this many times the JsonNode read. */
  static final double MODEL_READ_TIMES_TREE = 2;

  /** Target 3: the conformance kit's default run (the kit's README: the 30 s its issue set). */
  static final double KIT_SECONDS = 30;

  /**
   * Target 5, before: the harness's run.sh (60 lines) and Java sources (3,000) without its JMH
   * benchmark class (JsonBenchmarks, 88), which JMH needs written by hand and is counted apart.
   */
  static final int HARNESS_LINES_BEFORE = 2_972;

  private Targets() {}

  static List<Target> judge(
      List<ColdVariant> cold,
      SoakLoad.Row coldOwnGenerator,
      BenchmarkReport.Warm warm,
      List<JmhRow> jmh,
      BenchmarkReport.Kit kit,
      BenchmarkReport.HarnessLines lines) {
    List<Target> targets = new ArrayList<>();
    Warmed prism = warm == null ? null : warm.server("Prism");
    ColdVariant readme = cold.isEmpty() ? null : cold.get(0);
    String target1 =
        "1. stub cold (%s): first seconds after the first 200 >= %sx Prism's warm throughput, p99 <= Prism's"
            .formatted(readme == null ? "no variant" : readme.name(), f0(COLD_TIMES_PRISM));
    if (readme == null || readme.runs().isEmpty() || prism == null) {
      targets.add(
          missing(target1, readme == null || readme.runs().isEmpty() ? "no cold run" : "no Prism"));
    } else {
      double ratio = readme.medianRequestsPerSecond() / prism.medianRequestsPerSecond();
      targets.add(
          new Target(
              target1,
              ratio >= COLD_TIMES_PRISM
                  && readme.medianP99Ms() <= prism.medianP99Ms()
                  && readme.errors() == 0
                  && prism.errors() == 0,
              "%sx: %s req/s, p99 %s ms (wrk, median of %s) vs Prism %s req/s, p99 %s ms%s%s"
                  .formatted(
                      f1(ratio),
                      f0(readme.medianRequestsPerSecond()),
                      f2(readme.medianP99Ms()),
                      readme.runs().size(),
                      f0(prism.medianRequestsPerSecond()),
                      f2(prism.medianP99Ms()),
                      errors(readme.errors() + prism.errors()),
                      coldOwnGenerator == null
                          ? ""
                          : "; own generator %s req/s, p99 %s ms"
                              .formatted(
                                  f0(coldOwnGenerator.requestsPerSecond()),
                                  f2(coldOwnGenerator.latency().p99Ms())))));
    }
    Warmed stub = warm == null ? null : warm.server("stub");
    Warmed canned = warm == null ? null : warm.server("canned Netty");
    String target2 =
        "2. stub warm >= %s of the canned-response Netty server (wrk, %s connections)"
            .formatted(f2(WARM_SHARE_OF_CANNED), Settings.CONNECTIONS);
    if (stub == null || canned == null) {
      targets.add(missing(target2, "no warm run"));
    } else {
      double share = stub.medianRequestsPerSecond() / canned.medianRequestsPerSecond();
      targets.add(
          new Target(
              target2,
              share >= WARM_SHARE_OF_CANNED && stub.errors() == 0 && canned.errors() == 0,
              "%s: %s of %s req/s (median of %s)%s"
                  .formatted(
                      f3(share),
                      f0(stub.medianRequestsPerSecond()),
                      f0(canned.medianRequestsPerSecond()),
                      stub.rounds().size(),
                      errors(stub.errors() + canned.errors()))));
    }
    for (int threads : Settings.CLIENT_THREADS) {
      targets.add(client(jmh, threads));
    }
    targets.add(modelRead(jmh));
    String target3kit =
        "3. conformance kit default run against the stub <= %s s".formatted(f0(KIT_SECONDS));
    if (kit == null || kit.wallSeconds().isEmpty()) {
      targets.add(missing(target3kit, "no kit run"));
    } else {
      boolean allPassed = kit.exits().stream().allMatch(e -> e == 0);
      targets.add(
          new Target(
              target3kit,
              kit.medianSeconds() <= KIT_SECONDS && allPassed,
              "%s s (median of %s)%s"
                  .formatted(
                      f2(kit.medianSeconds()),
                      kit.wallSeconds().size(),
                      allPassed ? "" : "; a run did NOT exit 0: " + kit.exits())));
    }
    targets.add(
        new Target(
            "5. harness: wrk and JMH measure targets 1-3; hand-written only the soak's generator",
            lines.harness() < HARNESS_LINES_BEFORE,
            "harness %s lines (was %s), JMH benchmark classes %s (was 88), tests and golden files %s (was 511)"
                .formatted(
                    f0(lines.harness()),
                    f0(HARNESS_LINES_BEFORE),
                    f0(lines.jmhBenchmarks()),
                    f0(lines.tests()))));
    return targets;
  }

  static final double STEADY_ERROR_SHARE = 0.25;

  /** Whether a JMH score's error is small enough for a ratio of scores to mean something. */
  static boolean steady(JmhRow row) {
    return !(row.error() > STEADY_ERROR_SHARE * row.score());
  }

  /** The client benchmark's variants at one thread count: client / plain, in throughput. */
  static Target client(List<JmhRow> jmh, int threads) {
    String target =
        "3. Java client >= %s of plain HttpClient, %s thread(s) (JMH %s)"
            .formatted(f3(CLIENT_SHARE_OF_PLAIN), threads, JmhPhase.CLIENT);
    JmhRow plain = findClient(jmh, "plain", threads);
    JmhRow client = findClient(jmh, "feign", threads);
    if (plain == null || client == null) {
      return missing(target, "no plain... / feign... method at " + threads + " thread(s)");
    }
    double share = throughputRatio(client, plain);
    JmhRow withModels = findClient(jmh, "plainWithModels", threads);
    // A ratio of scores whose error bars are as wide as a quarter of them (a JIT ramp, a busy
    // machine) says little, unless the target is met even at the bars' worst (the client's score at
    // its lowest, plain's at its highest): met then; otherwise judged not met, and the row says
    // why.
    boolean steady = steady(client) && steady(plain);
    double worst = pessimisticThroughputRatio(client, plain);
    boolean metAtWorst = worst >= CLIENT_SHARE_OF_PLAIN;
    String judged = steady ? "" : metAtWorst ? "" : "UNSTEADY (JMH error > 25 % of a score): ";
    return new Target(
        target,
        metAtWorst || (steady && share >= CLIENT_SHARE_OF_PLAIN),
        judged
            + "%s (%s vs %s %s)%s%s"
                .formatted(
                    f3(share),
                    f1(client.score()),
                    f1(plain.score()),
                    plain.unit(),
                    steady ? "" : "; at the error bars' worst %s".formatted(f3(worst)),
                    withModels == null
                        ? ""
                        : "; vs plain + models %s"
                            .formatted(f3(throughputRatio(client, withModels)))));
  }

  /**
   * {@code a}'s throughput over {@code b}'s with each score moved to the unfavourable end of its
   * error bar: {@code a} at its slowest, {@code b} at its fastest. 0 when {@code b}'s bar reaches
   * zero time per operation (nothing can be concluded then).
   */
  static double pessimisticThroughputRatio(JmhRow a, JmhRow b) {
    if (a.timePerOp()) {
      double bFastest = b.score() - b.error();
      return bFastest <= 0 ? 0 : bFastest / (a.score() + a.error());
    }
    double aSlowest = Math.max(0, a.score() - a.error());
    return aSlowest / (b.score() + b.error());
  }

  private static Target modelRead(List<JmhRow> jmh) {
    String target =
        "3. reading the answer into the models <= %sx the JsonNode read (JMH %s)"
            .formatted(f0(MODEL_READ_TIMES_TREE), JmhPhase.JSON);
    JmhRow model = find(jmh, JmhPhase.JSON, "deserializeResponseModel", 1);
    JmhRow tree = find(jmh, JmhPhase.JSON, "deserializeResponseTree", 1);
    if (model == null || tree == null) {
      return missing(target, "no deserializeResponseModel / deserializeResponseTree result");
    }
    double times = throughputRatio(tree, model);
    return new Target(
        target,
        times <= MODEL_READ_TIMES_TREE,
        "%sx (%s vs %s %s)"
            .formatted(f2(times), f1(model.score()), f1(tree.score()), model.unit()));
  }

  /** The soak's and the startup's checks, kept from earlier issues. */
  static List<Target> checks(
      BenchmarkReport.Soak soak, List<ColdVariant> cold, BenchmarkReport.Warm warm) {
    List<Target> checks = new ArrayList<>();
    BenchmarkReport.ServerStart prism = warm == null ? null : warm.prismStart();
    ColdVariant readme = cold.isEmpty() ? null : cold.get(0);
    if (prism != null && readme != null && !readme.runs().isEmpty()) {
      checks.add(
          new Target(
              "stub (%s): process start to first 200 no slower than Prism's"
                  .formatted(readme.name()),
              readme.medianStartupMs() <= prism.startupMs(),
              "%s vs %s ms".formatted(f0(readme.medianStartupMs()), f0(prism.startupMs()))));
      checks.add(
          new Target(
              "stub (%s): RSS at the first 200 no larger than Prism's".formatted(readme.name()),
              readme.medianRssMiB() <= prism.rssMiB(),
              "%s vs %s MiB".formatted(f1(readme.medianRssMiB()), f1(prism.rssMiB()))));
    }
    if (soak != null) {
      checks.add(
          new Target(
              "soak: zero errors and zero 5xx",
              soak.errors() == 0 && soak.serverErrors() == 0,
              "errors %s, 5xx %s".formatted(soak.errors(), soak.serverErrors())));
      checks.add(
          new Target(
              "soak: keep-alive after 400 and 401 (no connection closed by the server)",
              soak.run().serverClosedConnections() == 0,
              "%s closed of %s requests"
                  .formatted(soak.run().serverClosedConnections(), soak.run().totalRequests())));
      checks.add(
          new Target(
              "soak: RSS flat (last window within 15 % of the first)",
              soak.rssFlat(), "last/first = %s".formatted(soak.rssLastToFirst())));
    }
    return checks;
  }

  /** {@code a}'s throughput over {@code b}'s, whether JMH measured time per op or ops per time. */
  static double throughputRatio(JmhRow a, JmhRow b) {
    return a.timePerOp() ? b.score() / a.score() : a.score() / b.score();
  }

  /**
   * Which client a {@code ClientCallBenchmark} method measures, by its name, whatever suffix it
   * carries (a thread count, say): {@code feign…}, {@code plain…WithModels…}, or {@code plain…}.
   */
  static String clientVariant(String method) {
    String m = method.toLowerCase(java.util.Locale.ROOT);
    if (m.startsWith("feign")) {
      return "feign";
    }
    if (m.startsWith("plain")) {
      return m.contains("withmodels") ? "plainWithModels" : "plain";
    }
    return null;
  }

  private static JmhRow findClient(List<JmhRow> jmh, String variant, int threads) {
    return jmh.stream()
        .filter(
            r ->
                r.benchmarkClass().equals(JmhPhase.CLIENT)
                    && variant.equals(clientVariant(r.method()))
                    && r.threads() == threads)
        .findFirst()
        .orElse(null);
  }

  private static JmhRow find(List<JmhRow> jmh, String benchmarkClass, String method, int threads) {
    return jmh.stream()
        .filter(
            r ->
                r.benchmarkClass().equals(benchmarkClass)
                    && r.method().equals(method)
                    && r.threads() == threads)
        .findFirst()
        .orElse(null);
  }

  private static Target missing(String target, String why) {
    return new Target(target, false, "NOT MEASURED: " + why);
  }

  private static String errors(long errors) {
    return errors == 0 ? "" : "; **%s errors or non-200 answers**".formatted(errors);
  }
}
