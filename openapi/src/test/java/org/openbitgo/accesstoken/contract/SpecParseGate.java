package org.openbitgo.accesstoken.contract;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The build's parse gate: Swagger Parser must read the spec with no message at all. Warnings
 * count too, because a generator reading a spec with warnings silently drops what it warned
 * about. Run by the build (exec-maven-plugin) and by {@code SpecParseGateTest}.
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

  public static void main(String[] args) {
    Path spec = Path.of(args[0]);
    List<String> problems = problems(spec);
    if (!problems.isEmpty()) {
      StringBuilder report = new StringBuilder("The spec ").append(spec).append(" is refused:");
      problems.forEach(p -> report.append(System.lineSeparator()).append("  - ").append(p));
      // exec:java turns an exception into a build failure carrying this report
      throw new IllegalStateException(report.toString());
    }
    System.out.println("[spec-parse-gate] " + spec.getFileName() + ": no parser messages");
  }
}
