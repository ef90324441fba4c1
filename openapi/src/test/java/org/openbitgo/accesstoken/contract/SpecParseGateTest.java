package org.openbitgo.accesstoken.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecParseGateTest {

  static final Path SPEC = Path.of("src/main/resources/openapi/access-token.yaml");

  @TempDir Path temp;

  @Test
  void acceptsTheSpecWithNoParserMessage() {
    assertThat(SpecParseGate.problems(SPEC)).isEmpty();
  }

  @Test
  void refusesACopyWithADanglingReference() throws IOException {
    Path broken =
        brokenCopy("$ref: '#/components/schemas/SpendingLimit'", "$ref: '#/components/schemas/Nope'");

    assertThat(SpecParseGate.problems(broken)).anyMatch(m -> m.contains("Nope"));
    assertThatThrownBy(() -> SpecParseGate.main(new String[] {broken.toString()}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is refused");
  }

  @Test
  void refusesACopyThatOnlyEarnsAWarning() throws IOException {
    // An unknown keyword is only a warning to Swagger Parser, but a generator silently ignores it:
    // the gate must refuse warnings too.
    Path broken = brokenCopy("    SpendingLimit:\n      type: object", "    SpendingLimit:\n      typo: 1\n      type: object");

    assertThat(SpecParseGate.problems(broken)).anyMatch(m -> m.contains("typo"));
  }

  @Test
  void refusesAWrongTypeForAnAttribute() throws IOException {
    Path broken =
        brokenCopy("      required:\n        - label\n", "      required: label\n");

    assertThat(SpecParseGate.problems(broken)).isNotEmpty();
  }

  @Test
  void refusesAMissingFile() {
    assertThat(SpecParseGate.problems(temp.resolve("absent.yaml"))).containsExactly(
        "spec not found: " + temp.resolve("absent.yaml"));
  }

  private Path brokenCopy(String original, String replacement) throws IOException {
    String spec = Files.readString(SPEC);
    assertThat(spec).as("the fixture edit must apply").contains(original);
    Path copy = temp.resolve("broken.yaml");
    Files.writeString(copy, spec.replace(original, replacement));
    return copy;
  }
}
