package org.openbitgo.accesstoken.bench;

import static org.openbitgo.accesstoken.bench.Report.f0;
import static org.openbitgo.accesstoken.bench.Report.f1;
import static org.openbitgo.accesstoken.bench.Report.f2;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import org.openbitgo.accesstoken.bench.BenchmarkReport.Target;

/** Judges the measured numbers against the project's performance targets. */
final class Targets {

  private Targets() {}

  static List<Target> judge(
      BenchmarkReport.Startup startup,
      LoadGenerator.Row firstSeconds,
      List<BenchmarkReport.ThroughputRow> throughput,
      LoadGenerator.Row ceiling,
      BenchmarkReport.Soak soak,
      List<BenchmarkReport.ClientRow> client) {
    List<Target> targets = new ArrayList<>();
    BenchmarkReport.ServerStart prism = startup.prism();
    if (prism != null) {
      targets.add(
          atMostPrism(
              "stub: process start to first 200 no slower than Prism's",
              startup.stubMedianMs(),
              prism.startupMs(),
              "stub %s ms (median) vs Prism %s ms",
              Report::f0));
      targets.add(
          atMostPrism(
              "stub: RSS at the first 200 no larger than Prism's",
              startup.stubMedianRssMiB(),
              prism.rssMiB(),
              "stub %s MiB vs Prism %s MiB",
              Report::f1));
    }
    LoadGenerator.Row stubWarm = row(throughput, Settings.HEADLINE_CONNECTIONS, true);
    LoadGenerator.Row prismWarm = row(throughput, Settings.HEADLINE_CONNECTIONS, false);
    if (prismWarm != null && firstSeconds != null) {
      targets.add(
          againstPrism(
              "stub, first seconds after start: >= 5x Prism's warm throughput, lower p99",
              5,
              firstSeconds,
              prismWarm,
              " (%s req/s)".formatted(f0(firstSeconds.requestsPerSecond()))));
    }
    if (stubWarm != null && prismWarm != null) {
      targets.add(
          againstPrism(
              "stub, warm: >= 10x Prism's throughput at 32 connections, lower p99",
              10,
              stubWarm,
              prismWarm,
              ""));
    }
    if (stubWarm != null && ceiling != null) {
      double share = stubWarm.requestsPerSecond() / ceiling.requestsPerSecond();
      targets.add(
          new Target(
              "stub, warm: >= 50 % of a canned-response server on the same stack",
              share >= 0.5,
              "%s %% (%s of %s req/s)"
                  .formatted(
                      f0(share * 100),
                      f0(stubWarm.requestsPerSecond()),
                      f0(ceiling.requestsPerSecond()))));
    }
    LoadGenerator.Row stubOne = row(throughput, 1, true);
    if (stubOne != null) {
      targets.add(
          new Target(
              "create round trip median < 1 ms at 1 connection",
              stubOne.latency().p50Ms() < 1.0,
              "p50 %s ms".formatted(f2(stubOne.latency().p50Ms()))));
    }
    for (BenchmarkReport.ClientRow row : client) {
      targets.add(
          new Target(
              "Feign client >= 1/1.2 (0.833) of plain HttpClient, %s thread(s)"
                  .formatted(row.threads()),
              row.feignToPlain() >= 1 / 1.2,
              "Feign/plain = %s".formatted(f2(row.feignToPlain()))));
    }
    if (soak != null) {
      targets.add(
          new Target(
              "soak: zero errors and zero 5xx",
              soak.errors() == 0 && soak.serverErrors() == 0,
              "errors %s, 5xx %s".formatted(soak.errors(), soak.serverErrors())));
      targets.add(
          new Target(
              "soak: keep-alive after 400 and 401 (no connection closed by the server)",
              soak.run().serverClosedConnections() == 0,
              "%s closed of %s requests"
                  .formatted(soak.run().serverClosedConnections(), soak.run().totalRequests())));
      targets.add(
          new Target(
              "soak: RSS flat (last window within 15 % of the first)",
              soak.rssFlat(), "last/first = %s".formatted(soak.rssLastToFirst())));
    }
    return targets;
  }

  /** Less is better: the stub's median at most Prism's, both shown with the same digits. */
  private static Target atMostPrism(
      String target, double stub, double prism, String measured, DoubleFunction<String> digits) {
    return new Target(
        target, stub <= prism, measured.formatted(digits.apply(stub), digits.apply(prism)));
  }

  /**
   * The stub at {@code factor} times Prism's warm throughput or more, at a lower p99; {@code rate}
   * follows the ratio in the measured text.
   */
  private static Target againstPrism(
      String target,
      double factor,
      LoadGenerator.Row stub,
      LoadGenerator.Row prismWarm,
      String rate) {
    double ratio = stub.requestsPerSecond() / prismWarm.requestsPerSecond();
    double stubP99 = stub.latency().p99Ms();
    double prismP99 = prismWarm.latency().p99Ms();
    return new Target(
        target,
        ratio >= factor && stubP99 < prismP99,
        "%sx%s; p99 %s vs %s ms".formatted(f1(ratio), rate, f2(stubP99), f2(prismP99)));
  }

  static LoadGenerator.Row row(
      List<BenchmarkReport.ThroughputRow> rows, int connections, boolean stub) {
    for (BenchmarkReport.ThroughputRow row : rows) {
      if (row.connections() == connections) {
        return stub ? row.stub() : row.prism();
      }
    }
    return null;
  }
}
