package org.openbitgo.accesstoken.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openbitgo.accesstoken.stub.app.ReferencePage;

/**
 * The built reference page in a real browser: Debian's chromium-headless-shell, driven by
 * puppeteer-core ({@code src/test/js/check-page.cjs}). On load, without a click, it shows every
 * operation, every field name and every code sample of the spec, the authentication, the error
 * shapes and the changelog; no request leaves the page; the console has no error. A screenshot
 * lands in {@code target/reference-screenshot.png}. A page built without one field is checked too
 * and must fail. Without Chromium (a machine that is not CI) the check is skipped in one line;
 * {@code .ci/run} sets REFERENCE_BROWSER_REQUIRED, so CI fails instead.
 */
class ReferencePageInBrowserTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path PAGE = Path.of(System.getProperty("reference.page"));
  private static final Path TARGET = PAGE.getParent();
  private static final Path SCREENSHOT = TARGET.resolve("reference-screenshot.png");

  /** The field left out of the broken page: the request's {@code otp}. */
  private static final String DROPPED_FIELD = "otp";

  private static JsonNode built;
  private static JsonNode missingAField;
  private static Expectations expected;

  record Expectations(
      List<String> operations, List<String> fields, List<String> samples, List<String> texts) {}

  @BeforeAll
  static void openBothPagesInChromium() throws Exception {
    Path chromium =
        Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium-headless-shell"));
    Path script = Path.of(System.getProperty("reference.browser.check"));
    String skipReason = System.getProperty("browser.skip.reason", "");
    if (skipReason.isEmpty() && !Files.isExecutable(chromium)) {
      skipReason = "no " + chromium;
    } else if (skipReason.isEmpty()
        && !Files.isDirectory(
            Path.of(System.getProperty("reference.node.modules"), "puppeteer-core"))) {
      skipReason = "no node_modules/puppeteer-core (npm ci)";
    }
    if (!skipReason.isEmpty()) {
      if ("true".equals(System.getenv("REFERENCE_BROWSER_REQUIRED"))) {
        throw new AssertionError("REFERENCE_BROWSER_REQUIRED (set by .ci/run) but " + skipReason);
      }
      System.out.println(
          "[WARNING] REFERENCE PAGE NOT CHECKED IN A BROWSER ("
              + skipReason
              + "): it needs Debian's chromium-headless-shell and npm (.ci/run provisions them)");
      abort(skipReason);
    }

    ObjectNode pageSpec =
        ReferencePage.pageSpec(
            ReferencePage.contract(),
            Path.of(System.getProperty("reference.samples")),
            Files.readString(TARGET.resolve("../../CHANGELOG.md").normalize()));
    expected = expectations(pageSpec);
    ObjectNode withoutTheField = pageSpec.deepCopy();
    ((ObjectNode) withoutTheField.at("/components/schemas/CreateAccessTokenRequest/properties"))
        .remove(DROPPED_FIELD);
    Path broken = TARGET.resolve("reference-missing-a-field.html");
    Files.writeString(broken, ReferencePage.render(withoutTheField));

    Path expectations = TARGET.resolve("reference-expectations.json");
    JSON.writeValue(expectations.toFile(), expected);
    List<String> command =
        List.of(
            "node",
            script.toString(),
            chromium.toString(),
            expectations.toString(),
            PAGE + "=" + SCREENSHOT,
            broken.toString());
    Process node =
        new ProcessBuilder(command)
            .directory(script.getParent().toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(node.waitFor(120, TimeUnit.SECONDS)).as("the browser check ended").isTrue();
    assertThat(node.exitValue()).as(output).isZero();
    JsonNode results = JSON.readTree(output);
    built = results.get(0);
    missingAField = results.get(1);
  }

  @Test
  void theBuiltPageShowsEveryOperationFieldAndSampleOnLoad() {
    assertThat(expected.operations()).isNotEmpty();
    assertThat(expected.fields()).hasSizeGreaterThan(20);
    assertThat(expected.samples()).hasSizeGreaterThanOrEqualTo(5 * expected.operations().size());
    assertThat(built.get("missingOperations")).as("operations not shown").isEmpty();
    assertThat(built.get("missingFields")).as("fields not shown").isEmpty();
    assertThat(built.get("missingSamples")).as("code samples not shown").isEmpty();
    assertThat(built.get("missingTexts")).as("texts not shown").isEmpty();
    System.out.printf(
        "reference page in Chromium: %d operations, %d fields, %d samples shown; screenshot %s%n",
        expected.operations().size(),
        expected.fields().size(),
        expected.samples().size(),
        SCREENSHOT);
  }

  @Test
  void noRequestLeavesThePageAndTheConsoleHasNoError() {
    assertThat(built.get("requests")).as("requests").isEmpty();
    assertThat(built.get("consoleErrors")).as("console errors").isEmpty();
  }

  @Test
  void aScreenshotIsLeftForReview() throws IOException {
    assertThat(SCREENSHOT).isRegularFile();
    assertThat(Files.size(SCREENSHOT)).isGreaterThan(10_000);
  }

  @Test
  void theCheckRefusesAPageMissingAField() {
    assertThat(missingAField.get("missingFields"))
        .as("the field dropped from the page")
        .extracting(JsonNode::asText)
        .containsExactly(DROPPED_FIELD);
    assertThat(missingAField.get("missingOperations")).isEmpty();
  }

  /**
   * What the page must show, from its spec: each operation ({@code POST /path}), every property
   * name, every sample, each security scheme, the schemas of the error answers and the changelog.
   */
  static Expectations expectations(JsonNode pageSpec) {
    List<String> operations = new ArrayList<>();
    List<String> samples = new ArrayList<>();
    Set<String> texts = new LinkedHashSet<>(List.of("Authentication:", "Changelog"));
    pageSpec
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        method -> {
                          operations.add(method.getKey().toUpperCase() + " " + path.getKey());
                          method
                              .getValue()
                              .path("x-codeSamples")
                              .forEach(s -> samples.add(s.get("source").asText()));
                          method
                              .getValue()
                              .path("responses")
                              .properties()
                              .forEach(
                                  response -> {
                                    if (!response.getKey().startsWith("2")) {
                                      // a shared response (components/responses) shows what
                                      // it holds, not its own name
                                      JsonNode shown = response.getValue();
                                      if (shown.has("$ref")) {
                                        shown =
                                            pageSpec.at(shown.get("$ref").asText().substring(1));
                                      }
                                      shown
                                          .findValues("$ref")
                                          .forEach(
                                              ref -> texts.add(ref.asText().replaceAll(".*/", "")));
                                    }
                                  });
                        }));
    pageSpec.path("components").path("securitySchemes").fieldNames().forEachRemaining(texts::add);
    Set<String> fields = new LinkedHashSet<>();
    for (JsonNode properties : pageSpec.findValues("properties")) {
      properties.fieldNames().forEachRemaining(fields::add);
    }
    return new Expectations(operations, List.copyOf(fields), samples, List.copyOf(texts));
  }
}
