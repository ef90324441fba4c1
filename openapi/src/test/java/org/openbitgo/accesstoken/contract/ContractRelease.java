package org.openbitgo.accesstoken.contract;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The release command, {@code ./release-contract X.Y.Z}: cuts release X.Y.Z of the contract in one
 * step, in the working tree, or changes nothing and says why.
 *
 * <p>In order, before anything is written: the version must be higher than the last release and
 * large enough for what changed since (a break needs a MAJOR, an addition a MINOR); every example
 * of the spec must be valid (so the baseline never freezes a wrong one); the breaking-change gate
 * must accept the spec under the new version. Then, all at once: {@code info.version}, the POM
 * versions and every README's {@code -SNAPSHOT} version (and its Python spelling, {@code .dev0});
 * the baseline copy of the spec; and the release's entry in {@code CHANGELOG.md}, made of the
 * gate's list of changes (breaking ones marked), what they mean for each language's generated
 * client, and the notes collected under {@code ## Unreleased}, which starts empty again.
 *
 * <p>Between releases the repository carries the last release's version: the spec says X.Y.Z and
 * the POMs X.Y.Z-SNAPSHOT (a build from the repository, not the published release).
 */
public final class ContractRelease {

  /** How a user runs it, from the repository root; the gate's advice names it. */
  static final String COMMAND = "./release-contract";

  static final Path SPEC = Path.of("openapi/src/main/resources/openapi/access-token.yaml");
  static final Path BASELINES = Path.of("openapi/src/baseline");
  static final Path CHANGELOG = Path.of("CHANGELOG.md");

  private static final Pattern INFO_VERSION_LINE =
      Pattern.compile("(?m)^(  version: *)['\"]?([0-9A-Za-z.+-]+)['\"]?( *)$");
  private static final Pattern UNRELEASED =
      Pattern.compile("(?ms)^## Unreleased[ \\t]*\\n(.*?)(?=^## |\\z)");
  private static final Pattern SUBSECTION = Pattern.compile("(?ms)^### (.+?)\\n(.*?)(?=^### |\\z)");

  /** What a release writes: each file's new text, by path relative to the repository root. */
  record Plan(SemanticVersion version, String previous, Map<Path, String> writes) {}

  /** Why a release was not cut; nothing was written. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> reasons;

    Refused(List<String> reasons) {
      super(String.join("; ", reasons));
      this.reasons = List.copyOf(reasons);
    }

    List<String> reasons() {
      return reasons;
    }
  }

  private ContractRelease() {}

  /** {@code <repository root> <X.Y.Z>}: exit 0 released, 1 refused, 2 usage. */
  public static void main(String[] args) {
    System.exit(run(args, LocalDate.now(java.time.ZoneOffset.UTC), System.out));
  }

  static int run(String[] args, LocalDate today, PrintStream out) {
    if (args.length != 2 || SemanticVersion.parse(args[1]).isEmpty()) {
      out.println("usage: " + COMMAND + " X.Y.Z   (the version to release, e.g. 2.1.0)");
      return 2;
    }
    Path root = Path.of(args[0]);
    try {
      Plan plan = plan(root, args[1], today);
      apply(root, plan);
      out.println(
          "[release-contract] Released " + plan.version() + " over " + plan.previous() + ":");
      plan.writes().keySet().forEach(file -> out.println("[release-contract]   wrote " + file));
      out.println(
          "[release-contract] Review `git diff`, run the tests, and commit these files together.");
      return 0;
    } catch (Refused refused) {
      out.println("[release-contract] REFUSED: nothing was changed.");
      refused.reasons().forEach(reason -> out.println("[release-contract]   - " + reason));
      return 1;
    }
  }

  /** Everything a release of {@code requested} would write, or why it cannot be cut. */
  static Plan plan(Path root, String requested, LocalDate today) throws Refused {
    SemanticVersion version =
        SemanticVersion.parse(requested)
            .orElseThrow(() -> new Refused(List.of(requested + " is not MAJOR.MINOR.PATCH")));
    List<String> reasons = new ArrayList<>();
    TreeMap<SemanticVersion, Path> releases =
        BreakingChangeGate.releases(root.resolve(BASELINES), reasons);
    if (releases.isEmpty()) {
      reasons.add("no released contract in " + BASELINES + " to release over");
    }
    refuseIfAny(reasons);
    SemanticVersion previous = releases.lastKey();
    if (!previous.isLowerThan(version)) {
      refuseIfAny(
          List.of("version " + version + " must be higher than the last release, " + previous));
    }

    String spec = read(root.resolve(SPEC));
    Matcher infoVersion = INFO_VERSION_LINE.matcher(spec);
    if (!infoVersion.find()) {
      refuseIfAny(List.of(SPEC + " has no info.version line"));
    }
    String current = infoVersion.group(2);

    ExampleCheck.Report examples = ExampleCheck.of(root.resolve(SPEC));
    if (!examples.problems().isEmpty()) {
      reasons.add(
          "the spec's examples must be valid before the baseline is copied; fix these first:");
      examples.problems().forEach(problem -> reasons.add("  " + problem));
    }
    refuseIfAny(reasons);

    String released = infoVersion.replaceFirst("$1" + version + "$3");
    BreakingChangeGate.Result verdict = judge(released, previous, releases.get(previous));
    if (!verdict.accepted()) {
      reasons.addAll(verdict.problems());
      verdict.breaking().forEach(b -> reasons.add("BREAKING " + b));
      reasons.add(
          "a breaking change needs a new MAJOR version: " + COMMAND + " " + previous.nextMajor());
    } else {
      SemanticVersion smallest =
          smallestAllowed(previous, verdict.effects(), !verdict.breaking().isEmpty());
      if (version.isLowerThan(smallest)) {
        reasons.add(
            "what changed since "
                + previous
                + " needs at least "
                + smallest
                + " ("
                + (verdict.breaking().isEmpty()
                    ? "an addition is a MINOR release"
                    : "a breaking change is a MAJOR release")
                + "): "
                + COMMAND
                + " "
                + smallest);
      }
    }
    refuseIfAny(reasons);

    Map<Path, String> writes = new LinkedHashMap<>();
    writes.put(SPEC, released);
    writes.put(BASELINES.resolve("access-token-" + version + ".yaml"), released);
    String oldSnapshot = current + "-SNAPSHOT";
    String newSnapshot = version + "-SNAPSHOT";
    if (!read(root.resolve("pom.xml")).contains("<version>" + oldSnapshot + "</version>")) {
      refuseIfAny(
          List.of(
              "pom.xml does not carry "
                  + oldSnapshot
                  + " (the spec's info.version "
                  + current
                  + " plus -SNAPSHOT): set the POM versions to it first"));
    }
    // PEP 440 spells a snapshot X.Y.Z.dev0: the Python wheel's file name in its README
    String oldPythonSnapshot = current + ".dev0";
    String newPythonSnapshot = version + ".dev0";
    for (Path file : versionedFiles(root)) {
      String text = read(root.resolve(file));
      String updated =
          text.replace(oldSnapshot, newSnapshot).replace(oldPythonSnapshot, newPythonSnapshot);
      if (!updated.equals(text)) {
        writes.put(file, updated);
      }
    }
    writes.put(
        CHANGELOG,
        withReleaseEntry(read(root.resolve(CHANGELOG)), version, previous, today, verdict));
    return new Plan(version, previous.toString(), writes);
  }

  /**
   * The smallest version after {@code previous} that says what changed: MAJOR for a break, MINOR
   * for anything that reaches generated code (an operation, a property, a schema), else PATCH.
   */
  static SemanticVersion smallestAllowed(
      SemanticVersion previous, List<ContractChanges.Effect> effects, boolean breaking) {
    if (breaking) {
      return previous.nextMajor();
    }
    return effects.isEmpty() ? previous.nextPatch() : previous.nextMinor();
  }

  /**
   * What is wrong with the release history in {@code baselineDir}: each release judged against the
   * one before it must be accepted by the gate and versioned at least as its changes require (a
   * break a MAJOR, an addition a MINOR). Empty when every step was what it says.
   */
  static List<String> historyProblems(Path baselineDir) {
    List<String> problems = new ArrayList<>();
    TreeMap<SemanticVersion, Path> releases = BreakingChangeGate.releases(baselineDir, problems);
    SemanticVersion older = null;
    for (Map.Entry<SemanticVersion, Path> newer : releases.entrySet()) {
      if (older != null) {
        BreakingChangeGate.Result step =
            BreakingChangeGate.judge(
                newer.getValue(), older, releases.get(older), new ArrayList<>());
        String name = older + " -> " + newer.getKey();
        if (!step.accepted()) {
          problems.add(name + ": refused by the gate: " + step.breaking() + step.problems());
        } else {
          SemanticVersion smallest =
              smallestAllowed(older, step.effects(), !step.breaking().isEmpty());
          if (newer.getKey().isLowerThan(smallest)) {
            problems.add(name + ": its changes need at least " + smallest);
          }
        }
      }
      older = newer.getKey();
    }
    return problems;
  }

  /** Writes every file of the plan; each through a temporary sibling, so none is half-written. */
  static void apply(Path root, Plan plan) {
    plan.writes()
        .forEach(
            (file, text) -> {
              Path target = root.resolve(file);
              try {
                Files.createDirectories(target.toAbsolutePath().getParent());
                Path temporary =
                    Files.createTempFile(target.toAbsolutePath().getParent(), ".release", ".tmp");
                Files.writeString(temporary, text, StandardCharsets.UTF_8);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  /** The changelog with the Unreleased notes moved into a new entry for {@code version}. */
  static String withReleaseEntry(
      String changelog,
      SemanticVersion version,
      SemanticVersion previous,
      LocalDate today,
      BreakingChangeGate.Result verdict)
      throws Refused {
    Matcher unreleased = UNRELEASED.matcher(changelog);
    if (!unreleased.find()) {
      throw new Refused(List.of(CHANGELOG + " has no `## Unreleased` section to release"));
    }
    Map<String, String> notes = new LinkedHashMap<>();
    Matcher subsection = SUBSECTION.matcher(unreleased.group(1));
    while (subsection.find()) {
      notes.put(subsection.group(1).trim(), subsection.group(2).strip());
    }
    notes.putIfAbsent("Contract", "");

    StringBuilder entry = new StringBuilder("## " + version + " (" + today + ")\n\n");
    for (Map.Entry<String, String> section : notes.entrySet()) {
      String body =
          section.getKey().equals("Contract")
              ? contractChanges(verdict, previous)
                  + (section.getValue().isEmpty() ? "" : "\n" + section.getValue() + "\n")
              : section.getValue().isEmpty() ? "" : section.getValue() + "\n";
      if (!body.isEmpty()) {
        entry.append("### ").append(section.getKey()).append("\n\n").append(body).append('\n');
      }
    }
    StringBuilder fresh = new StringBuilder("## Unreleased\n\n");
    notes.keySet().forEach(name -> fresh.append("### ").append(name).append("\n\n"));
    return changelog.substring(0, unreleased.start())
        + fresh
        + entry
        + changelog.substring(unreleased.end());
  }

  /** The gate's changes in words a consumer reads, breaking ones first and marked. */
  private static String contractChanges(
      BreakingChangeGate.Result verdict, SemanticVersion previous) {
    StringBuilder text = new StringBuilder();
    text.append(
        verdict.breaking().isEmpty()
            ? "Compatible with " + previous + ": existing clients and servers keep working.\n\n"
            : "**Breaking** against " + previous + ": regenerate and adapt before upgrading.\n\n");
    verdict.breaking().forEach(b -> text.append("- **Breaking:** ").append(b).append('\n'));
    verdict.compatible().forEach(c -> text.append("- ").append(c).append('\n'));
    if (verdict.breaking().isEmpty() && verdict.compatible().isEmpty()) {
      text.append("- No change to the wire contract.\n");
    }
    if (!verdict.effects().isEmpty()) {
      text.append('\n')
          .append(
              ClientImpact.markdown(verdict.effects())
                  .replaceFirst(
                      "^## What it means for generated clients",
                      "#### What it means for generated clients")
                  .strip())
          .append('\n');
    }
    return text.toString();
  }

  private static BreakingChangeGate.Result judge(
      String released, SemanticVersion previous, Path baseline) {
    try {
      Path candidate = Files.createTempFile("release-candidate", ".yaml");
      try {
        Files.writeString(candidate, released, StandardCharsets.UTF_8);
        return BreakingChangeGate.judge(candidate, previous, baseline, new ArrayList<>());
      } finally {
        Files.deleteIfExists(candidate);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every POM and README of the tree (not build output, not the changelog, not the baselines). */
  private static List<Path> versionedFiles(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .map(root::relativize)
          .filter(
              file -> {
                String name = file.getFileName().toString();
                return name.equals("pom.xml") || (name.endsWith(".md") && !file.equals(CHANGELOG));
              })
          .filter(
              file -> {
                for (Path part : file) {
                  String p = part.toString();
                  if (p.equals("target") || p.equals("node_modules") || p.startsWith(".")) {
                    return false;
                  }
                }
                return true;
              })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void refuseIfAny(List<String> reasons) throws Refused {
    if (!reasons.isEmpty()) {
      throw new Refused(reasons);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Optional<String> infoVersion(String spec) {
    Matcher m = INFO_VERSION_LINE.matcher(spec);
    return m.find() ? Optional.of(m.group(2)) : Optional.empty();
  }
}
