package org.openbitgo.accesstoken.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openbitgo.accesstoken.stub.app.ReferencePage;
import org.openbitgo.accesstoken.stub.app.ReferencePage.SampleLanguage;

/**
 * The code samples of the reference: every operation of the spec has one in every language, and the
 * Java and curl samples get their documented answers from the stub server jar (the TypeScript,
 * Python and Go samples run in their own language's tests; reference/README.md lists where).
 */
class CodeSamplesTest {

  private static final Path SAMPLES = Path.of(System.getProperty("reference.samples"));
  private static final String TOKEN = "reference-samples-token-4c1e";

  /** A sample's JVM makes a few calls and exits: C1 alone has it done sooner, on less CPU. */
  private static final String SHORT_LIVED_JVM = "-XX:TieredStopAtLevel=1";

  @Test
  void everyOperationOfTheSpecHasASampleInEveryLanguage() throws IOException {
    assertThat(ReferencePage.operations(ReferencePage.contract())).isNotEmpty();
    assertThat(missingSamples(ReferencePage.contract(), SAMPLES)).isEmpty();
  }

  @Test
  void theCheckRefusesAnOperationOfTheSpecWithoutSamples() throws IOException {
    ObjectNode spec = ReferencePage.contract();
    ((ObjectNode) spec.get("paths"))
        .putObject("/api/v2/user/accesstoken/{id}/extend")
        .putObject("post")
        .put("operationId", "extendAccessToken");
    assertThat(missingSamples(spec, SAMPLES))
        .containsExactly(
            "extendAccessToken: no samples directory " + SAMPLES.resolve("extendAccessToken"));
  }

  @Test
  void theCheckRefusesAnOperationMissingOneLanguage(@TempDir Path samples) throws IOException {
    // every operation's samples, but create without its Go one
    try (Stream<Path> files = Files.walk(SAMPLES)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path copy = samples.resolve(SAMPLES.relativize(file).toString());
        if (!(copy.getParent().endsWith("createAccessToken") && file.toString().endsWith(".go"))) {
          Files.createDirectories(copy.getParent());
          Files.copy(file, copy);
        }
      }
    }
    assertThat(missingSamples(ReferencePage.contract(), samples))
        .containsExactly("createAccessToken: no Go sample (*.go)");
  }

  @Test
  void theJavaAndCurlSamplesGetTheirDocumentedAnswersFromTheStubJar() throws Exception {
    List<String> ran = new ArrayList<>();
    try (StubJar stub = new StubJar(TOKEN)) {
      for (Path sample : samples(SampleLanguage.JAVA, SampleLanguage.CURL)) {
        String className = sample.getFileName().toString().replace(".java", "");
        List<String> command =
            sample.toString().endsWith(".sh")
                ? List.of("bash", "-eu", "-o", "pipefail", sample.toString())
                : List.of("java", SHORT_LIVED_JVM, "-cp", testClasspath(), className);
        Run run = run(command, stub.baseUrl);
        DocumentedAnswer documented = DocumentedAnswer.of(Files.readString(sample));
        assertThat(run.exitCode).as("%s:\n%s", sample, run.output).isZero();
        assertThat(documented.matches(run.output))
            .as("%s printed\n%s\nwhere it documents\n%s", sample, run.output, documented.lines())
            .isTrue();
        ran.add(sample.getFileName().toString());
      }
    }
    assertThat(ran).as("samples run").isNotEmpty();
    System.out.println("reference samples (Java, curl) got their documented answers: " + ran);
  }

  @Test
  void aDocumentedAnswerRefusesOutputThatDiffers() {
    DocumentedAnswer documented =
        DocumentedAnswer.of("print(x)\n# Prints:\n# created treasury-bot\n# id …, limit 12\n");
    assertThat(documented.matches("created treasury-bot\nid 5f0c, limit 12\n")).isTrue();
    assertThat(documented.matches("created treasury-bot\nid 5f0c, limit 13\n")).isFalse();
    assertThat(documented.matches("created treasury-bot\nid 5f0c\nlimit 12")).isFalse();
    assertThat(documented.matches("created other-bot\nid 5f0c, limit 12")).isFalse();
  }

  /**
   * What is missing for every operation of {@code spec} to have a sample in every language: one
   * line per gap, none when complete.
   */
  static List<String> missingSamples(JsonNode spec, Path samples) throws IOException {
    List<String> missing = new ArrayList<>();
    for (String operationId : ReferencePage.operations(spec).keySet()) {
      Path directory = samples.resolve(operationId);
      if (!Files.isDirectory(directory)) {
        missing.add(operationId + ": no samples directory " + directory);
        continue;
      }
      try (Stream<Path> files = Files.list(directory)) {
        List<SampleLanguage> present =
            files.map(SampleLanguage::of).flatMap(Optional::stream).toList();
        for (SampleLanguage language : SampleLanguage.values()) {
          if (!present.contains(language)) {
            missing.add(
                operationId + ": no " + language.label + " sample (*." + language.extension + ")");
          }
        }
      }
    }
    return missing;
  }

  private static List<Path> samples(SampleLanguage... languages) throws IOException {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SAMPLES)) {
      for (Path file : files.sorted().toList()) {
        if (SampleLanguage.of(file).filter(List.of(languages)::contains).isPresent()) {
          found.add(file);
        }
      }
    }
    return found;
  }

  private static String testClasspath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  private record Run(int exitCode, String output) {}

  /**
   * {@code command} with the environment a sample reads; its standard output (its errors go to the
   * build log); at most 60 s.
   */
  private static Run run(List<String> command, String baseUrl) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    Map<String, String> env = builder.environment();
    env.put("BITGO_BASE_URL", baseUrl);
    env.put("BITGO_ACCESS_TOKEN", TOKEN);
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not end within 60 s:\n" + output);
    }
    return new Run(process.exitValue(), output);
  }
}
