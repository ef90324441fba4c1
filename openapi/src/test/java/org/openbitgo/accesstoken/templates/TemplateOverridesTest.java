package org.openbitgo.accesstoken.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.AbstractStringAssert;
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
    writeTheOverrideWithItsChange();

    assertThat(drift(UPSTREAM)).isEmpty();
  }

  @Test
  void refusesWhenANewGeneratorVersionChangedTheTemplateElsewhere() throws IOException {
    writeTheOverrideWithItsChange();
    String upgraded = UPSTREAM.replace("class {{classname}} {", "public class {{classname}} {");

    onlyDrift(upgraded).contains("pojo.mustache differs from the generator's Java/pojo.mustache");
  }

  @Test
  void refusesWhenANewGeneratorVersionChangedTheLineTheOverrideChanges() throws IOException {
    writeTheOverrideWithItsChange();
    String upgraded = UPSTREAM.replace("toString: {{name}}", "toString: {{{name}}}");

    onlyDrift(upgraded).contains("no longer occur exactly once");
  }

  @Test
  void refusesACopyEditedBeyondItsDocumentedChange() throws IOException {
    write("pojo.mustache", OVERRIDE + "// an undocumented extra\n");
    write("pojo.mustache.change", CHANGE);

    assertThat(drift(UPSTREAM)).hasSize(1);
  }

  @Test
  void refusesAnOverrideWithoutAChangeFile() throws IOException {
    write("pojo.mustache", OVERRIDE);

    onlyDrift(UPSTREAM).contains("no pojo.mustache.change");
  }

  @Test
  void checksTheOverridesOfEveryGeneratorFolderNotOnlyTheFirst() throws IOException {
    Files.createDirectories(overrides.resolve("java/libraries/feign"));
    Files.createDirectories(overrides.resolve("python"));
    write("java/libraries/feign/pojo.mustache", OVERRIDE);
    write("java/libraries/feign/pojo.mustache.change", CHANGE);
    write("python/model_generic.mustache", "class {{classname}}(BaseModel): ...\n");

    onlyDrift(UPSTREAM).contains("python/model_generic.mustache: no model_generic.mustache.change");
  }

  @Test
  void refusesAReplacementOfATemplateTheGeneratorNoLongerHas() throws IOException {
    write("ApiClient.mustache", "public final class ApiClient {}\n");
    write("ApiClient.mustache.change", "# not a copy\nreplaces: Java/ApiClient.mustache\n");

    onlyDrift(UPSTREAM).contains("has no Java/ApiClient.mustache to replace");
  }

  /** What the drift check finds against a generator that ships {@code pojo} as its template. */
  private List<String> drift(String pojo) {
    return TemplateOverrides.drift(
        overrides, path -> Optional.ofNullable(Map.of(UPSTREAM_PATH, pojo).get(path)));
  }

  /** Asserts the drift check finds exactly one problem; returns it to check. */
  private AbstractStringAssert<?> onlyDrift(String pojo) {
    return assertThat(drift(pojo)).singleElement().asString();
  }

  private void writeTheOverrideWithItsChange() throws IOException {
    write("pojo.mustache", OVERRIDE);
    write("pojo.mustache.change", CHANGE);
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(overrides.resolve(name), text);
  }
}
