package org.openbitgo.accesstoken.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.HtmlRender;
import org.openapitools.openapidiff.core.output.MarkdownRender;
import org.openapitools.openapidiff.core.output.Render;

/**
 * The build's breaking-change gate: compares the spec with the last released contract (the
 * highest {@code access-token-X.Y.Z.yaml} in the baseline directory) and refuses a change that
 * breaks existing clients or servers unless the spec's {@code info.version} is a new MAJOR
 * version. Run by the build (exec-maven-plugin, {@code contract-breaking-change-gate}) and by
 * {@code BreakingChangeGateTest} through {@link #evaluate}.
 */
public final class BreakingChangeGate {

  static final Pattern BASELINE_NAME = Pattern.compile("access-token-(.+)\\.yaml");

  /**
   * openapi-diff's switches, changed from its defaults where the contract decides otherwise.
   * Adding a value to a response enum is compatible here because clients must tolerate unknown
   * values (the README's enum policy); openapi-diff refuses it by default. operationId and a
   * longer minimum length in requests break regenerated clients and callers, but are off by
   * default.
   */
  static final Map<String, String> DIFF_SETTINGS =
      Map.of(
          "incompatible.response.enum.increased", "false",
          "incompatible.operation.id.changed", "true",
          "incompatible.request.min.length.increased", "true",
          "incompatible.response.numeric.range.increased", "true");

  /** How the gate judged the spec. */
  public enum Verdict {
    NO_CHANGES(true),
    COMPATIBLE(true),
    BREAKING_IN_NEW_MAJOR(true),
    REFUSED(false);

    private final boolean accepted;

    Verdict(boolean accepted) {
      this.accepted = accepted;
    }

    public boolean accepted() {
      return accepted;
    }
  }

  /** Everything the gate found; {@code diff} is null when a document could not be compared. */
  public record Result(
      Verdict verdict,
      String specVersion,
      String baselineVersion,
      Path baseline,
      List<ContractChanges.Breaking> breaking,
      List<String> compatible,
      List<String> problems,
      List<String> advice,
      ChangedOpenApi diff) {

    public boolean accepted() {
      return verdict.accepted();
    }
  }

  private BreakingChangeGate() {}

  /** Judges {@code spec} against the newest release in {@code baselineDir}; writes nothing. */
  public static Result evaluate(Path spec, Path baselineDir) {
    List<String> problems = new ArrayList<>();
    Optional<Map.Entry<SemanticVersion, Path>> latest = latestBaseline(baselineDir, problems);
    if (latest.isEmpty()) {
      problems.add(
          "no released contract found in " + shown(baselineDir)
              + ": it must hold access-token-X.Y.Z.yaml, a copy of the last released spec");
      return refused(null, null, null, problems, null);
    }
    SemanticVersion baselineVersion = latest.get().getKey();
    Path baseline = latest.get().getValue();

    ChangedOpenApi diff;
    try {
      diff =
          OpenApiCompare.fromLocations(
              baseline.toUri().toString(), spec.toUri().toString(), null, diffOptions());
    } catch (RuntimeException e) {
      problems.add("cannot compare " + shown(spec) + " with " + shown(baseline) + ": " + e.getMessage());
      return refused(null, baselineVersion.toString(), baseline, problems, null);
    }

    String declaredBaseline = diff.getOldSpecOpenApi().getInfo().getVersion();
    if (!baselineVersion.toString().equals(declaredBaseline)) {
      problems.add(
          shown(baseline) + " declares info.version " + declaredBaseline
              + " but its file name says " + baselineVersion + ": a baseline is an unedited copy of a release");
    }
    String declaredSpec = diff.getNewSpecOpenApi().getInfo().getVersion();
    Optional<SemanticVersion> specVersion = SemanticVersion.parse(declaredSpec);
    if (specVersion.isEmpty()) {
      problems.add("info.version `" + declaredSpec + "` of " + shown(spec) + " is not MAJOR.MINOR.PATCH");
    } else if (specVersion.get().isLowerThan(baselineVersion)) {
      problems.add(
          "info.version " + declaredSpec + " is lower than the released contract " + baselineVersion
              + ": versions only go up; set it to " + baselineVersion + " or higher");
    }

    ContractChanges changes = ContractChanges.of(diff);
    boolean breaks = !changes.breaking().isEmpty();
    boolean newMajor = specVersion.isPresent() && specVersion.get().major() > baselineVersion.major();
    List<String> advice = new ArrayList<>();
    Verdict verdict;
    if (!problems.isEmpty()) {
      verdict = Verdict.REFUSED;
    } else if (breaks && !newMajor) {
      verdict = Verdict.REFUSED;
      SemanticVersion major = baselineVersion.nextMajor();
      advice.add(
          "This change breaks existing clients or servers of release " + baselineVersion + ". Either:");
      advice.add(
          "  - make it compatible: keep what exists (mark it `deprecated: true` instead of removing it), "
              + "add new fields as optional, widen rather than narrow request rules; or");
      advice.add(
          "  - release a new MAJOR version: set info.version to " + major + " in " + shown(spec)
              + " and, in the release commit, copy the spec to "
              + shown(baselineDir.resolve("access-token-" + major + ".yaml")) + ".");
    } else if (breaks) {
      verdict = Verdict.BREAKING_IN_NEW_MAJOR;
      advice.add(
          "Breaking changes are accepted because info.version " + declaredSpec
              + " is a new MAJOR version over " + baselineVersion + ". When you release it, copy the spec to "
              + shown(baselineDir.resolve("access-token-" + declaredSpec + ".yaml"))
              + " so the next change is judged against " + declaredSpec + ".");
    } else if (diff.isDifferent() || !changes.compatible().isEmpty()) {
      verdict = Verdict.COMPATIBLE;
      if (specVersion.isPresent() && specVersion.get().equals(baselineVersion)) {
        advice.add(
            "Compatible with release " + baselineVersion + ". To release it, set info.version to "
                + baselineVersion.nextMinor() + " (new features) or a higher PATCH (fixes) and copy the spec to "
                + shown(baselineDir) + "/access-token-<version>.yaml.");
      }
    } else {
      verdict = Verdict.NO_CHANGES;
    }
    return new Result(
        verdict, declaredSpec, baselineVersion.toString(), baseline,
        changes.breaking(), changes.compatible(), problems, advice, diff);
  }

  /** {@code specPath baselineDir reportPath}: judges, writes the report, fails the build if refused. */
  public static void main(String[] args) throws IOException {
    Path spec = Path.of(args[0]);
    Path baselineDir = Path.of(args[1]);
    Path report = Path.of(args[2]);
    Result result = evaluate(spec, baselineDir);
    writeReports(result, spec, report);
    String summary = summary(result);
    if (!result.accepted()) {
      // exec:java turns an exception into a build failure carrying this report
      throw new IllegalStateException(
          summary + System.lineSeparator() + "The change report is " + shown(report));
    }
    System.out.println("[contract-breaking-change-gate] " + summary.replace("\n", System.lineSeparator() + "  "));
    System.out.println("[contract-breaking-change-gate] report: " + shown(report));
  }

  /** A few lines saying what the gate decided and why; the build prints it. */
  public static String summary(Result r) {
    StringBuilder s = new StringBuilder();
    s.append(headline(r));
    r.problems().forEach(p -> s.append("\n  - ").append(p));
    r.breaking().forEach(b -> s.append("\n  - BREAKING ").append(b));
    r.compatible().forEach(c -> s.append("\n  - compatible ").append(c));
    r.advice().forEach(a -> s.append("\n").append(a));
    return s.toString();
  }

  /** The Markdown change report a consumer reads; also written when nothing changed. */
  public static String markdown(Result r, Path spec) {
    StringBuilder md = new StringBuilder();
    md.append("# Contract changes: ").append(spec.getFileName())
        .append(" against release ").append(Optional.ofNullable(r.baselineVersion()).orElse("(none)"))
        .append("\n\n");
    md.append("**").append(headline(r)).append("**\n\n");
    md.append("| | version | file |\n|---|---|---|\n");
    md.append("| spec | ").append(Optional.ofNullable(r.specVersion()).orElse("?")).append(" | `")
        .append(shown(spec)).append("` |\n");
    md.append("| baseline (last release) | ").append(Optional.ofNullable(r.baselineVersion()).orElse("?"))
        .append(" | `").append(r.baseline() == null ? "(none)" : shown(r.baseline())).append("` |\n\n");
    if (!r.problems().isEmpty()) {
      md.append("## Problems\n\n");
      r.problems().forEach(p -> md.append("- ").append(p).append('\n'));
      md.append('\n');
    }
    if (r.verdict() == Verdict.NO_CHANGES) {
      md.append("No changes.\n");
      return md.toString();
    }
    md.append("## Breaking changes\n\n");
    if (r.breaking().isEmpty()) {
      md.append("None.\n\n");
    } else {
      r.breaking().forEach(b -> md.append("- ").append(b.location()).append(": ").append(b.change())
          .append(b.source() == ContractChanges.Source.CONTRACT_RULE ? " *(contract rule)*" : "").append('\n'));
      md.append('\n');
    }
    md.append("## Compatible changes\n\n");
    if (r.compatible().isEmpty()) {
      md.append("None.\n\n");
    } else {
      r.compatible().forEach(c -> md.append("- ").append(c).append('\n'));
      md.append('\n');
    }
    if (!r.advice().isEmpty()) {
      md.append("## What to do\n\n");
      r.advice().forEach(a -> md.append(a).append('\n'));
      md.append('\n');
    }
    if (r.diff() != null) {
      md.append("## Full difference (openapi-diff ")
          .append(OpenApiCompare.class.getPackage().getImplementationVersion() == null
              ? "2.1.7" : OpenApiCompare.class.getPackage().getImplementationVersion())
          .append(")\n\n");
      md.append("openapi-diff's own verdict at the end leaves out this contract's rules (marked")
          .append(" *contract rule* above) and its enum policy; the sections above are the gate's verdict.\n\n");
      md.append(render(new MarkdownRender(), r.diff()));
    }
    return md.toString();
  }

  private static void writeReports(Result result, Path spec, Path report) throws IOException {
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.writeString(report, markdown(result, spec), StandardCharsets.UTF_8);
    if (result.diff() != null) {
      // the HTML twin costs one more render of a diff already computed
      String name = report.getFileName().toString().replaceFirst("\\.md$", "") + ".html";
      Files.writeString(report.resolveSibling(name), render(new HtmlRender(), result.diff()), StandardCharsets.UTF_8);
    }
  }

  private static String headline(Result r) {
    return switch (r.verdict()) {
      case NO_CHANGES -> "No changes against release " + r.baselineVersion() + ".";
      case COMPATIBLE -> "Compatible with release " + r.baselineVersion() + " (spec " + r.specVersion() + ").";
      case BREAKING_IN_NEW_MAJOR -> "Breaking changes against release " + r.baselineVersion()
          + ", accepted as new major version " + r.specVersion() + ".";
      case REFUSED -> "REFUSED: the spec" + (r.specVersion() == null ? "" : " (" + r.specVersion() + ")")
          + " cannot replace release " + Optional.ofNullable(r.baselineVersion()).orElse("(none)") + ".";
    };
  }

  private static Result refused(String specVersion, String baselineVersion, Path baseline, List<String> problems,
      ChangedOpenApi diff) {
    return new Result(Verdict.REFUSED, specVersion, baselineVersion, baseline, List.of(), List.of(),
        problems, List.of(), diff);
  }

  private static Optional<Map.Entry<SemanticVersion, Path>> latestBaseline(Path dir, List<String> problems) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    TreeMap<SemanticVersion, Path> releases = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.sorted(Comparator.naturalOrder()).forEach(file -> {
        Matcher m = BASELINE_NAME.matcher(file.getFileName().toString());
        if (m.matches()) {
          Optional<SemanticVersion> v = SemanticVersion.parse(m.group(1));
          if (v.isPresent()) {
            releases.put(v.get(), file);
          } else {
            problems.add(shown(file) + ": the version in a baseline's name must be MAJOR.MINOR.PATCH");
          }
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.ofNullable(releases.lastEntry());
  }

  private static OpenApiDiffOptions diffOptions() {
    OpenApiDiffOptions.Builder options = OpenApiDiffOptions.builder();
    DIFF_SETTINGS.forEach(options::configProperty);
    return options.build();
  }

  private static String render(Render renderer, ChangedOpenApi diff) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStreamWriter out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      renderer.render(diff, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** A path relative to where the build was started, when it lies below it: shorter messages. */
  static String shown(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path here = Path.of("").toAbsolutePath();
    return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
  }
}
