package org.openbitgo.accesstoken.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SemanticVersionTest {

  @Test
  void ordersByMajorThenMinorThenPatchNumerically() {
    assertThat(v("1.10.0")).isGreaterThan(v("1.9.9"));
    assertThat(v("2.0.0")).isGreaterThan(v("1.99.99"));
    assertThat(v("1.0.1").isLowerThan(v("1.1.0"))).isTrue();
  }

  @Test
  void nextMajorAndMinorResetTheLowerParts() {
    assertThat(v("1.4.2").nextMajor()).hasToString("2.0.0");
    assertThat(v("1.4.2").nextMinor()).hasToString("1.5.0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "1.0", "1.0.0-rc.1", "01.0.0", "v1.0.0", ""})
  void refusesAnythingButPlainMajorMinorPatch(String text) {
    assertThat(SemanticVersion.parse(text)).isEmpty();
  }

  private static SemanticVersion v(String text) {
    return SemanticVersion.parse(text).orElseThrow();
  }
}
