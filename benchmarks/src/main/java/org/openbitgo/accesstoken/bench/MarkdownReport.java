package org.openbitgo.accesstoken.bench;

import static org.openbitgo.accesstoken.bench.MarkdownTables.cpu;
import static org.openbitgo.accesstoken.bench.MarkdownTables.rows;
import static org.openbitgo.accesstoken.bench.MarkdownTables.tableRow;
import static org.openbitgo.accesstoken.bench.Report.f0;
import static org.openbitgo.accesstoken.bench.Report.f1;
import static org.openbitgo.accesstoken.bench.Report.f2;
import static org.openbitgo.accesstoken.bench.Report.f3;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a {@link BenchmarkReport} for people: the targets first, then one section per phase. Each
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
        + r.targets()
        + r.cold()
        + r.warm()
        + r.soak()
        + r.jmh()
        + r.kit()
        + r.notes();
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
        | load tool | %s, %s thread |
        | `uptime` at start | %s |
        | `uptime` at end | %s |
        | 1-min load average during the run | mean %s, max %s |

        The load average counts this benchmark's own processes too. "CPU" is cores used by this \
        benchmark (wrk or the load generator, and the servers) / by other processes (other builds \
        on the machine) during that measurement, and "load" the 1-minute load average at its end.

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
            report.wrkVersion(),
            Wrk.THREADS,
            m.uptimeAtStart(),
            m.uptimeAtEnd(),
            m.mean1MinLoad(),
            m.max1MinLoad());
  }

  private String targets() {
    return """
        ## Targets (issue 24)

        | target | met? | measured |
        |---|---|---|
        %s
        | check (earlier issues) | met? | measured |
        |---|---|---|
        %s
        """
        .formatted(judged(report.targets()), judged(report.checks()));
  }

  private static String judged(List<BenchmarkReport.Target> targets) {
    return rows(targets, t -> tableRow(t.target(), t.met() ? "yes" : "**NO**", t.measured()));
  }

  private String cold() {
    if (report.cold().isEmpty()) {
      return "";
    }
    SoakLoad.Row own = report.coldOwnGenerator();
    return """
        ## The stub cold, per launch variant

        Per variant, %s fresh processes (the variants take turns): process start → first 200 to a \
        valid create (polled every 5 ms), RSS (`VmRSS`) and threads right then, and at once wrk, \
        %s connections for %s s: the first seconds a CI job that starts the stub meets. Medians; \
        "× Prism" is the cold median over Prism's warm median (below).

        | variant | start → first 200 ms | RSS MiB | req/s | p99 ms | × Prism | errors | command |
        |---|---:|---:|---:|---:|---:|---:|---|
        %s
        %s| process | start → first 200 ms | RSS MiB | threads | req/s | p50 ms | p99 ms | max ms | CPU | load |
        |---|---:|---:|---:|---:|---:|---:|---:|---|---:|
        %s
        """
        .formatted(
            settings.coldRuns(),
            Settings.CONNECTIONS,
            settings.coldWindowSeconds(),
            rows(report.cold(), this::coldVariantRow),
            own == null
                ? ""
                : "The load generator of this harness (`SoakLoad`) in the same window, on one more "
                    + "fresh process of `%s`: %s req/s, p50 %s ms, p99 %s ms, errors %s.\n\n"
                        .formatted(
                            report.cold().get(0).name(),
                            f0(own.requestsPerSecond()),
                            f3(own.latency().p50Ms()),
                            f3(own.latency().p99Ms()),
                            own.errors()),
            rows(
                report.cold(),
                v ->
                    rows(
                        v.runs(),
                        run ->
                            tableRow(
                                run.start().server(),
                                f0(run.start().startupMs()),
                                run.start().rssMiB(),
                                run.start().threads(),
                                f0(run.window().requestsPerSecond()),
                                f3(run.window().p50Ms()),
                                f3(run.window().p99Ms()),
                                f3(run.window().maxMs()),
                                cpu(run.window().cpu()),
                                f2(run.window().load1MinAtEnd())))));
  }

  private String coldVariantRow(BenchmarkReport.ColdVariant v) {
    if (v.failure() != null && v.runs().isEmpty()) {
      return tableRow(
          "**" + v.name() + "**",
          "NOT RUN: " + v.failure(),
          "",
          "",
          "",
          "",
          "",
          "`" + v.command() + "`");
    }
    BenchmarkReport.Warmed prism = report.warm() == null ? null : report.warm().server("Prism");
    return tableRow(
        "**" + v.name() + "**" + (v.failure() == null ? "" : " (failed: " + v.failure() + ")"),
        f0(v.medianStartupMs()),
        f1(v.medianRssMiB()),
        f0(v.medianRequestsPerSecond()),
        f2(v.medianP99Ms()),
        prism == null
            ? ""
            : f1(v.medianRequestsPerSecond() / prism.medianRequestsPerSecond()) + "×",
        v.errors(),
        "`" + v.command() + "`");
  }

  private String warm() {
    BenchmarkReport.Warm w = report.warm();
    if (w == null) {
      return "";
    }
    return """
        ## Warm: stub, canned Netty server, Prism

        Each server in its own process: %s s of unmeasured wrk load (JIT or V8 warm-up), then \
        %s rounds in which the servers take turns, wrk at %s connections for %s s each. The \
        canned-response Netty server answers every request with the stub's full JSON and does no \
        application work: the ceiling of the stub's stack.%s

        | server | median req/s | median p99 ms | req/s per round | p50 / p99 / max ms, last round | errors | CPU, last round | RSS after MiB |
        |---|---:|---:|---|---|---:|---|---:|
        %s
        """
        .formatted(
            settings.serverWarmupSeconds(),
            settings.warmRounds(),
            Settings.CONNECTIONS,
            settings.warmSeconds(),
            w.prismStart() == null
                ? ""
                : " Prism's first 200 came %s ms after its start, at %s MiB RSS."
                    .formatted(f0(w.prismStart().startupMs()), w.prismStart().rssMiB()),
            rows(
                w.servers(),
                s -> {
                  Wrk.Result last = s.rounds().get(s.rounds().size() - 1);
                  return tableRow(
                      s.server(),
                      f0(s.medianRequestsPerSecond()),
                      f2(s.medianP99Ms()),
                      s.rounds().stream()
                          .map(r -> f0(r.requestsPerSecond()))
                          .collect(Collectors.joining(", ")),
                      f3(last.p50Ms()) + " / " + f3(last.p99Ms()) + " / " + f3(last.maxMs()),
                      s.errors(),
                      cpu(last.cpu()),
                      s.rssAfterMiB());
                }));
  }

  private String soak() {
    BenchmarkReport.Soak s = report.soak();
    if (s == null) {
      return "";
    }
    SoakLoad.Row r = s.run();
    return """
        ## Soak: %s connections, %s s, mixed requests

        Driven by this harness's own load generator, `SoakLoad`, because no load tool counts the \
        connections the server closed. A fresh stub, its heap touched at start \
        (`-XX:+AlwaysPreTouch`), so that resident memory shows what grows beside the fixed heap; \
        first %s s of the same load unmeasured (%s requests, errors %s, 5xx %s). Per connection, \
        of every 10 requests 8 are valid creates \
        (200), 1 an invalid body (400, six kinds in turn), 1 an unknown or missing bearer token \
        (401).

        | | value |
        |---|---|
        | requests | %s (%s req/s; p50 %s ms, p99 %s ms) |
        | statuses | %s |
        | connection errors / unexpected statuses / 5xx | **%s / %s / %s** |
        | connections closed by the server | %s |
        | RSS, mean of the first / last %s s | %s / %s MiB: **×%s** (%s); peak %s MiB |
        | live heap after a full GC (`jcmd GC.run`, `-Xlog:gc`): after warm-up / after soak (committed) | %s / %s MiB (%s MiB) |
        | CPU (this benchmark / others), load at the end | %s, %s |

        RSS every second (MiB): %s

        """
        .formatted(
            r.connections(),
            f0(r.seconds()),
            f0(s.warmup().seconds()),
            s.warmup().totalRequests(),
            s.warmup().errors(),
            s.warmup().serverErrors5xx(),
            r.totalRequests(),
            f0(r.requestsPerSecond()),
            f3(r.latency().p50Ms()),
            f3(r.latency().p99Ms()),
            r.statuses(),
            r.connectionErrors(),
            r.unexpectedStatuses(),
            r.serverErrors5xx(),
            r.serverClosedConnections(),
            settings.soakRssWindowSeconds(),
            s.rssFirstWindowMiB(),
            s.rssLastWindowMiB(),
            s.rssLastToFirst(),
            s.rssFlat() ? "flat" : "NOT flat",
            s.rssPeakMiB(),
            orNa(s.liveHeapAfterWarmupMiB()),
            orNa(s.liveHeapAfterSoakMiB()),
            orNa(s.committedHeapAfterSoakMiB()),
            cpu(r.cpu()),
            f2(r.load1MinAtEnd()),
            s.rssEverySecondMiB());
  }

  /** A figure that may be missing (no GC log, no {@code jcmd}). */
  private static String orNa(Double value) {
    return value == null ? "n/a" : String.valueOf(value);
  }

  private String jmh() {
    if (report.jmh().isEmpty()) {
      return "";
    }
    return """
        ## JMH

        JMH's own runner (`org.openjdk.jmh.Main` from `benchmarks.jar`), 1 fork, %s × 1 s \
        warm-up, %s × 1 s measurement, results read from its JSON files \
        (`benchmarks/target/jmh-*.json`). `%s`: the generated client models with \
        `ContractJson.newObjectMapper()` vs a plain `ObjectMapper` and `JsonNode` of the same \
        JSON. `%s`: the Java client vs a plain `java.net.http.HttpClient` against the stub.

        | benchmark | threads | mode | score ± error | unit |
        |---|---:|---|---:|---|
        %s
        """
        .formatted(
            settings.jmhWarmupIterations(),
            settings.jmhMeasurementIterations(),
            JmhPhase.JSON,
            JmhPhase.CLIENT,
            rows(
                report.jmh(),
                r ->
                    tableRow(
                        r.benchmarkClass() + "." + r.method(),
                        r.threads(),
                        r.mode(),
                        f1(r.score()) + " ± " + f1(r.error()),
                        r.unit())));
  }

  private String kit() {
    BenchmarkReport.Kit k = report.kit();
    if (k == null) {
      return "";
    }
    return """
        ## Conformance kit

        The kit's default run against one stub (the first variant's command), whole process from \
        `java -jar` to exit, after one unmeasured run: `%s`. Wall seconds per run: %s; median \
        **%s s**; exit statuses %s.

        """
        .formatted(
            k.command(),
            k.wallSeconds().stream().map(Report::f2).collect(Collectors.joining(", ")),
            f2(k.medianSeconds()),
            k.exits());
  }

  private String notes() {
    return report.notes().isEmpty()
        ? ""
        : "## Notes\n\n" + rows(report.notes(), n -> "- " + n + "\n");
  }
}
