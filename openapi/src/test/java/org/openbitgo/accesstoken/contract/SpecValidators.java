package org.openbitgo.accesstoken.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The request/response validator over the contract (Atlassian's swagger-request-validator reading
 * the spec on the classpath), set up here once for the tests of every module: the spec's own
 * examples (openapi), the stub's answers (stub-server), the pacts (contract-tests). A module using
 * it adds {@code swagger-request-validator-core} in test scope.
 */
public final class SpecValidators {

  private SpecValidators() {}

  /** The validator's default levels: what the spec says, no more. */
  public static OpenApiInteractionValidator standard() {
    return builder().build();
  }

  /** {@link #standard()} over the spec at {@code location} (a file path or URL). */
  public static OpenApiInteractionValidator standard(String location) {
    return withCombinatorsResolved(OpenApiInteractionValidator.createFor(location)).build();
  }

  /**
   * Also a property the spec does not name is an error, in request and response bodies: for a pact,
   * which must not pin anything the contract never promised.
   */
  public static OpenApiInteractionValidator strict() {
    return strict(builder());
  }

  /**
   * {@link #strict()} over the spec at {@code location} (a file path or URL, e.g. {@code
   * -Dcontract.spec}).
   */
  public static OpenApiInteractionValidator strict(String location) {
    return strict(withCombinatorsResolved(OpenApiInteractionValidator.createFor(location)));
  }

  private static OpenApiInteractionValidator strict(OpenApiInteractionValidator.Builder builder) {
    return builder
        .withLevelResolver(
            LevelResolver.create()
                .withLevel(
                    "validation.request.body.schema.additionalProperties",
                    ValidationReport.Level.ERROR)
                .withLevel(
                    "validation.response.body.schema.additionalProperties",
                    ValidationReport.Level.ERROR)
                .build())
        .build();
  }

  private static OpenApiInteractionValidator.Builder builder() {
    return withCombinatorsResolved(
        OpenApiInteractionValidator.createForInlineApiSpecification(specText()));
  }

  /**
   * Merges each {@code allOf} into one schema before validating ({@code AccessToken} is {@code
   * AccessTokenInfo} plus the secret). Without it the strict level checks each part of the {@code
   * allOf} alone, and every property of one part is "not allowed" by the other.
   */
  private static OpenApiInteractionValidator.Builder withCombinatorsResolved(
      OpenApiInteractionValidator.Builder builder) {
    return builder.withResolveRefs(true).withResolveCombinators(true);
  }

  private static String specText() {
    try (InputStream spec = SpecValidators.class.getResourceAsStream(ContractFacts.SPEC_RESOURCE)) {
      if (spec == null) {
        throw new IllegalStateException(ContractFacts.SPEC_RESOURCE + " is not on the classpath");
      }
      return new String(spec.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
