package org.openbitgo.accesstoken.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every override under {@code generator-templates/}, whatever generator it is for, is the pinned
 * generator's built-in template plus its documented change: one check for all languages, so an
 * override added for a new generator cannot escape it.
 */
class TemplateOverridesMatchGeneratorTest {

  private static final Path OVERRIDES = Path.of(System.getProperty("generator.templates"));

  @Test
  void everyOverrideIsTheBuiltInTemplatePlusItsDocumentedChange() {
    assertThat(TemplateOverrides.drift(OVERRIDES, TemplateOverrides::fromClasspath)).isEmpty();
  }

  @Test
  void theCheckSeesTheOverridesOfEveryGenerator() throws IOException {
    // a wrong or empty generator.templates would make the check above pass vacuously
    try (Stream<Path> generators = Files.list(OVERRIDES)) {
      assertThat(generators.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
          .contains("java", "python", "typescript-fetch");
    }
  }
}
