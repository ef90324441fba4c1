package org.openbitgo.accesstoken.contract;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The determinism check used by both generated modules refuses every kind of difference. */
class GeneratedSourcesTest {

  @TempDir Path first;
  @TempDir Path second;

  @Test
  void acceptsIdenticalTrees() throws IOException {
    write(first, "a/Model.java", "class Model {}");
    write(second, "a/Model.java", "class Model {}");

    assertThatCode(() -> GeneratedSources.assertIdentical(first, second))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesADifferentByte() throws IOException {
    write(first, "a/Model.java", "class Model {}");
    write(second, "a/Model.java", "class Model { }");

    assertThatThrownBy(() -> GeneratedSources.assertIdentical(first, second))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void refusesAMissingFile() throws IOException {
    write(first, "a/Model.java", "class Model {}");
    write(first, "a/Other.java", "class Other {}");
    write(second, "a/Model.java", "class Model {}");

    assertThatThrownBy(() -> GeneratedSources.assertIdentical(first, second))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void refusesAGenerationDate() throws IOException {
    String dated = "@Generated(value = \"x\", date = \"2026-11-27T10:15:30Z\") class Model {}";
    write(first, "a/Model.java", dated);
    write(second, "a/Model.java", dated);

    assertThatThrownBy(() -> GeneratedSources.assertIdentical(first, second))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("generation date");
  }

  @Test
  void refusesAnEmptyGeneration() {
    assertThatThrownBy(() -> GeneratedSources.assertIdentical(first, second))
        .isInstanceOf(AssertionError.class);
  }

  private static void write(Path root, String file, String content) throws IOException {
    Path path = root.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, content);
  }
}
