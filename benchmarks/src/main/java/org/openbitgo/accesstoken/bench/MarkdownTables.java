package org.openbitgo.accesstoken.bench;

import static org.openbitgo.accesstoken.bench.Report.f0;
import static org.openbitgo.accesstoken.bench.Report.f2;
import static org.openbitgo.accesstoken.bench.Report.f3;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The Markdown tables of the benchmark report: rows, cells, and the load generator's table. */
final class MarkdownTables {

  private MarkdownTables() {}

  /** The load generator's table: its header, then the given rows. */
  static String loadTable(String rows) {
    return """
        | server | connections | req/s | p50 ms | p99 ms | p99.9 ms | errors | server-closed conns | CPU | load |
        |---|---:|---:|---:|---:|---:|---:|---:|---|---:|
        %s"""
        .formatted(rows);
  }

  static String loadRow(String server, LoadGenerator.Row r) {
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

  /** One line per item, each ending with a line break. */
  static <T> String rows(List<T> items, Function<T, String> line) {
    return items.stream().map(line).collect(Collectors.joining());
  }

  /** One Markdown table row: {@code | a | b | c |} and a line break. */
  static String tableRow(Object... cells) {
    return Arrays.stream(cells)
        .map(String::valueOf)
        .collect(Collectors.joining(" | ", "| ", " |\n"));
  }

  static String cpu(LoadGenerator.Row r) {
    return r.cpu() == null ? "" : r.cpu().thisBenchmark() + " / " + r.cpu().others();
  }
}
