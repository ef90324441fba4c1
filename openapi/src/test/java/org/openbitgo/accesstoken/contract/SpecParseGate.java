package org.openbitgo.accesstoken.contract;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The build's parse gate: Swagger Parser must read the spec with no message at all. Warnings count
 * too, because a generator reading a spec with warnings silently drops what it warned about. Run by
 * the build (exec-maven-plugin) and by {@code SpecParseGateTest}.
 */
public final class SpecParseGate {

  private SpecParseGate() {}

  /** Every message Swagger Parser reports for the document; empty when it is clean. */
  public static List<String> problems(Path spec) {
    if (!Files.isRegularFile(spec)) {
      return List.of("spec not found: " + spec);
    }
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result =
        new OpenAPIParser().readLocation(spec.toUri().toString(), null, options);
    List<String> problems = new ArrayList<>();
    if (result.getMessages() != null) {
      problems.addAll(result.getMessages());
    }
    if (result.getOpenAPI() == null) {
      problems.add("not an OpenAPI document");
    } else if (!String.valueOf(result.getOpenAPI().getOpenapi()).startsWith("3.0.")) {
      problems.add("expected OpenAPI 3.0.x, got " + result.getOpenAPI().getOpenapi());
    }
    return problems;
  }

  /**
   * {@code specPath refusalsDir}: prints the verdict; a refusal is recorded for the build
   * (GateExit).
   */
  public static void main(String[] args) {
    run(args, System.out);
  }

  /** {@link #main} printing to {@code out}; whether the gate accepted the spec. */
  static boolean run(String[] args, PrintStream out) {
    Path spec = Path.of(args[0]);
    List<String> problems = problems(spec);
    StringBuilder report = new StringBuilder();
    if (problems.isEmpty()) {
      report.append(spec.getFileName()).append(": no parser messages");
    } else {
      report
          .append("REFUSED: Swagger Parser reports ")
          .append(problems.size())
          .append(" message(s) on ")
          .append(spec);
      problems.forEach(p -> report.append('\n').append("  - ").append(p));
    }
    return GateExit.finish(
        "spec-parse-gate", problems.isEmpty(), report.toString(), Path.of(args[1]), out);
  }
}
