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

  /**
   * The spec as a client sees it: each {@code allOf} merged into one schema, so that composing a
   * schema from shared parts (release 2.1.0's {@code AccessToken} is {@code AccessTokenInfo} plus
   * the secret) is judged by the properties it has on the wire, as every generator merges it, not
   * as "an object became another kind of object".
   */
  private static io.swagger.v3.oas.models.OpenAPI withCombinatorsMerged(String specYaml) {
    io.swagger.v3.parser.core.models.ParseOptions options =
        new io.swagger.v3.parser.core.models.ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    options.setResolveCombinators(true);
    io.swagger.v3.parser.core.models.SwaggerParseResult parsed =
        new io.swagger.v3.parser.OpenAPIV3Parser().readContents(specYaml, null, options);
    if (parsed.getOpenAPI() == null) {
      throw new IllegalArgumentException(String.join("; ", parsed.getMessages()));
    }
    return parsed.getOpenAPI();
  }

  /** Judges {@code spec} against the newest release in {@code baselineDir}; writes nothing. */
  public static Result evaluate(Path spec, Path baselineDir) {
    List<String> problems = new ArrayList<>();
    Optional<Map.Entry<SemanticVersion, Path>> latest =
        Optional.ofNullable(releases(baselineDir, problems).lastEntry());
    if (latest.isEmpty()) {
      problems.add(
          "no released contract found in "
              + shown(baselineDir)
              + ": it must hold access-token-X.Y.Z.yaml, a copy of the last released spec");
      return refused(null, null, null, problems, null);
    }
    return judge(spec, latest.get().getKey(), latest.get().getValue(), problems);
  }

  /**
   * Judges {@code spec} against one release, {@code baseline}, whose version is {@code
   * baselineVersion}: the gate's verdict with the problems found so far added.
   */
  static Result judge(
      Path spec, SemanticVersion baselineVersion, Path baseline, List<String> problems) {
    Path baselineDir = baseline.toAbsolutePath().getParent();
    ChangedOpenApi diff;
    List<String> secretsMarked;
    try {
      SecretMarking before = SecretMarking.strip(baseline);
      SecretMarking after = SecretMarking.strip(spec);
      secretsMarked = after.changesSince(before);
      diff =
          OpenApiCompare.fromSpecifications(
              withCombinatorsMerged(before.yaml()),
              withCombinatorsMerged(after.yaml()),
              diffOptions());
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
          "  - release a new MAJOR version: run `"
              + ContractRelease.COMMAND
              + " "
              + major
              + "`, which checks the spec's examples, sets info.version to "
              + major
              + " in "
              + shown(spec)
              + ", the POM and README versions to "
              + major
              + "-SNAPSHOT, copies the spec to "
              + shown(baselineDir.resolve("access-token-" + major + ".yaml"))
              + " and writes the release's CHANGELOG.md entry.");
    } else if (breaks) {
      verdict = Verdict.BREAKING_IN_NEW_MAJOR;
      advice.add(
          "Breaking changes are accepted because info.version "
              + declaredSpec
              + " is a new MAJOR version over "
              + baselineVersion
              + ". Release it with `"
              + ContractRelease.COMMAND
              + " "
              + declaredSpec
              + "`: it copies the spec to "
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
                + ". To release it, run `"
                + ContractRelease.COMMAND
                + " "
                + ContractRelease.smallestAllowed(baselineVersion, changes.effects(), false)
                + "` (it sets info.version to "
                + ContractRelease.smallestAllowed(baselineVersion, changes.effects(), false)
                + ", the POM and README versions, copies the spec to "
                + shown(baselineDir)
                + "/access-token-<version>.yaml and writes the CHANGELOG.md entry).");
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

  /** Every release in {@code dir} by version; a misnamed baseline is added to {@code problems}. */
  static TreeMap<SemanticVersion, Path> releases(Path dir, List<String> problems) {
    TreeMap<SemanticVersion, Path> releases = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return releases;
    }
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
    return releases;
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
