package org.openbitgo.accesstoken.server.generated;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openbitgo.accesstoken.contract.GeneratedSources;

/** The build generates this module's sources twice (see the POM); both runs must be identical. */
class RegenerationIsDeterministicTest {

  @Test
  void generatingTwiceYieldsByteIdenticalSources() {
    GeneratedSources.assertIdentical(
        Path.of("target/generated-sources/openapi"), Path.of("target/regeneration-check"));
  }
}
