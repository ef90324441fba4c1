package org.openbitgo.accesstoken.bench;

import static org.openbitgo.accesstoken.bench.Report.f0;
import static org.openbitgo.accesstoken.bench.Report.f1;
import static org.openbitgo.accesstoken.bench.Report.f2;

import java.util.ArrayList;
import java.util.List;
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
          new Target(
              "stub: process start to first 200 no slower than Prism's",
              startup.stubMedianMs() <= prism.startupMs(),
              "stub "
                  + f0(startup.stubMedianMs())
                  + " ms (median) vs Prism "
                  + f0(prism.startupMs())
                  + " ms"));
      targets.add(
          new Target(
              "stub: RSS at the first 200 no larger than Prism's",
              startup.stubMedianRssMiB() <= prism.rssMiB(),
              "stub "
                  + f1(startup.stubMedianRssMiB())
                  + " MiB vs Prism "
                  + f1(prism.rssMiB())
                  + " MiB"));
    }
    LoadGenerator.Row stubWarm = row(throughput, Settings.HEADLINE_CONNECTIONS, true);
    LoadGenerator.Row prismWarm = row(throughput, Settings.HEADLINE_CONNECTIONS, false);
    if (prismWarm != null && firstSeconds != null) {
      double ratio = firstSeconds.requestsPerSecond() / prismWarm.requestsPerSecond();
      targets.add(
          new Target(
              "stub, first seconds after start: >= 5x Prism's warm throughput, lower p99",
              ratio >= 5 && firstSeconds.latency().p99Ms() < prismWarm.latency().p99Ms(),
              f1(ratio)
                  + "x ("
                  + f0(firstSeconds.requestsPerSecond())
                  + " req/s); p99 "
                  + f2(firstSeconds.latency().p99Ms())
                  + " vs "
                  + f2(prismWarm.latency().p99Ms())
                  + " ms"));
    }
    if (stubWarm != null && prismWarm != null) {
      double ratio = stubWarm.requestsPerSecond() / prismWarm.requestsPerSecond();
      targets.add(
          new Target(
              "stub, warm: >= 10x Prism's throughput at 32 connections, lower p99",
              ratio >= 10 && stubWarm.latency().p99Ms() < prismWarm.latency().p99Ms(),
              f1(ratio)
                  + "x; p99 "
                  + f2(stubWarm.latency().p99Ms())
                  + " vs "
                  + f2(prismWarm.latency().p99Ms())
                  + " ms"));
    }
    if (stubWarm != null && ceiling != null) {
      double share = stubWarm.requestsPerSecond() / ceiling.requestsPerSecond();
      targets.add(
          new Target(
              "stub, warm: >= 50 % of a canned-response server on the same stack",
              share >= 0.5,
              f0(share * 100)
                  + " % ("
                  + f0(stubWarm.requestsPerSecond())
                  + " of "
                  + f0(ceiling.requestsPerSecond())
                  + " req/s)"));
    }
    LoadGenerator.Row stubOne = row(throughput, 1, true);
    if (stubOne != null) {
      targets.add(
          new Target(
              "create round trip median < 1 ms at 1 connection",
              stubOne.latency().p50Ms() < 1.0,
              "p50 " + f2(stubOne.latency().p50Ms()) + " ms"));
    }
    for (BenchmarkReport.ClientRow row : client) {
      targets.add(
          new Target(
              "Feign client >= 1/1.2 (0.833) of plain HttpClient, " + row.threads() + " thread(s)",
              row.feignToPlain() >= 1 / 1.2,
              "Feign/plain = " + f2(row.feignToPlain())));
    }
    if (soak != null) {
      targets.add(
          new Target(
              "soak: zero errors and zero 5xx",
              soak.errors() == 0 && soak.serverErrors() == 0,
              "errors " + soak.errors() + ", 5xx " + soak.serverErrors()));
      targets.add(
          new Target(
              "soak: keep-alive after 400 and 401 (no connection closed by the server)",
              soak.run().serverClosedConnections() == 0,
              soak.run().serverClosedConnections()
                  + " closed of "
                  + soak.run().totalRequests()
                  + " requests"));
      targets.add(
          new Target(
              "soak: RSS flat (last window within 15 % of the first)",
              soak.rssFlat(), "last/first = " + soak.rssLastToFirst()));
    }
    return targets;
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
