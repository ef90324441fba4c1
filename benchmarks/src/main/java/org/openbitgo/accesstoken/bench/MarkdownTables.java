package org.openbitgo.accesstoken.bench;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Markdown table rows and cells of the benchmark report. */
final class MarkdownTables {

  private MarkdownTables() {}

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

  /** Cores used by this benchmark / by other processes during a measurement. */
  static String cpu(Proc.Cpu cpu) {
    return cpu == null ? "" : cpu.thisBenchmark() + " / " + cpu.others();
  }
}
