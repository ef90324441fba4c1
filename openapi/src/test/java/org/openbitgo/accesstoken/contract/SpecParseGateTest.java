package org.openbitgo.accesstoken.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parse gate refuses each kind of message Swagger Parser gives, on copies edited as a tree. */
class SpecParseGateTest {

  @TempDir Path temp;

  /** What the gate prints to the build log. */
  final ByteArrayOutputStream console = new ByteArrayOutputStream();

  final PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);

  @Test
  void acceptsTheSpecWithNoParserMessage() {
    assertThat(SpecParseGate.problems(SpecFixture.SPEC)).isEmpty();
  }

  @Test
  void refusesACopyWithADanglingReferenceAndRecordsTheRefusalForTheBuild() {
    Path broken =
        brokenCopy(
            f ->
                f.schema("/CreateAccessTokenRequest/properties/spendingLimits/items")
                    .put("$ref", "#/components/schemas/Nope"));
    Path refusals = temp.resolve("gate-refusals");

    assertThat(SpecParseGate.problems(broken)).anyMatch(m -> m.contains("Nope"));
    SpecParseGate.run(new String[] {broken.toString(), refusals.toString()}, out);
    assertThat(refusals.resolve("spec-parse-gate.txt"))
        .content()
        .startsWith("REFUSED")
        .contains("Nope");
  }

  @Test
  void refusesACopyThatOnlyEarnsAWarning() {
    // An unknown keyword is only a warning to Swagger Parser, but a generator silently ignores it:
    // the gate must refuse warnings too.
    Path broken = brokenCopy(f -> f.schema("/SpendingLimit").put("typo", 1));

    assertThat(SpecParseGate.problems(broken)).anyMatch(m -> m.contains("typo"));
  }

  @Test
  void refusesAWrongTypeForAnAttribute() {
    Path broken = brokenCopy(f -> f.schema("/AccessToken").put("required", "id"));

    assertThat(SpecParseGate.problems(broken)).anyMatch(m -> m.contains("required"));
  }

  @Test
  void refusesAMissingFile() {
    assertThat(SpecParseGate.problems(temp.resolve("absent.yaml")))
        .containsExactly("spec not found: " + temp.resolve("absent.yaml"));
  }

  @Test
  void acceptingClearsAnEarlierRefusal() {
    Path refusals = temp.resolve("gate-refusals");
    SpecParseGate.run(
        new String[] {
          brokenCopy(f -> f.schema("/SpendingLimit").put("typo", 1)).toString(), refusals.toString()
        },
        out);
    SpecParseGate.run(new String[] {SpecFixture.SPEC.toString(), refusals.toString()}, out);
    assertThat(refusals.resolve("spec-parse-gate.txt")).doesNotExist();
  }

  private Path brokenCopy(Consumer<SpecFixture> change) {
    return SpecFixture.current().with(change).writeTo(temp.resolve("broken.yaml"));
  }
}
