package org.openbitgo.accesstoken.contract;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a gate run by exec:java ends. A main that throws makes exec-maven-plugin print the refusal
 * under a stack trace, so a gate instead prints its lines, and on refusal also writes them to
 * {@code <refusals>/<gate>.txt}; the {@code contract-gates-passed} enforcer check right after the
 * gates fails the build when such a file exists.
 */
final class GateExit {

  private GateExit() {}

  /**
   * Prints {@code text}, one {@code [gate]} line per line; records a refusal; returns {@code
   * accepted}.
   */
  static boolean finish(
      String gate, boolean accepted, String text, Path refusals, PrintStream out) {
    text.lines().forEach(line -> out.println("[" + gate + "] " + line));
    Path marker = refusals.resolve(gate + ".txt");
    try {
      if (accepted) {
        Files.deleteIfExists(marker);
      } else {
        Files.createDirectories(refusals);
        Files.writeString(marker, text + System.lineSeparator(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return accepted;
  }
}
