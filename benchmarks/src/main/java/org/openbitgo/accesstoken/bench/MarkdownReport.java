package org.openbitgo.accesstoken.bench;

import static org.openbitgo.accesstoken.bench.Report.f0;
import static org.openbitgo.accesstoken.bench.Report.f1;
import static org.openbitgo.accesstoken.bench.Report.f2;
import static org.openbitgo.accesstoken.bench.Report.f3;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.openbitgo.accesstoken.bench.BenchmarkReport.ServerStart;

/** Renders a {@link BenchmarkReport} for people: one section per phase, the targets last. */
final class MarkdownReport {

  private final BenchmarkReport report;
  private final Settings settings;
  private final StringBuilder md = new StringBuilder();

  private MarkdownReport(BenchmarkReport report) {
    this.report = report;
    this.settings = report.settings();
  }

  static String render(BenchmarkReport report) {
    MarkdownReport r = new MarkdownReport(report);
    r.header();
    r.stacks();
    r.startup();
    r.throughput();
    r.soak();
    r.client();
    r.jmh();
    r.targets();
    return r.md.toString();
  }

  private void header() {
    BenchmarkReport.Machine m = report.machine();
    md.append("# Benchmark report (")
        .append(settings.mode())
        .append(" run)\n\n")
        .append("Generated ")
        .append(report.generatedAt())
        .append(" in ")
        .append(report.durationSeconds())
        .append(" s by `bash benchmarks/run.sh")
        .append(settings.mode().equals("quick") ? " --quick" : "")
        .append("`.\n\n| machine | |\n|---|---|\n")
        .append("| cores | ")
        .append(m.cores())
        .append(" (")
        .append(m.cpuModel())
        .append(") |\n")
        .append("| memory | ")
        .append(m.memoryGiB())
        .append(" GiB |\n")
        .append("| OS | ")
        .append(m.os())
        .append(" |\n")
        .append("| Java | ")
        .append(m.java())
        .append(" |\n")
        .append("| `uptime` at start | ")
        .append(m.uptimeAtStart())
        .append(" |\n")
        .append("| `uptime` at end | ")
        .append(m.uptimeAtEnd())
        .append(" |\n")
        .append("| 1-min load average during the run | mean ")
        .append(m.mean1MinLoad())
        .append(", max ")
        .append(m.max1MinLoad())
        .append(" |\n\n")
        .append(
            "The load average counts this benchmark's own processes too. In every table, \"CPU\" is"
                + " cores used by this benchmark (load generator and servers) / by other processes (other"
                + " builds on the machine) during that measurement, and \"load\" the 1-minute load average"
                + " at its end.\n\n");
  }

  private void stacks() {
    if (report.stacks().isEmpty()) {
      return;
    }
    md.append("## HTTP stacks: canned-response servers\n\n")
        .append(
            "Each server reads the request body and answers 200 with the stub's full JSON answer, no"
                + " application work: the ceiling of each stack the stub could run on, measured at ")
        .append(Settings.HEADLINE_CONNECTIONS)
        .append(" connections after ")
        .append(f0(settings.warmupSeconds()))
        .append(" s of warm-up. The stub runs on Netty.\n\n")
        .append(
            "| stack | start → first 200 ms | RSS MiB | threads | req/s | p50 ms | p99 ms | CPU | load |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---|---:|\n");
    for (BenchmarkReport.StackRow row : report.stacks()) {
      LoadGenerator.Row r = row.canned();
      md.append(
          tableRow(
              row.stack(),
              f0(row.start().startupMs()),
              row.start().rssMiB(),
              row.start().threads(),
              f0(r.requestsPerSecond()),
              f3(r.latency().p50Ms()),
              f3(r.latency().p99Ms()),
              cpu(r),
              f2(r.load1MinAtEnd())));
    }
    md.append("\n");
  }

  private void startup() {
    BenchmarkReport.Startup s = report.startup();
    md.append("## Startup, memory and the first seconds\n\n")
        .append("Stub command: `")
        .append(s.stubCommand())
        .append(
            "`, stdout discarded. Process start →"
                + " first 200 to a valid create (polled every 5 ms), RSS (`VmRSS`) right then.\n\n")
        .append("| process | start → first 200 ms | RSS MiB | threads |\n|---|---:|---:|---:|\n");
    for (ServerStart run : s.stubRuns()) {
      md.append(tableRow(run.server(), f0(run.startupMs()), run.rssMiB(), run.threads()));
    }
    md.append("| **stub, median** | **")
        .append(f0(s.stubMedianMs()))
        .append("** | **")
        .append(s.stubMedianRssMiB())
        .append("** | |\n");
    if (s.prism() != null) {
      md.append("| Prism | ")
          .append(f0(s.prism().startupMs()))
          .append(" | ")
          .append(s.prism().rssMiB())
          .append(" | ")
          .append(s.prism().threads())
          .append(" |\n");
    }
    LoadGenerator.Row first = report.firstSeconds();
    if (first != null) {
      md.append(
              "\n**The first seconds**: the first stub process above, loaded with valid creates at ")
          .append(first.connections())
          .append(" connections from the moment of its first 200, ")
          .append(f0(first.measuredSeconds()))
          .append(" s measured, no warm-up:\n\n")
          .append(loadHeader())
          .append(loadRow("stub, cold", first))
          .append("\n");
    }
  }

  private void throughput() {
    md.append("## Warm: stub vs Prism, valid create requests\n\n")
        .append(
            "Closed loop, one raw-socket HTTP/1.1 keep-alive connection per thread, the spec's `full`"
                + " request (")
        .append(Payloads.FULL_REQUEST.length())
        .append(" bytes). ")
        .append(f0(settings.serverWarmupSeconds()))
        .append(" s of unmeasured load per server process, then per row ")
        .append(f0(settings.warmupSeconds()))
        .append(" s warm-up + ")
        .append(f0(settings.measureSeconds()))
        .append(
            " s measured; stub and Prism alternate per concurrency. The ceiling is the canned-response"
                + " Netty server (its own process, warmed the same way), measured between the stub's and Prism's "
                + Settings.HEADLINE_CONNECTIONS
                + "-connection rows.\n\n")
        .append(loadHeader());
    for (BenchmarkReport.ThroughputRow row : report.throughput()) {
      md.append(loadRow("stub", row.stub()));
      if (row.prism() != null) {
        md.append(loadRow("Prism", row.prism()));
      }
    }
    if (report.ceiling() != null) {
      md.append(loadRow("canned Netty (ceiling)", report.ceiling()));
    }
    md.append("\n| connections | throughput stub / Prism | p99 Prism / stub |\n|---:|---:|---:|\n");
    for (BenchmarkReport.ThroughputRow row : report.throughput()) {
      if (row.prism() != null) {
        md.append(
            tableRow(
                row.connections(),
                "**" + f1(row.stub().requestsPerSecond() / row.prism().requestsPerSecond()) + "×**",
                f1(row.prism().latency().p99Ms() / row.stub().latency().p99Ms()) + "×"));
      }
    }
    BenchmarkReport.ResidentMemory rss = report.residentMemory();
    md.append("\nRSS after these runs: stub ")
        .append(rss.stubAfterThroughputMiB())
        .append(" MiB")
        .append(
            rss.prismAfterThroughputMiB() == null
                ? ""
                : ", Prism " + rss.prismAfterThroughputMiB() + " MiB")
        .append(".\n\n");
  }

  private void soak() {
    BenchmarkReport.Soak s = report.soak();
    if (s == null) {
      return;
    }
    LoadGenerator.Row r = s.run();
    md.append("## Soak: ")
        .append(r.connections())
        .append(" connections, ")
        .append(f0(r.measuredSeconds()))
        .append(" s, mixed requests\n\n")
        .append("A fresh stub; first ")
        .append(f0(s.warmup().measuredSeconds()))
        .append(" s of the same load" + " unmeasured (")
        .append(s.warmup().totalRequests())
        .append(" requests, errors ")
        .append(s.warmup().errors())
        .append(", 5xx ")
        .append(s.warmup().serverErrors5xx())
        .append(
            "). Per connection, of every 10 requests 8 are valid creates (200), 1 an invalid body (400,"
                + " six kinds in turn), 1 an unknown or missing bearer token (401).\n\n| | value |\n|---|---|\n")
        .append("| requests | ")
        .append(r.totalRequests())
        .append(" (")
        .append(f0(r.requestsPerSecond()))
        .append(" req/s; p50 ")
        .append(r.latency().p50Ms())
        .append(" ms, p99 ")
        .append(r.latency().p99Ms())
        .append(" ms) |\n| statuses | ")
        .append(r.statuses())
        .append(" |\n")
        .append("| connection errors / unexpected statuses / 5xx | **")
        .append(r.connectionErrors())
        .append(" / ")
        .append(r.unexpectedStatuses())
        .append(" / ")
        .append(r.serverErrors5xx())
        .append("** |\n")
        .append("| connections closed by the server | ")
        .append(r.serverClosedConnections())
        .append(" |\n")
        .append("| RSS, mean of the first / last ")
        .append(f0(settings.soakRssWindowSeconds()))
        .append(" s | ")
        .append(s.rssFirstWindowMiB())
        .append(" / ")
        .append(s.rssLastWindowMiB())
        .append(" MiB: **×")
        .append(s.rssLastToFirst())
        .append("** (")
        .append(s.rssFlat() ? "flat" : "NOT flat")
        .append("); peak ")
        .append(s.rssPeakMiB())
        .append(" MiB |\n");
    if (s.heap() != null) {
      md.append("| Java heap after young GCs, first / last window (committed) | ")
          .append(s.heap().afterGcFirstMiB())
          .append(" / ")
          .append(s.heap().afterGcLastMiB())
          .append(" MiB (")
          .append(s.heap().committedFirstMiB())
          .append(" / ")
          .append(s.heap().committedLastMiB())
          .append(" MiB; ")
          .append(s.heap().collections())
          .append(" collections) |\n");
    }
    md.append("| live heap after a full GC (`jcmd GC.run`): after warm-up / after soak | ")
        .append(s.liveHeapAfterWarmupMiB())
        .append(" / ")
        .append(s.liveHeapAfterSoakMiB())
        .append(" MiB |\n")
        .append("| CPU / load | ")
        .append(cpu(r))
        .append(" / ")
        .append(f2(r.load1MinAtEnd()))
        .append(" |\n\n")
        .append("RSS every second (MiB): ")
        .append(s.rssEverySecondMiB())
        .append("\n\n");
  }

  private void client() {
    if (report.client().isEmpty()) {
      return;
    }
    md.append("## Client: Feign `AccessTokenClient` vs plain `java.net.http.HttpClient`\n\n")
        .append(
            "Same stub process, same body bytes and headers, both HTTP/1.1 with a connection pool; ")
        .append(f0(settings.clientWarmupSeconds()))
        .append(" s warm-up per variant, then ")
        .append(settings.clientRounds())
        .append(" rounds in which the variants take turns, ")
        .append(f0(settings.clientMeasureSeconds()))
        .append(
            " s each. \"plain + Jackson\" also encodes the"
                + " model and decodes `AccessToken` as Feign does.\n\n")
        .append(
            "| threads | client | req/s | p50 ms | p99 ms | errors |\n|---:|---|---:|---:|---:|---:|\n");
    for (BenchmarkReport.ClientRow row : report.client()) {
      for (ClientComparison.Row v : row.variants()) {
        md.append(
            tableRow(
                row.threads(),
                v.client(),
                f0(v.requestsPerSecond()),
                v.latency().p50Ms(),
                v.latency().p99Ms(),
                v.errors()));
      }
    }
    md.append(
        "\n| threads | Feign / plain (bytes) | Feign / plain + Jackson |\n|---:|---:|---:|\n");
    for (BenchmarkReport.ClientRow row : report.client()) {
      md.append(
          tableRow(
              row.threads(),
              "**" + f3(row.feignToPlain()) + "**",
              f3(row.feignToPlainWithJackson())));
    }
    md.append("\n");
  }

  private void jmh() {
    if (report.jmh().isEmpty()) {
      return;
    }
    md.append("## JSON (JMH)\n\n1 fork, ")
        .append(settings.jmhWarmupIterations())
        .append(" × 1 s warm-up, ")
        .append(settings.jmhMeasurementIterations())
        .append(
            " × 1 s measurement, average time, one thread."
                + " \"model\" = generated client models with `ContractJson.newObjectMapper()`; \"tree\" = a plain"
                + " `ObjectMapper` and `JsonNode` of the same JSON.\n\n| benchmark | score ± error | unit |\n|---|---:|---|\n");
    for (BenchmarkReport.JmhRow r : report.jmh()) {
      md.append(tableRow(r.benchmark(), f1(r.score()) + " ± " + f1(r.error()), r.unit()));
    }
    md.append("\n");
  }

  private void targets() {
    md.append("## Targets\n\n| target | met? | measured |\n|---|---|---|\n");
    for (BenchmarkReport.Target t : report.targets()) {
      md.append(tableRow(t.target(), t.met() ? "yes" : "**NO**", t.measured()));
    }
    if (!report.notes().isEmpty()) {
      md.append("\n## Notes\n\n");
      report.notes().forEach(n -> md.append("- ").append(n).append("\n"));
    }
  }

  private static String loadHeader() {
    return "| server | connections | req/s | p50 ms | p99 ms | p99.9 ms | errors | server-closed conns | CPU | load |\n"
        + "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|\n";
  }

  private static String loadRow(String server, LoadGenerator.Row r) {
    return tableRow(
        server,
        r.connections(),
        f0(r.requestsPerSecond()),
        f3(r.latency().p50Ms()),
        f3(r.latency().p99Ms()),
        f3(r.latency().p999Ms()),
        r.errors(),
        r.serverClosedConnections(),
        cpu(r),
        f2(r.load1MinAtEnd()));
  }

  /** One Markdown table row: {@code | a | b | c |} and a line break. */
  private static String tableRow(Object... cells) {
    return Arrays.stream(cells)
        .map(String::valueOf)
        .collect(Collectors.joining(" | ", "| ", " |\n"));
  }

  private static String cpu(LoadGenerator.Row r) {
    return r.cpu() == null ? "" : r.cpu().thisBenchmark() + " / " + r.cpu().others();
  }
}
