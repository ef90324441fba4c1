package org.openbitgo.accesstoken.client.generated;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openbitgo.accesstoken.templates.TemplateOverrides;

/** The java/feign overrides are the pinned generator's templates plus their documented changes. */
class TemplateOverridesMatchGeneratorTest {

  @Test
  void everyOverrideIsTheBuiltInTemplatePlusItsDocumentedChange() {
    Path overrides = Path.of(System.getProperty("generator.templates"), "java");
    assertThat(TemplateOverrides.drift(overrides, TemplateOverrides::fromClasspath)).isEmpty();
  }
}
