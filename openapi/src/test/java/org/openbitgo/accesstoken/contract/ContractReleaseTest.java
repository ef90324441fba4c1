package org.openbitgo.accesstoken.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release command on a temporary folder holding only the files it edits (the spec, the
 * baselines, POMs, READMEs and the changelog): no Maven run.
 */
class ContractReleaseTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

  @TempDir Path root;

  @BeforeEach
  void aRepositoryAtRelease200WithListAndRevokeAdded() throws IOException {
    writeSpec(f -> {});
    copy(
        Path.of("src/baseline/access-token-2.0.0.yaml"),
        ContractRelease.BASELINES.resolve("access-token-2.0.0.yaml"));
    write("pom.xml", "<project>\n  <version>2.0.0-SNAPSHOT</version>\n</project>\n");
    write("client/pom.xml", "<parent>\n  <version>2.0.0-SNAPSHOT</version>\n</parent>\n");
    write("README.md", "Import the BOM:\n  <version>2.0.0-SNAPSHOT</version>\n");
    write(
        "client-python/README.md",
        "pip install openbitgo_accesstoken_client-2.0.0.dev0-py3-none-any.whl\n");
    write("client/target/README.md", "build output 2.0.0-SNAPSHOT stays as it is\n");
    write(
        "CHANGELOG.md",
        """
        # Changelog

        ## Unreleased

        ### Contract

        ### Java

        - `AccessTokenClient.listAll()` streams every token, page after page.

        ### Go

        ## 2.0.0

        ### Contract
        - **Breaking:** `Scope` is one string.
        """);
  }

  @Test
  void aMinorReleaseSetsEveryVersionCopiesTheBaselineAndWritesTheChangelog() throws IOException {
    Run run = release("2.1.0");

    assertThat(run.exit()).as(run.output()).isZero();
    String spec = read(ContractRelease.SPEC);
    assertThat(ContractRelease.infoVersion(spec)).contains("2.1.0");
    assertThat(read(ContractRelease.BASELINES.resolve("access-token-2.1.0.yaml"))).isEqualTo(spec);
    assertThat(read(Path.of("pom.xml"))).contains("<version>2.1.0-SNAPSHOT</version>");
    assertThat(read(Path.of("client/pom.xml"))).contains("<version>2.1.0-SNAPSHOT</version>");
    assertThat(read(Path.of("README.md"))).contains("2.1.0-SNAPSHOT").doesNotContain("2.0.0");
    assertThat(read(Path.of("client-python/README.md")))
        .isEqualTo("pip install openbitgo_accesstoken_client-2.1.0.dev0-py3-none-any.whl\n");
    assertThat(read(Path.of("client/target/README.md"))).contains("2.0.0-SNAPSHOT");

    String changelog = read(ContractRelease.CHANGELOG);
    assertThat(changelog)
        .startsWith(
            "# Changelog\n\n## Unreleased\n\n### Contract\n\n### Java\n\n### Go\n\n## 2.1.0 (2026-12-02)")
        .contains(
            "Compatible with 2.0.0",
            "- GET /api/v2/user/accesstoken: operation added",
            "- DELETE /api/v2/user/accesstoken/{id}: operation added",
            "method `AccessTokenAPI.ListAccessTokens(ctx)` added",
            "### Java\n\n- `AccessTokenClient.listAll()` streams every token, page after page.",
            "## 2.0.0\n\n### Contract\n- **Breaking:** `Scope` is one string.")
        .doesNotContain("### Go\n\n## 2.0.0");
    // the released spec is the new baseline: the gate now sees no change against it
    assertThat(
            BreakingChangeGate.evaluate(
                    root.resolve(ContractRelease.SPEC), root.resolve(ContractRelease.BASELINES))
                .verdict())
        .isEqualTo(BreakingChangeGate.Verdict.NO_CHANGES);
  }

  @Test
  void aPatchIsRefusedWhenOperationsWereAddedAndNothingIsWritten() throws IOException {
    Map<Path, String> before = snapshot();

    Run run = release("2.0.1");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.output())
        .contains(
            "REFUSED: nothing was changed", "needs at least 2.1.0", "./release-contract 2.1.0");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aMajorReleaseNamesTheBreakInTheChangelog() throws IOException {
    // a response property no example uses, so the examples stay valid
    writeSpec(f -> f.schema("/TokenUnlock/properties").remove("txCount"));

    Run minor = release("2.1.0");
    assertThat(minor.exit()).isEqualTo(1);
    assertThat(minor.output()).contains("property `txCount` removed", "./release-contract 3.0.0");

    Run major = release("3.0.0");
    assertThat(major.exit()).as(major.output()).isZero();
    assertThat(read(ContractRelease.CHANGELOG))
        .contains("## 3.0.0 (2026-12-02)", "**Breaking** against 2.0.0")
        .containsPattern("- \\*\\*Breaking:\\*\\* .*property `txCount` removed")
        .contains("**(breaking)**");
    assertThat(read(Path.of("pom.xml"))).contains("<version>3.0.0-SNAPSHOT</version>");
  }

  @Test
  void anInvalidExampleIsRefusedBeforeTheBaselineIsCopied() throws IOException {
    writeSpec(
        f ->
            ((ObjectNode)
                    f.root()
                        .at(
                            "/paths/~1api~1v2~1user~1accesstoken/post/requestBody/content"
                                + "/application~1json/examples/full/value"))
                .put("duration", -5));
    Map<Path, String> before = snapshot();

    Run run = release("2.1.0");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.output())
        .contains("examples must be valid before the baseline is copied", "request example `full`");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aVersionNotAboveTheLastReleaseIsRefused() {
    assertThat(release("2.0.0").output()).contains("must be higher than the last release, 2.0.0");
    assertThat(release("1.9.0").exit()).isEqualTo(1);
  }

  @Test
  void aMalformedVersionIsAUsageError() {
    Run run = release("2.1");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.output()).startsWith("usage: ./release-contract X.Y.Z");
  }

  @Test
  void aChangelogWithoutAnUnreleasedSectionIsRefused() throws IOException {
    write("CHANGELOG.md", "# Changelog\n\n## 2.0.0\n");
    assertThat(release("2.1.0").output()).contains("CHANGELOG.md has no `## Unreleased` section");
    assertThat(
            Files.exists(
                root.resolve(ContractRelease.BASELINES.resolve("access-token-2.1.0.yaml"))))
        .isFalse();
  }

  private record Run(int exit, String output) {}

  private Run release(String version) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit =
        ContractRelease.run(
            new String[] {root.toString(), version},
            TODAY,
            new PrintStream(out, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8));
  }

  /**
   * The spec as it stood at 2.0.0 plus the changes since (today's spec, its info.version set back
   * to 2.0.0), or a changed copy of it.
   */
  private void writeSpec(Consumer<SpecFixture> change) throws IOException {
    Path spec = root.resolve(ContractRelease.SPEC);
    Files.createDirectories(spec.getParent());
    SpecFixture unchanged = SpecFixture.current().version("2.0.0");
    SpecFixture changed = unchanged.with(change);
    if (changed.root().equals(unchanged.root())) {
      // the real spec's text: its formatting is what the command edits
      String text = Files.readString(SpecFixture.SPEC);
      Files.writeString(spec, text.replaceFirst("(?m)^  version: .*$", "  version: 2.0.0"));
    } else {
      changed.writeTo(spec);
    }
  }

  private void copy(Path from, Path to) throws IOException {
    Files.createDirectories(root.resolve(to).getParent());
    Files.copy(from, root.resolve(to));
  }

  private void write(String file, String text) throws IOException {
    Path target = root.resolve(file);
    Files.createDirectories(target.getParent());
    Files.writeString(target, text);
  }

  private String read(Path file) throws IOException {
    return Files.readString(root.resolve(file));
  }

  private Map<Path, String> snapshot() throws IOException {
    Map<Path, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path file : all.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file), Files.readString(file));
      }
    }
    return files;
  }
}
