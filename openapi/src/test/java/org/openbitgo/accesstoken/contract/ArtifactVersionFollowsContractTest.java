package org.openbitgo.accesstoken.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Maven version is the contract's version: {@code MAJOR.MINOR.PATCH} of the POMs equals the
 * spec's {@code info.version}; {@code -SNAPSHOT} only marks a build between releases. So a consumer
 * reading {@code accesstoken-client 2.0.0} knows it speaks contract 2.0.0.
 */
class ArtifactVersionFollowsContractTest {

  /** Why {@code artifactVersion} cannot ship with a spec at {@code specVersion}, if it cannot. */
  static Optional<String> mismatch(String artifactVersion, String specVersion) {
    String release =
        artifactVersion.endsWith("-SNAPSHOT")
            ? artifactVersion.substring(0, artifactVersion.length() - "-SNAPSHOT".length())
            : artifactVersion;
    if (release.equals(specVersion)) {
      return Optional.empty();
    }
    return Optional.of(
        "The Maven version "
            + artifactVersion
            + " does not follow the contract: info.version is "
            + specVersion
            + ". Set "
            + specVersion
            + "-SNAPSHOT (or "
            + specVersion
            + " for the release) in every POM, bom/pom.xml included; see README \"Releasing a version\".");
  }

  @Test
  void thePomVersionIsTheSpecsInfoVersion() throws IOException {
    String spec =
        new ObjectMapper(new YAMLFactory())
            .readTree(SpecFixture.SPEC.toFile())
            .at("/info/version")
            .asText();
    assertThat(mismatch(System.getProperty("accesstoken.artifactVersion"), spec)).isEmpty();
  }

  @Test
  void refusesAVersionOfAnotherContract() {
    assertThat(mismatch("1.0.0-SNAPSHOT", "2.0.0"))
        .hasValueSatisfying(
            m ->
                assertThat(m)
                    .startsWith(
                        "The Maven version 1.0.0-SNAPSHOT does not follow the contract: info.version is 2.0.0."));
    assertThat(mismatch("2.0.1", "2.0.0")).isPresent();
    assertThat(mismatch("2.0.0-rc1", "2.0.0")).isPresent();
  }

  @Test
  void acceptsTheReleaseAndItsSnapshot() {
    assertThat(mismatch("2.0.0", "2.0.0")).isEmpty();
    assertThat(mismatch("2.0.0-SNAPSHOT", "2.0.0")).isEmpty();
  }
}
