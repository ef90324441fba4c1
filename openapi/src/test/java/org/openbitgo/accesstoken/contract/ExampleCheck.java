package org.openbitgo.accesstoken.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every request and response example of a spec, validated against the spec's own schemas. The build
 * runs it on every change ({@code SpecExamplesConformTest}); the release command runs it before it
 * copies the spec into a baseline, so a baseline never freezes a wrong example.
 */
final class ExampleCheck {

  /** How many examples were validated, and what was wrong with each that failed. */
  record Report(int checked, List<String> problems) {}

  /** The id that fills every path template ({@code {id}}) of an example request or response. */
  static final String EXAMPLE_ID = "59cd72485007a239fb00282ed480da1f";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ExampleCheck() {}

  static Report of(Path spec) {
    JsonNode tree;
    try {
      tree = YAML.readTree(spec.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    OpenApiInteractionValidator validator = SpecValidators.standard(spec.toUri().toString());
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<String, JsonNode> path : tree.path("paths").properties()) {
      String concretePath = path.getKey().replaceAll("\\{[^}]+}", EXAMPLE_ID);
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        Request.Method method = Request.Method.valueOf(operation.getKey().toUpperCase(Locale.ROOT));
        String where = method + " " + path.getKey();
        for (Map.Entry<String, JsonNode> example :
            operation
                .getValue()
                .at("/requestBody/content/application~1json/examples")
                .properties()) {
          ValidationReport report =
              validator.validateRequest(
                  SimpleRequest.Builder.post(concretePath)
                      .withContentType("application/json")
                      .withAuthorization("Bearer example")
                      .withBody(example.getValue().get("value").toString())
                      .build());
          problems.addAll(messages(where + " request example `" + example.getKey() + "`", report));
          checked++;
        }
        for (Map.Entry<String, JsonNode> response :
            operation.getValue().path("responses").properties()) {
          int status =
              response.getKey().equals("default") ? 500 : Integer.parseInt(response.getKey());
          JsonNode examples =
              resolved(tree, response.getValue()).at("/content/application~1json/examples");
          if (examples.isEmpty()) {
            problems.add(where + " response " + response.getKey() + " has no example");
          }
          for (Map.Entry<String, JsonNode> example : examples.properties()) {
            ValidationReport report =
                validator.validateResponse(
                    concretePath,
                    method,
                    SimpleResponse.Builder.status(status)
                        .withContentType("application/json")
                        .withBody(example.getValue().get("value").toString())
                        .build());
            problems.addAll(
                messages(
                    where
                        + " response "
                        + response.getKey()
                        + " example `"
                        + example.getKey()
                        + "`",
                    report));
            checked++;
          }
        }
      }
    }
    return new Report(checked, problems);
  }

  /** A response object, or the shared one its {@code $ref} names. */
  private static JsonNode resolved(JsonNode spec, JsonNode response) {
    JsonNode ref = response.get("$ref");
    return ref == null ? response : spec.at(ref.asText().substring(1));
  }

  private static List<String> messages(String example, ValidationReport report) {
    return report.getMessages().stream().map(m -> example + ": " + m.getMessage()).toList();
  }
}
