package org.openbitgo.accesstoken.consumercheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadmeSnippetsTest {

  private static final String MAIN = "src/main/java/com/example/Hello.java";
  private static final Map<String, String> VERSIONS =
      Map.of("org.openbitgo.accesstoken", "2.0.0-SNAPSHOT");
  private static final String README =
      """
      # A readme

      <!-- consumer-check: pom.xml -->
      ```xml
      <dependencyManagement><dependencies><dependency>
        <groupId>org.openbitgo.accesstoken</groupId>
        <artifactId>accesstoken-bom</artifactId>
        <version>2.0.0-SNAPSHOT</version>
      </dependency></dependencies></dependencyManagement>
      ```

      text between

      <!-- consumer-check: pom.xml -->
      ```xml
      <dependencies/>
      ```

      <!-- consumer-check: src/main/java/com/example/Hello.java -->
      ```java
      package com.example;

      import java.util.List;

      public class Hello {
        public static List<String> greet() {
          return List.of("hello");
        }
      }
      ```
      """;

  @TempDir Path dir;

  @Test
  void writesEachMarkedBlockVerbatimAndThePomSnippetsInReadmeOrder() throws IOException {
    Path skeleton = Files.createDirectories(dir.resolve("skeleton"));
    Files.writeString(
        skeleton.resolve("pom.xml"), "<project>\n  " + ReadmeSnippets.POM_SLOT + "\n</project>\n");

    ReadmeSnippets.writeProject(
        ReadmeSnippets.extract(README, List.of("pom.xml", MAIN), VERSIONS),
        skeleton,
        dir.resolve("out"));

    String pom = Files.readString(dir.resolve("out/pom.xml"));
    assertThat(pom).doesNotContain(ReadmeSnippets.POM_SLOT).contains("<dependencies/>");
    assertThat(pom.indexOf("accesstoken-bom")).isLessThan(pom.indexOf("<dependencies/>"));
    assertThat(Files.readString(dir.resolve("out").resolve(MAIN)))
        .startsWith("package com.example;\n\nimport java.util.List;\n")
        .endsWith("}\n");
  }

  @Test
  void aSecondRunWithoutASkeletonWritesTheReadmesPomAgain() throws IOException {
    Map<String, String> snippets =
        ReadmeSnippets.extract(README, List.of("pom.xml", MAIN), VERSIONS);
    Path noSkeleton = dir.resolve("no-skeleton");

    ReadmeSnippets.writeProject(snippets, noSkeleton, dir.resolve("out"));
    ReadmeSnippets.writeProject(snippets, noSkeleton, dir.resolve("out"));

    assertThat(Files.readString(dir.resolve("out/pom.xml"))).isEqualTo(snippets.get("pom.xml"));
  }

  @Test
  void refusesAReadmeWhoseRequiredBlockIsNoLongerMarked() {
    String unmarked =
        README.replace("<!-- consumer-check: src/main/java/com/example/Hello.java -->\n", "");
    assertThatThrownBy(() -> ReadmeSnippets.extract(unmarked, List.of("pom.xml", MAIN), VERSIONS))
        .hasMessageContaining(
            "no README code block is marked <!-- consumer-check: " + MAIN + " -->");
  }

  @Test
  void refusesAMarkerWithoutItsCodeBlock() {
    String loose =
        README.replace(
            "<!-- consumer-check: src/main/java/com/example/Hello.java -->\n",
            "<!-- consumer-check: src/main/java/com/example/Hello.java -->\nSome words first.\n");
    assertThatThrownBy(() -> ReadmeSnippets.extract(loose, List.of(), VERSIONS))
        .hasMessageContaining(
            "README line 19: the marker for "
                + MAIN
                + " is not directly followed by a ``` code block");
  }

  @Test
  void refusesATargetOutsideTheProjectAndASecondBlockForOneFile() {
    String bad =
        README.replace(
                "consumer-check: src/main/java/com/example/Hello.java",
                "consumer-check: ../Hello.java")
            + "\n<!-- consumer-check: pom.xml -->\n```xml\n<x/>\n```\n"
            + "<!-- consumer-check: A.java -->\n```java\n```\n<!-- consumer-check: A.java -->\n```java\n```\n";
    assertThatThrownBy(() -> ReadmeSnippets.extract(bad, List.of(), VERSIONS))
        .hasMessageContaining("../Hello.java is not a relative path inside the project")
        .hasMessageContaining("a second block for A.java");
  }

  @Test
  void refusesAReadmeThatNamesAnotherVersionOfOurArtifacts() {
    String old =
        README.replace("<version>2.0.0-SNAPSHOT</version>", "<version>1.0.0-SNAPSHOT</version>");
    assertThatThrownBy(() -> ReadmeSnippets.extract(old, List.of(), VERSIONS))
        .hasMessageContaining(
            "README line 5: org.openbitgo.accesstoken:accesstoken-bom 1.0.0-SNAPSHOT, but this build uses 2.0.0-SNAPSHOT");
  }

  @Test
  void refusesAReadmePluginOfAnotherVersionThanTheBuildUses() {
    String plugin =
        "<plugin>\n  <artifactId>maven-surefire-plugin</artifactId>\n  <version>%s</version>\n</plugin>";
    Map<String, String> versions =
        Map.of("org.apache.maven.plugins:maven-surefire-plugin", "3.5.3");

    assertThat(ReadmeSnippets.versionProblems("README", plugin.formatted("3.5.3"), versions))
        .isEmpty();
    assertThat(ReadmeSnippets.versionProblems("README", plugin.formatted("2.12.4"), versions))
        .containsExactly(
            "README line 1: org.apache.maven.plugins:maven-surefire-plugin 2.12.4, but this build"
                + " uses 3.5.3");
  }

  /**
   * What the nested build does with a README example that lost an import: javac, given the same
   * classpath as the README project, refuses the extracted source. The unedited one compiles.
   */
  @Test
  void theReadmeClientExampleCompilesAndFailsWithoutOneOfItsImports() throws IOException {
    String readme = Files.readString(Path.of(System.getProperty("readme")));
    String example = "src/main/java/com/example/treasury/TreasuryBotToken.java";
    String source = ReadmeSnippets.extract(readme, List.of(example), Map.of()).get(example);
    String importLine = "import org.openbitgo.accesstoken.client.AccessTokenClient;\n";
    assertThat(source).contains(importLine);

    assertThat(compile(source)).isEmpty();
    assertThat(compile(source.replace(importLine, "")))
        .contains("cannot find symbol")
        .contains("class AccessTokenClient");
  }

  private String compile(String source) throws IOException {
    Path src =
        Files.createDirectories(
            dir.resolve("src-" + source.length()).resolve("com/example/treasury"));
    Path file = Files.writeString(src.resolve("TreasuryBotToken.java"), source);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    javac
        .getTask(
            errors,
            null,
            null,
            List.of(
                "-d",
                Files.createDirectories(dir.resolve("classes")).toString(),
                "-classpath",
                System.getProperty("java.class.path"),
                "-proc:none"),
            null,
            javac.getStandardFileManager(null, null, null).getJavaFileObjects(file.toFile()))
        .call();
    return errors.toString();
  }
}
