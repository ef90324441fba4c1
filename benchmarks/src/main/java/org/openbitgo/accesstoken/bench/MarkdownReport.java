package org.openbitgo.accesstoken.bench;

import static org.openbitgo.accesstoken.bench.MarkdownTables.cpu;
import static org.openbitgo.accesstoken.bench.MarkdownTables.loadRow;
import static org.openbitgo.accesstoken.bench.MarkdownTables.loadTable;
import static org.openbitgo.accesstoken.bench.MarkdownTables.rows;
import static org.openbitgo.accesstoken.bench.MarkdownTables.tableRow;
import static org.openbitgo.accesstoken.bench.Report.f0;
import static org.openbitgo.accesstoken.bench.Report.f1;
import static org.openbitgo.accesstoken.bench.Report.f2;
import static org.openbitgo.accesstoken.bench.Report.f3;

/**
 * Renders a {@link BenchmarkReport} for people: one section per phase, the targets last. Each
 * section is a template that reads like the Markdown it produces; a {@code %s} alone on its line
 * takes table rows, each of which ends its own line.
 */
final class MarkdownReport {

  private final BenchmarkReport report;
  private final Settings settings;

  private MarkdownReport(BenchmarkReport report) {
    this.report = report;
    this.settings = report.settings();
  }

  static String render(BenchmarkReport report) {
    MarkdownReport r = new MarkdownReport(report);
    return r.header()
        + r.stacks()
        + r.startup()
        + r.throughput()
        + r.soak()
        + r.client()
        + r.jmh()
        + r.targets();
  }

  private String header() {
    BenchmarkReport.Machine m = report.machine();
    return """
        # Benchmark report (%s run)

        Generated %s in %s s by `bash benchmarks/run.sh%s`.

        | machine | |
        |---|---|
        | cores | %s (%s) |
        | memory | %s GiB |
        | OS | %s |
        | Java | %s |
        | `uptime` at start | %s |
        | `uptime` at end | %s |
        | 1-min load average during the run | mean %s, max %s |

        The load average counts this benchmark's own processes too. In every table, "CPU" is \
        cores used by this benchmark (load generator and servers) / by other processes (other \
        builds on the machine) during that measurement, and "load" the 1-minute load average at \
        its end.

        """
        .formatted(
            settings.mode(),
            report.generatedAt(),
            report.durationSeconds(),
            settings.mode().equals("quick") ? " --quick" : "",
            m.cores(),
            m.cpuModel(),
            m.memoryGiB(),
            m.os(),
            m.java(),
            m.uptimeAtStart(),
            m.uptimeAtEnd(),
            m.mean1MinLoad(),
            m.max1MinLoad());
  }

  private String stacks() {
    if (report.stacks().isEmpty()) {
      return "";
    }
    return """
        ## HTTP stacks: canned-response servers

        Each server reads the request body and answers 200 with the stub's full JSON answer, no \
        application work: the ceiling of each stack the stub could run on, measured at %s \
        connections after %s s of warm-up. The stub runs on Netty.

        | stack | start → first 200 ms | RSS MiB | threads | req/s | p50 ms | p99 ms | CPU | load |
        |---|---:|---:|---:|---:|---:|---:|---|---:|
        %s
        """
        .formatted(
            Settings.HEADLINE_CONNECTIONS,
            f0(settings.warmupSeconds()),
            rows(
                report.stacks(),
                row ->
                    tableRow(
                        row.stack(),
                        f0(row.start().startupMs()),
                        row.start().rssMiB(),
                        row.start().threads(),
                        f0(row.canned().requestsPerSecond()),
                        f3(row.canned().latency().p50Ms()),
                        f3(row.canned().latency().p99Ms()),
                        cpu(row.canned()),
                        f2(row.canned().load1MinAtEnd()))));
  }

  private String startup() {
    BenchmarkReport.Startup s = report.startup();
    BenchmarkReport.ServerStart prism = s.prism();
    return """
        ## Startup, memory and the first seconds

        Stub command: `%s`, stdout discarded. Process start → first 200 to a valid create \
        (polled every 5 ms), RSS (`VmRSS`) right then.

        | process | start → first 200 ms | RSS MiB | threads |
        |---|---:|---:|---:|
        %s\
        | **stub, median** | **%s** | **%s** | |
        %s%s"""
        .formatted(
            s.stubCommand(),
            rows(
                s.stubRuns(),
                run -> tableRow(run.server(), f0(run.startupMs()), run.rssMiB(), run.threads())),
            f0(s.stubMedianMs()),
            s.stubMedianRssMiB(),
            prism == null
                ? ""
                : tableRow("Prism", f0(prism.startupMs()), prism.rssMiB(), prism.threads()),
            firstSeconds());
  }

  private String firstSeconds() {
    LoadGenerator.Row first = report.firstSeconds();
    if (first == null) {
      return "\n"; // the blank line that ends the startup section
    }
    return """

        **The first seconds**: the first stub process above, loaded with valid creates at %s \
        connections from the moment of its first 200, %s s measured, no warm-up:

        %s
        """
        .formatted(
            first.connections(),
            f0(first.measuredSeconds()),
            loadTable(loadRow("stub, cold", first)));
  }

  private String throughput() {
    String loads =
        rows(
            report.throughput(),
            row ->
                loadRow("stub", row.stub())
                    + (row.prism() == null ? "" : loadRow("Prism", row.prism())));
    if (report.ceiling() != null) {
      loads += loadRow("canned Netty (ceiling)", report.ceiling());
    }
    String ratios =
        rows(
            report.throughput().stream().filter(row -> row.prism() != null).toList(),
            row ->
                tableRow(
                    row.connections(),
                    "**"
                        + f1(row.stub().requestsPerSecond() / row.prism().requestsPerSecond())
                        + "×**",
                    f1(row.prism().latency().p99Ms() / row.stub().latency().p99Ms()) + "×"));
    BenchmarkReport.ResidentMemory rss = report.residentMemory();
    return """
        ## Warm: stub vs Prism, valid create requests

        Closed loop, one raw-socket HTTP/1.1 keep-alive connection per thread, the spec's `full` \
        request (%s bytes). %s s of unmeasured load per server process, then per row %s s \
        warm-up + %s s measured; stub and Prism alternate per concurrency. The ceiling is the \
        canned-response Netty server (its own process, warmed the same way), measured between \
        the stub's and Prism's %s-connection rows.

        %s
        | connections | throughput stub / Prism | p99 Prism / stub |
        |---:|---:|---:|
        %s
        RSS after these runs: stub %s MiB%s.

        """
        .formatted(
            Payloads.FULL_REQUEST.length(),
            f0(settings.serverWarmupSeconds()),
            f0(settings.warmupSeconds()),
            f0(settings.measureSeconds()),
            Settings.HEADLINE_CONNECTIONS,
            loadTable(loads),
            ratios,
            rss.stubAfterThroughputMiB(),
            rss.prismAfterThroughputMiB() == null
                ? ""
                : ", Prism " + rss.prismAfterThroughputMiB() + " MiB");
  }

  private String soak() {
    BenchmarkReport.Soak s = report.soak();
    if (s == null) {
      return "";
    }
    LoadGenerator.Row r = s.run();
    BenchmarkReport.GcWindows heap = s.heap();
    return """
        ## Soak: %s connections, %s s, mixed requests

        A fresh stub; first %s s of the same load unmeasured (%s requests, errors %s, 5xx %s). \
        Per connection, of every 10 requests 8 are valid creates (200), 1 an invalid body (400, \
        six kinds in turn), 1 an unknown or missing bearer token (401).

        | | value |
        |---|---|
        | requests | %s (%s req/s; p50 %s ms, p99 %s ms) |
        | statuses | %s |
        | connection errors / unexpected statuses / 5xx | **%s / %s / %s** |
        | connections closed by the server | %s |
        | RSS, mean of the first / last %s s | %s / %s MiB: **×%s** (%s); peak %s MiB |
        %s\
        | live heap after a full GC (`jcmd GC.run`): after warm-up / after soak | %s / %s MiB |
        | CPU / load | %s / %s |

        RSS every second (MiB): %s

        """
        .formatted(
            r.connections(),
            f0(r.measuredSeconds()),
            f0(s.warmup().measuredSeconds()),
            s.warmup().totalRequests(),
            s.warmup().errors(),
            s.warmup().serverErrors5xx(),
            r.totalRequests(),
            f0(r.requestsPerSecond()),
            r.latency().p50Ms(),
            r.latency().p99Ms(),
            r.statuses(),
            r.connectionErrors(),
            r.unexpectedStatuses(),
            r.serverErrors5xx(),
            r.serverClosedConnections(),
            f0(settings.soakRssWindowSeconds()),
            s.rssFirstWindowMiB(),
            s.rssLastWindowMiB(),
            s.rssLastToFirst(),
            s.rssFlat() ? "flat" : "NOT flat",
            s.rssPeakMiB(),
            heap == null
                ? ""
                : tableRow(
                    "Java heap after young GCs, first / last window (committed)",
                    "%s / %s MiB (%s / %s MiB; %s collections)"
                        .formatted(
                            heap.afterGcFirstMiB(),
                            heap.afterGcLastMiB(),
                            heap.committedFirstMiB(),
                            heap.committedLastMiB(),
                            heap.collections())),
            s.liveHeapAfterWarmupMiB(),
            s.liveHeapAfterSoakMiB(),
            cpu(r),
            f2(r.load1MinAtEnd()),
            s.rssEverySecondMiB());
  }

  private String client() {
    if (report.client().isEmpty()) {
      return "";
    }
    return """
        ## Client: Feign `AccessTokenClient` vs plain `java.net.http.HttpClient`

        Same stub process, same body bytes and headers, both HTTP/1.1 with a connection pool; \
        %s s warm-up per variant, then %s rounds in which the variants take turns, %s s each. \
        "plain + Jackson" also encodes the model and decodes `AccessToken` as Feign does.

        | threads | client | req/s | p50 ms | p99 ms | errors |
        |---:|---|---:|---:|---:|---:|
        %s
        | threads | Feign / plain (bytes) | Feign / plain + Jackson |
        |---:|---:|---:|
        %s
        """
        .formatted(
            f0(settings.clientWarmupSeconds()),
            settings.clientRounds(),
            f0(settings.clientMeasureSeconds()),
            rows(
                report.client(),
                row ->
                    rows(
                        row.variants(),
                        v ->
                            tableRow(
                                row.threads(),
                                v.client(),
                                f0(v.requestsPerSecond()),
                                v.latency().p50Ms(),
                                v.latency().p99Ms(),
                                v.errors()))),
            rows(
                report.client(),
                row ->
                    tableRow(
                        row.threads(),
                        "**" + f3(row.feignToPlain()) + "**",
                        f3(row.feignToPlainWithJackson()))));
  }

  private String jmh() {
    if (report.jmh().isEmpty()) {
      return "";
    }
    return """
        ## JSON (JMH)

        1 fork, %s × 1 s warm-up, %s × 1 s measurement, average time, one thread. "model" = \
        generated client models with `ContractJson.newObjectMapper()`; "tree" = a plain \
        `ObjectMapper` and `JsonNode` of the same JSON.

        | benchmark | score ± error | unit |
        |---|---:|---|
        %s
        """
        .formatted(
            settings.jmhWarmupIterations(),
            settings.jmhMeasurementIterations(),
            rows(
                report.jmh(),
                r -> tableRow(r.benchmark(), f1(r.score()) + " ± " + f1(r.error()), r.unit())));
  }

  private String targets() {
    String notes =
        report.notes().isEmpty()
            ? ""
            : "\n## Notes\n\n" + rows(report.notes(), n -> "- " + n + "\n");
    return """
        ## Targets

        | target | met? | measured |
        |---|---|---|
        %s%s"""
        .formatted(
            rows(
                report.targets(),
                t -> tableRow(t.target(), t.met() ? "yes" : "**NO**", t.measured())),
            notes);
  }
}
