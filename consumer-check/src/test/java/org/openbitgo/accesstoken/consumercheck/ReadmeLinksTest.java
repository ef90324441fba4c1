package org.openbitgo.accesstoken.consumercheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The READMEs were split into one per module: their links to each other must keep resolving. */
class ReadmeLinksTest {

  private static final Path ROOT = Path.of(System.getProperty("reactor.root"));

  @TempDir Path dir;

  @Test
  void everyRelativeLinkAndAnchorOfEveryReadmeResolves() throws IOException {
    List<Path> readmes = ReadmeSnippets.readmesOf(ROOT);
    assertThat(readmes)
        .contains(
            ROOT.resolve("README.md"),
            ROOT.resolve("stub-server/README.md"),
            ROOT.resolve("bom/README.md"));

    assertThat(readmes.stream().flatMap(readme -> ReadmeLinks.broken(readme).stream())).isEmpty();
  }

  @Test
  void everyModuleHasAReadmeAndTheTopOneLinksToIt() throws IOException {
    String top = Files.readString(ROOT.resolve("README.md"));
    try (var children = Files.list(ROOT)) {
      children
          .filter(child -> Files.isRegularFile(child.resolve("pom.xml")))
          .map(module -> module.getFileName().toString())
          .forEach(
              module -> {
                assertThat(ROOT.resolve(module).resolve("README.md")).as(module).isRegularFile();
                assertThat(top).as(module).contains("](" + module + "/README.md)");
              });
    }
  }

  @Test
  void refusesAMissingFileAMissingHeadingAndAnAnchorIntoAFolder() throws IOException {
    Files.createDirectories(dir.resolve("mod"));
    Files.writeString(
        dir.resolve("mod/README.md"),
        "# `mod/`: a module (`x-y`)\n\n## Running it\n\n## Running it\n");
    Path readme =
        Files.writeString(
            dir.resolve("README.md"),
            String.join(
                "\n",
                "# Top",
                "## Quick start: a token and a 400",
                "[ok](mod/README.md#running-it) [ok](mod/README.md#running-it-1) [ok](#quick-start-a-token-and-a-400)",
                "[ok](mod/README.md#mod-a-module-x-y) [ok](https://example.com/x) `[code](nowhere.md)`",
                "[gone](nope/README.md) [typo](mod/README.md#running) [dir](mod#x)",
                "```",
                "[in a code block](nowhere.md)",
                "```",
                ""));

    assertThat(ReadmeLinks.broken(readme))
        .containsExactly(
            readme + ":5: nope/README.md (no such file)",
            readme + ":5: mod/README.md#running (no such heading)",
            readme + ":5: mod#x (an anchor into something that is not a Markdown file)");
  }

  @Test
  void refusesAnotherVersionInAnyReadmeOfTheRepository() throws IOException {
    Files.createDirectories(dir.resolve("client"));
    Files.writeString(dir.resolve("README.md"), "# Top\n");
    Files.writeString(
        dir.resolve("client/README.md"),
        "```xml\n<dependency>\n  <groupId>org.openbitgo.accesstoken</groupId>\n"
            + "  <artifactId>accesstoken-client</artifactId>\n  <version>1.0.0-SNAPSHOT</version>\n</dependency>\n```\n");

    List<Path> readmes = ReadmeSnippets.readmesOf(dir);
    assertThat(readmes).containsExactly(dir.resolve("README.md"), dir.resolve("client/README.md"));
    assertThat(
            ReadmeSnippets.versionProblems(
                "client/README.md",
                Files.readString(readmes.get(1)),
                Map.of("org.openbitgo.accesstoken", "2.0.0-SNAPSHOT")))
        .containsExactly(
            "client/README.md line 2: org.openbitgo.accesstoken:accesstoken-client 1.0.0-SNAPSHOT,"
                + " but this build uses 2.0.0-SNAPSHOT");
  }
}
