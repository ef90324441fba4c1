package org.openbitgo.accesstoken.contracttests.verification;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.IResponse;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openbitgo.accesstoken.contract.SpecValidators;

/**
 * Checks every interaction of a pact file against the OpenAPI spec, so a consumer expectation that
 * drifts from the contract fails the build.
 *
 * <p>Reads the pact with Pact's own reader and hands each interaction to
 * swagger-request-validator-core (its Pact adapter is built for Pact 4.6 and breaks on 4.7).
 * Stricter than the spec's defaults: a field the spec does not name is an error, because a pact
 * that expects one pins something the contract never promised.
 */
public final class PactSpecConformance {

  private final OpenApiInteractionValidator validator;

  public PactSpecConformance(String specLocation) {
    this.validator = SpecValidators.strict(specLocation);
  }

  /** One line per violation, naming the interaction; empty when the whole pact conforms. */
  public List<String> violations(File pactFile) {
    Pact pact = DefaultPactReader.INSTANCE.loadPact(pactFile);
    List<String> violations = new ArrayList<>();
    for (Interaction interaction : pact.getInteractions()) {
      SynchronousRequestResponse exchange = interaction.asSynchronousRequestResponse();
      if (exchange == null) {
        violations.add(interaction.getDescription() + ": not an HTTP request/response interaction");
        continue;
      }
      IRequest request = exchange.getRequest();
      IResponse response = exchange.getResponse();
      // Error-path interactions send invalid requests on purpose: only their responses must
      // conform.
      if (response.getStatus() < 400) {
        collect(
            interaction,
            "request",
            validator.validateRequest(toValidatorRequest(request)),
            violations);
      }
      collect(
          interaction,
          "response",
          validator.validateResponse(
              request.getPath(),
              Request.Method.valueOf(request.getMethod().toUpperCase()),
              toValidatorResponse(response)),
          violations);
    }
    return violations;
  }

  /** How many interactions the pact file holds (for reports). */
  public static int interactionCount(File pactFile) {
    return DefaultPactReader.INSTANCE.loadPact(pactFile).getInteractions().size();
  }

  private static void collect(
      Interaction interaction, String side, ValidationReport report, List<String> violations) {
    report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .forEach(
            m ->
                violations.add(
                    interaction.getDescription() + " (" + side + "): " + m.getMessage()));
  }

  private static Request toValidatorRequest(IRequest request) {
    SimpleRequest.Builder builder =
        new SimpleRequest.Builder(request.getMethod().toUpperCase(), request.getPath());
    for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
      builder.withHeader(header.getKey(), header.getValue());
    }
    request.getQuery().forEach(builder::withQueryParam);
    if (request.getBody().isPresent()) {
      builder.withBody(request.getBody().valueAsString());
    }
    return builder.build();
  }

  private static SimpleResponse toValidatorResponse(IResponse response) {
    SimpleResponse.Builder builder = SimpleResponse.Builder.status(response.getStatus());
    for (Map.Entry<String, List<String>> header : response.getHeaders().entrySet()) {
      builder.withHeader(header.getKey(), header.getValue());
    }
    if (response.getBody().isPresent()) {
      builder.withBody(response.getBody().valueAsString());
    }
    return builder.build();
  }
}
