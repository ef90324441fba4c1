package org.openbitgo.accesstoken.contract;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
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

/**
 * The build's breaking-change gate: compares the spec with the last released contract (the highest
 * {@code access-token-X.Y.Z.yaml} in the baseline directory) and refuses a change that breaks
 * existing clients or servers unless the spec's {@code info.version} is a new MAJOR version. This
 * class judges; {@link ChangeReport} renders the verdict and the change report. Run by the build
 * (exec-maven-plugin, {@code contract-breaking-change-gate}) and by {@code BreakingChangeGateTest}
 * through {@link #evaluate}.
 */
public final class BreakingChangeGate {

  static final Pattern BASELINE_NAME = Pattern.compile("access-token-(.+)\\.yaml");

  /**
   * openapi-diff's switches, changed from its defaults where the contract decides otherwise. Adding
   * a value to a response enum is compatible here because clients must tolerate unknown values (the
   * README's enum policy); openapi-diff refuses it by default. operationId and a longer minimum
   * length in requests break regenerated clients and callers, but are off by default. Pattern
   * changes are judged by {@link ContractChanges} instead, which tells a new value in a listed
   * pattern ({@code Scope}) from a narrowed one.
   */
  static final Map<String, String> DIFF_SETTINGS =
      Map.of(
          "incompatible.response.enum.increased", "false",
          "incompatible.operation.id.changed", "true",
          "incompatible.request.min.length.increased", "true",
          "incompatible.response.numeric.range.increased", "true",
          "incompatible.schema.pattern.changed", "false");

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
      List<ContractChanges.Effect> effects,
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
          "no released contract found in "
              + shown(baselineDir)
              + ": it must hold access-token-X.Y.Z.yaml, a copy of the last released spec");
      return refused(null, null, null, problems, null);
    }
    SemanticVersion baselineVersion = latest.get().getKey();
    Path baseline = latest.get().getValue();

    ChangedOpenApi diff;
    List<String> secretsMarked;
    try {
      SecretMarking before = SecretMarking.strip(baseline);
      SecretMarking after = SecretMarking.strip(spec);
      secretsMarked = after.changesSince(before);
      diff = OpenApiCompare.fromContents(before.yaml(), after.yaml(), null, diffOptions());
    } catch (RuntimeException e) {
      problems.add(
          "cannot compare " + shown(spec) + " with " + shown(baseline) + ": " + e.getMessage());
      return refused(null, baselineVersion.toString(), baseline, problems, null);
    }

    String declaredBaseline = diff.getOldSpecOpenApi().getInfo().getVersion();
    if (!baselineVersion.toString().equals(declaredBaseline)) {
      problems.add(
          shown(baseline)
              + " declares info.version "
              + declaredBaseline
              + " but its file name says "
              + baselineVersion
              + ": a baseline is an unedited copy of a release");
    }
    String declaredSpec = diff.getNewSpecOpenApi().getInfo().getVersion();
    Optional<SemanticVersion> specVersion = SemanticVersion.parse(declaredSpec);
    if (specVersion.isEmpty()) {
      problems.add(
          "info.version `" + declaredSpec + "` of " + shown(spec) + " is not MAJOR.MINOR.PATCH");
    } else if (specVersion.get().isLowerThan(baselineVersion)) {
      problems.add(
          "info.version "
              + declaredSpec
              + " is lower than the released contract "
              + baselineVersion
              + ": versions only go up; set it to "
              + baselineVersion
              + " or higher");
    }

    ContractChanges changes = ContractChanges.of(diff);
    List<String> compatible = new ArrayList<>(changes.compatible());
    compatible.addAll(secretsMarked);
    boolean breaks = !changes.breaking().isEmpty();
    boolean newMajor =
        specVersion.isPresent() && specVersion.get().major() > baselineVersion.major();
    List<String> advice = new ArrayList<>();
    Verdict verdict;
    if (!problems.isEmpty()) {
      verdict = Verdict.REFUSED;
    } else if (breaks && !newMajor) {
      verdict = Verdict.REFUSED;
      SemanticVersion major = baselineVersion.nextMajor();
      advice.add(
          "This change breaks existing clients or servers of release "
              + baselineVersion
              + ". Either:");
      advice.add(
          "  - make it compatible: keep what exists (mark it `deprecated: true` instead of removing it), "
              + "add new fields as optional, widen rather than narrow request rules; or");
      advice.add(
          "  - release a new MAJOR version: set info.version to "
              + major
              + " in "
              + shown(spec)
              + " and, in the release commit, copy the spec to "
              + shown(baselineDir.resolve("access-token-" + major + ".yaml"))
              + ".");
    } else if (breaks) {
      verdict = Verdict.BREAKING_IN_NEW_MAJOR;
      advice.add(
          "Breaking changes are accepted because info.version "
              + declaredSpec
              + " is a new MAJOR version over "
              + baselineVersion
              + ". When you release it, copy the spec to "
              + shown(baselineDir.resolve("access-token-" + declaredSpec + ".yaml"))
              + " so the next change is judged against "
              + declaredSpec
              + ".");
    } else if (diff.isDifferent() || !compatible.isEmpty()) {
      verdict = Verdict.COMPATIBLE;
      if (specVersion.isPresent() && specVersion.get().equals(baselineVersion)) {
        advice.add(
            "Compatible with release "
                + baselineVersion
                + ". To release it, set info.version to "
                + baselineVersion.nextMinor()
                + " (new features) or a higher PATCH (fixes) and copy the spec to "
                + shown(baselineDir)
                + "/access-token-<version>.yaml.");
      }
    } else {
      verdict = Verdict.NO_CHANGES;
    }
    return new Result(
        verdict,
        declaredSpec,
        baselineVersion.toString(),
        baseline,
        changes.breaking(),
        compatible,
        problems,
        advice,
        changes.effects(),
        diff);
  }

  /**
   * {@code specPath baselineDir reportPath refusalsDir}: judges, writes the change report and
   * prints the verdict; a refusal is recorded for the build to fail on (GateExit), without a stack
   * trace.
   */
  public static void main(String[] args) throws IOException {
    run(args, System.out);
  }

  /** {@link #main} printing to {@code out}; whether the gate accepted the spec. */
  static boolean run(String[] args, PrintStream out) throws IOException {
    Path spec = Path.of(args[0]);
    Path report = Path.of(args[2]);
    Result result = evaluate(spec, Path.of(args[1]));
    ChangeReport.write(result, spec, report);
    return GateExit.finish(
        "contract-breaking-change-gate",
        result.accepted(),
        ChangeReport.summary(result) + "\nThe change report is " + shown(report),
        Path.of(args[3]),
        out);
  }

  private static Result refused(
      String specVersion,
      String baselineVersion,
      Path baseline,
      List<String> problems,
      ChangedOpenApi diff) {
    return new Result(
        Verdict.REFUSED,
        specVersion,
        baselineVersion,
        baseline,
        List.of(),
        List.of(),
        problems,
        List.of(),
        List.of(),
        diff);
  }

  private static Optional<Map.Entry<SemanticVersion, Path>> latestBaseline(
      Path dir, List<String> problems) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    TreeMap<SemanticVersion, Path> releases = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      files
          .sorted(Comparator.naturalOrder())
          .forEach(
              file -> {
                Matcher m = BASELINE_NAME.matcher(file.getFileName().toString());
                if (m.matches()) {
                  Optional<SemanticVersion> v = SemanticVersion.parse(m.group(1));
                  if (v.isPresent()) {
                    releases.put(v.get(), file);
                  } else {
                    problems.add(
                        shown(file)
                            + ": the version in a baseline's name must be MAJOR.MINOR.PATCH");
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

  /** A path relative to where the build was started, when it lies below it: shorter messages. */
  static String shown(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path here = Path.of("").toAbsolutePath();
    return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
  }
}
