package org.openbitgo.accesstoken.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every released contract judged against the one before it: each step must be what its version says
 * (2.0.0 -> 2.1.0 a MINOR, 1.1.0 -> 2.0.0 a MAJOR), and the verdict stays tested after the newest
 * release has become the baseline the gate compares the spec with.
 */
class ReleaseHistoryTest {

  @Test
  void eachReleaseIsTheKindOfChangeItsVersionSays() {
    assertThat(BreakingChangeGate.releases(Path.of("src/baseline"), new java.util.ArrayList<>()))
        .hasSizeGreaterThanOrEqualTo(3);
    assertThat(ContractRelease.historyProblems(Path.of("src/baseline"))).isEmpty();
  }

  @Test
  void aBreakReleasedAsAMinorIsNamed(@TempDir Path baselines) {
    SpecFixture.released().release(baselines);
    SpecFixture.released()
        .with(f -> f.schema("/AccessToken/properties").remove("label"))
        .version("1.1.0")
        .release(baselines);

    assertThat(ContractRelease.historyProblems(baselines))
        .singleElement()
        .asString()
        .startsWith("1.0.0 -> 1.1.0: refused by the gate")
        .contains("property `label` removed");
  }

  @Test
  void anAdditionReleasedAsAPatchIsNamed(@TempDir Path baselines) {
    SpecFixture.released().release(baselines);
    SpecFixture.released()
        .with(
            f ->
                f.schema("/AccessToken/properties")
                    .putObject("note")
                    .put("type", "string")
                    .put("description", "A note."))
        .version("1.0.1")
        .release(baselines);

    assertThat(ContractRelease.historyProblems(baselines))
        .containsExactly("1.0.0 -> 1.0.1: its changes need at least 1.1.0");
  }
}
