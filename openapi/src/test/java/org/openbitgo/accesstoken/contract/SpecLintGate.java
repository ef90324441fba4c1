package org.openbitgo.accesstoken.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The build's lint gate: Spectral ({@code spectral:oas}, {@code .spectral.yaml}) and Redocly
 * ({@code recommended}, {@code redocly.yaml}) must report nothing on the spec, not even a hint, so
 * a team running either linter on the contract sees no finding. Runs the versions pinned by {@code
 * openapi/package.json} (installed by {@code npm ci}) with the machine's {@code node}. Run by the
 * build (exec-maven-plugin, {@code spec-lint-gate}; left out with {@code -DjavaOnly} like the other
 * node parts) and by {@code SpecLintGateTest}. In the build the linters are installed in the
 * background ({@code src/build/install-linters.mjs}); the gate first waits for that install's
 * status file, and a failed install is a refusal that shows npm's output.
 */
public final class SpecLintGate {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TIMEOUT_SECONDS = 120;

  /** How long the gate waits for the background install: npm ci takes 10-20 s here. */
  static final Duration INSTALL_WAIT = Duration.ofMinutes(10);

  /** The last lines of npm's log a failed install shows. */
  private static final int LOG_TAIL_LINES = 20;

  private SpecLintGate() {}

  /** Every finding of both linters, one line each ({@code linter rule at place: message}). */
  public static List<String> findings(Path spec, Path lintDir) {
    List<String> findings = new ArrayList<>(spectral(spec, lintDir));
    findings.addAll(redocly(spec, lintDir));
    return findings;
  }

  static List<String> spectral(Path spec, Path lintDir) {
    JsonNode results =
        run(
            lintDir,
            "spectral",
            "lint",
            spec.toAbsolutePath().toString(),
            "--ruleset",
            ".spectral.yaml",
            "--format",
            "json",
            "--quiet");
    List<String> findings = new ArrayList<>();
    for (JsonNode r : results) {
      List<String> path = new ArrayList<>();
      r.path("path").forEach(p -> path.add(p.asText()));
      findings.add(
          "spectral "
              + r.path("code").asText()
              + " at "
              + String.join(".", path)
              + " (line "
              + (r.at("/range/start/line").asInt() + 1)
              + "): "
              + r.path("message").asText());
    }
    return findings;
  }

  static List<String> redocly(Path spec, Path lintDir) {
    JsonNode report =
        run(
            lintDir,
            "redocly",
            "lint",
            spec.toAbsolutePath().toString(),
            "--config",
            "redocly.yaml",
            "--format",
            "json");
    List<String> findings = new ArrayList<>();
    for (JsonNode p : report.path("problems")) {
      JsonNode where = p.at("/location/0");
      findings.add(
          "redocly "
              + p.path("ruleId").asText()
              + " at "
              + where.path("pointer").asText()
              + " (line "
              + where.at("/start/line").asText()
              + "): "
              + p.path("message").asText());
    }
    return findings;
  }

  /** Runs {@code node node_modules/.bin/<tool> args} in {@code lintDir}; its JSON output. */
  private static JsonNode run(Path lintDir, String tool, String... args) {
    Path bin = lintDir.toAbsolutePath().resolve("node_modules/.bin").resolve(tool);
    if (!Files.exists(bin)) {
      throw new IllegalStateException(bin + " is missing: run `npm ci` in " + lintDir);
    }
    List<String> command = new ArrayList<>(List.of("node", bin.toString()));
    command.addAll(List.of(args));
    try {
      Path errors = Files.createTempFile(tool, ".stderr");
      try {
        ProcessBuilder builder =
            new ProcessBuilder(command)
                .directory(lintDir.toAbsolutePath().toFile())
                .redirectError(errors.toFile());
        // no telemetry, update notices or colours: the gate reads JSON and there is no network
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        builder.environment().put("NO_COLOR", "1");
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException(
              tool + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        int start = out.indexOf(out.trim().startsWith("[") ? '[' : '{');
        if (start < 0) {
          throw new IllegalStateException(
              tool
                  + " exited with "
                  + process.exitValue()
                  + " and no JSON report: "
                  + Files.readString(errors, StandardCharsets.UTF_8).strip());
        }
        return JSON.readTree(out.substring(start));
      } finally {
        Files.deleteIfExists(errors);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(tool + " was interrupted", e);
    }
  }

  /**
   * Waits until the background install in {@code installDir} has left its status ({@code status}:
   * {@code 0}, or why not; {@code npm.log}: npm's output); why the linters cannot run, or empty
   * when they were installed.
   */
  static Optional<String> awaitInstall(Path installDir, Duration wait) {
    Path status = installDir.resolve("status");
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      while (!Files.exists(status)) {
        if (System.nanoTime() > deadline) {
          return Optional.of(
              "the linters' install left no status within " + wait.toSeconds() + " s");
        }
        Thread.sleep(100);
      }
      String outcome = Files.readString(status, StandardCharsets.UTF_8).strip();
      if (outcome.equals("0")) {
        return Optional.empty();
      }
      Path log = installDir.resolve("npm.log");
      List<String> lines =
          Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
      String tail =
          String.join(
              "\n    ", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
      return Optional.of(
          "npm ci of the linters failed ("
              + (outcome.matches("\\d+") ? "exit status " + outcome : outcome)
              + "); the end of "
              + log
              + ":\n    "
              + tail);
    } catch (IOException e) {
      return Optional.of("cannot read the linters' install status: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while waiting for the linters' install");
    }
  }

  /**
   * {@code specPath lintDir refusalsDir [installDir]}: prints the verdict; a refusal is recorded
   * for the build (GateExit). With {@code installDir}, first waits for the background install.
   */
  public static void main(String[] args) {
    run(args, System.out);
  }

  /** {@link #main} printing to {@code out}; whether the gate accepted the spec. */
  static boolean run(String[] args, PrintStream out) {
    Path spec = Path.of(args[0]);
    Optional<String> notInstalled =
        args.length > 3 ? awaitInstall(Path.of(args[3]), INSTALL_WAIT) : Optional.empty();
    List<String> findings;
    try {
      findings =
          notInstalled.isPresent()
              ? List.of("the linters could not run: " + notInstalled.get())
              : findings(spec, Path.of(args[1]));
    } catch (IllegalStateException e) {
      findings = List.of("the linters could not run: " + e.getMessage());
    }
    StringBuilder text = new StringBuilder();
    if (findings.isEmpty()) {
      text.append(spec.getFileName())
          .append(": Spectral (spectral:oas) and Redocly (recommended) report nothing");
    } else {
      text.append("REFUSED: ")
          .append(findings.size())
          .append(" linter finding(s) on ")
          .append(spec)
          .append(" (every finding counts, warnings and hints too)");
      findings.forEach(f -> text.append("\n  - ").append(f));
    }
    return GateExit.finish(
        "spec-lint-gate", findings.isEmpty(), text.toString(), Path.of(args[2]), out);
  }
}
