package org.openbitgo.accesstoken.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The one set-up of Atlassian's OpenAPI validator for this contract, shared by every module's
 * tests: as strict as the contract, so a body field the spec does not name is an error.
 */
public final class SpecValidator {

  private SpecValidator() {}

  /** A validator of the spec at {@code location} (a file path or URL, e.g. an edited fixture). */
  public static OpenApiInteractionValidator forSpec(String location) {
    return OpenApiInteractionValidator.createFor(location).withLevelResolver(strict()).build();
  }

  /** A validator of the spec on the classpath ({@link ContractFacts#SPEC_RESOURCE}). */
  public static OpenApiInteractionValidator forContract() {
    try (InputStream spec = SpecValidator.class.getResourceAsStream(ContractFacts.SPEC_RESOURCE)) {
      if (spec == null) {
        throw new IllegalStateException(ContractFacts.SPEC_RESOURCE + " is not on the classpath");
      }
      return OpenApiInteractionValidator.createForInlineApiSpecification(
              new String(spec.readAllBytes(), StandardCharsets.UTF_8))
          .withLevelResolver(strict())
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static LevelResolver strict() {
    return LevelResolver.create()
        .withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.ERROR)
        .withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.ERROR)
        .build();
  }
}
