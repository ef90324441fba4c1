package org.openbitgo.accesstoken.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Compares two generator outputs, for the determinism check of each generated module. */
public final class GeneratedSources {

  private GeneratedSources() {}

  /**
   * Asserts that both trees hold the same Java files with identical bytes, and that no generated
   * file carries a generation date (which would make every regeneration a diff).
   */
  public static void assertIdentical(Path first, Path second) {
    List<Path> files = javaFiles(first);
    assertThat(files).as("generated sources in %s", first).isNotEmpty();
    assertThat(javaFiles(second)).as("same files in both generations").isEqualTo(files);
    for (Path file : files) {
      try {
        String content = Files.readString(first.resolve(file));
        assertThat(Files.readString(second.resolve(file))).as("%s", file).isEqualTo(content);
        assertThat(content).as("%s carries no generation date", file).doesNotContain("date = \"");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static List<Path> javaFiles(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".java"))
          .map(root::relativize)
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
