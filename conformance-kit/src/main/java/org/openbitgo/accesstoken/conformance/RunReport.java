package org.openbitgo.accesstoken.conformance;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * The console progress (one line per check as it finishes), the summary with one line per failed
 * check, and the Markdown report a person reads. Messages are redacted before they get here.
 */
final class RunReport implements TestExecutionListener {

  /** How one check ended. */
  enum Outcome {
    PASSED("ok"),
    FAILED("FAIL"),
    NOTED("note");

    final String label;

    Outcome(String label) {
      this.label = label;
    }
  }

  record Result(Check check, Outcome outcome, String message) {}

  private final PrintStream out;
  private final Map<String, Check> checksByDisplayName = new LinkedHashMap<>();
  private final List<Result> results = new ArrayList<>();

  RunReport(PrintStream out, List<Check> checks) {
    this.out = out;
    checks.forEach(check -> checksByDisplayName.put(check.displayName(), check));
  }

  @Override
  public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
    Check check = checksByDisplayName.get(test.getDisplayName());
    if (!test.isTest() || check == null) {
      if (result.getStatus() == TestExecutionResult.Status.FAILED && check == null) {
        // the run itself broke (e.g. the factory): count it as a failure, visibly
        String message = result.getThrowable().map(Throwable::toString).orElse("failed");
        out.println("  FAIL " + test.getDisplayName() + ": " + message);
        results.add(
            new Result(
                Check.contract(test.getDisplayName(), "the run itself", c -> {}),
                Outcome.FAILED,
                message));
      }
      return;
    }
    Outcome outcome =
        switch (result.getStatus()) {
          case SUCCESSFUL -> Outcome.PASSED;
          case ABORTED -> Outcome.NOTED;
          case FAILED -> Outcome.FAILED;
        };
    String message = result.getThrowable().map(Throwable::getMessage).orElse("");
    results.add(new Result(check, outcome, message));
    out.printf(
        Locale.ROOT,
        "[%3d/%d] %-4s %s%n",
        results.size(),
        checksByDisplayName.size(),
        outcome.label,
        check.displayName());
  }

  List<Result> results() {
    return List.copyOf(results);
  }

  long count(Outcome outcome) {
    return results.stream().filter(r -> r.outcome() == outcome).count();
  }

  /** The summary: counts, then one line per failed check and per advisory finding. */
  void printSummary(PrintStream to) {
    to.println();
    to.printf(
        Locale.ROOT,
        "%d checks: %d passed, %d failed, %d noted (advisories and checks that do not apply; never"
            + " fail the run)%n",
        results.size(),
        count(Outcome.PASSED),
        count(Outcome.FAILED),
        count(Outcome.NOTED));
    for (Result result : results) {
      if (result.outcome() == Outcome.FAILED) {
        to.println("FAIL " + result.message());
      }
    }
    for (Result result : results) {
      if (result.outcome() == Outcome.NOTED) {
        to.println("note " + result.message());
      }
    }
  }

  /** {@code conformance-report.md}: the run's facts and one row per check with its rule. */
  void writeMarkdown(Path file, String header) throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("# Conformance report\n\n").append(header).append("\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "**%d checks: %d passed, %d failed, %d noted** (notes are advisories or checks that do"
                + " not apply; they never fail the run).%n%n",
            results.size(),
            count(Outcome.PASSED),
            count(Outcome.FAILED),
            count(Outcome.NOTED)));
    md.append("| result | check | kind | rule | finding |\n|---|---|---|---|---|\n");
    for (Result result : results) {
      md.append("| ")
          .append(result.outcome().label)
          .append(" | `")
          .append(result.check().name())
          .append("` | ")
          .append(result.check().kind().name().toLowerCase(Locale.ROOT))
          .append(" | ")
          .append(cell(result.check().rule()))
          .append(" | ")
          .append(cell(result.outcome() == Outcome.PASSED ? "" : result.message()))
          .append(" |\n");
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
  }

  private static String cell(String text) {
    return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
  }
}
