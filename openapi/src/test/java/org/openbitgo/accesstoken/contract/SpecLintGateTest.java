package org.openbitgo.accesstoken.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lint gate with the real linters (installed by the build's npm ci; with -DjavaOnly they are
 * not, and this test is skipped). One copy of the spec carries findings of both linters; that the
 * spec itself passes is what the spec-lint-gate execution shows on every build.
 */
class SpecLintGateTest {

  /** Where package.json, the linters' configurations and node_modules are: the module itself. */
  static final Path LINT_DIR = Path.of("");

  @TempDir Path temp;

  /** What the gate prints to the build log. */
  final ByteArrayOutputStream console = new ByteArrayOutputStream();

  final PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);

  @BeforeAll
  static void lintersInstalled() {
    assumeTrue(
        Files.exists(LINT_DIR.resolve("node_modules/.bin/spectral")),
        "linters not installed (-DjavaOnly)");
  }

  @Test
  void refusesACopyWithAnUnusedComponentAndAnOperationWithoutTags() {
    Path broken =
        SpecFixture.current()
            .with(
                f -> {
                  ((ObjectNode) f.root().at("/components/schemas"))
                      .putObject("Orphan")
                      .put("type", "string")
                      .put("description", "Referenced by nothing.");
                  f.operation().remove("tags");
                })
            .writeTo(temp.resolve("broken.yaml"));
    Path refusals = temp.resolve("gate-refusals");

    SpecLintGate.run(
        new String[] {broken.toString(), LINT_DIR.toString(), refusals.toString()}, out);

    assertThat(refusals.resolve("spec-lint-gate.txt"))
        .content()
        .startsWith("REFUSED")
        .contains("spectral oas3-unused-component at components.schemas.Orphan")
        .contains("redocly no-unused-components at #/components/schemas/Orphan")
        .contains("spectral operation-tags");
  }
}
