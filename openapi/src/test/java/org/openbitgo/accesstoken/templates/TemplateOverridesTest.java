package org.openbitgo.accesstoken.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drift check refuses every way an override can fall behind or lose its documentation. */
class TemplateOverridesTest {

  private static final String UPSTREAM_PATH = "Java/pojo.mustache";
  private static final String UPSTREAM = "class {{classname}} {\n  toString: {{name}}\n}\n";
  private static final String CHANGE =
      "# redacts secrets\nupstream: Java/pojo.mustache\n-   toString: {{name}}\n+   toString: [REDACTED]\n";
  private static final String OVERRIDE = "class {{classname}} {\n  toString: [REDACTED]\n}\n";

  @TempDir Path overrides;

  @Test
  void acceptsAnOverrideThatIsTheBuiltInTemplatePlusItsDocumentedChange() throws IOException {
    write("pojo.mustache", OVERRIDE);
    write("pojo.mustache.change", CHANGE);

    assertThat(TemplateOverrides.drift(overrides, generatorShipping(UPSTREAM))).isEmpty();
  }

  @Test
  void refusesWhenANewGeneratorVersionChangedTheTemplateElsewhere() throws IOException {
    write("pojo.mustache", OVERRIDE);
    write("pojo.mustache.change", CHANGE);
    String upgraded = UPSTREAM.replace("class {{classname}} {", "public class {{classname}} {");

    assertThat(TemplateOverrides.drift(overrides, generatorShipping(upgraded)))
        .singleElement()
        .asString()
        .contains("pojo.mustache differs from the generator's Java/pojo.mustache");
  }

  @Test
  void refusesWhenANewGeneratorVersionChangedTheLineTheOverrideChanges() throws IOException {
    write("pojo.mustache", OVERRIDE);
    write("pojo.mustache.change", CHANGE);
    String upgraded = UPSTREAM.replace("toString: {{name}}", "toString: {{{name}}}");

    assertThat(TemplateOverrides.drift(overrides, generatorShipping(upgraded)))
        .singleElement()
        .asString()
        .contains("no longer occur exactly once");
  }

  @Test
  void refusesACopyEditedBeyondItsDocumentedChange() throws IOException {
    write("pojo.mustache", OVERRIDE + "// an undocumented extra\n");
    write("pojo.mustache.change", CHANGE);

    assertThat(TemplateOverrides.drift(overrides, generatorShipping(UPSTREAM))).hasSize(1);
  }

  @Test
  void refusesAnOverrideWithoutAChangeFile() throws IOException {
    write("pojo.mustache", OVERRIDE);

    assertThat(TemplateOverrides.drift(overrides, generatorShipping(UPSTREAM)))
        .singleElement()
        .asString()
        .contains("no pojo.mustache.change");
  }

  @Test
  void checksTheOverridesOfEveryGeneratorFolderNotOnlyTheFirst() throws IOException {
    Files.createDirectories(overrides.resolve("java/libraries/feign"));
    Files.createDirectories(overrides.resolve("python"));
    write("java/libraries/feign/pojo.mustache", OVERRIDE);
    write("java/libraries/feign/pojo.mustache.change", CHANGE);
    write("python/model_generic.mustache", "class {{classname}}(BaseModel): ...\n");

    assertThat(TemplateOverrides.drift(overrides, generatorShipping(UPSTREAM)))
        .singleElement()
        .asString()
        .contains("python/model_generic.mustache: no model_generic.mustache.change");
  }

  @Test
  void refusesAReplacementOfATemplateTheGeneratorNoLongerHas() throws IOException {
    write("ApiClient.mustache", "public final class ApiClient {}\n");
    write("ApiClient.mustache.change", "# not a copy\nreplaces: Java/ApiClient.mustache\n");

    assertThat(TemplateOverrides.drift(overrides, generatorShipping(UPSTREAM)))
        .singleElement()
        .asString()
        .contains("has no Java/ApiClient.mustache to replace");
  }

  private static java.util.function.Function<String, Optional<String>> generatorShipping(
      String pojo) {
    return path -> Optional.ofNullable(Map.of(UPSTREAM_PATH, pojo).get(path));
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(overrides.resolve(name), text);
  }
}
