package org.openbitgo.accesstoken.go;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the Go compiler cannot prove: that no integer field of any model, including one the spec
 * adds later, is 32 bits (an {@code integer} without {@code format: int64} becomes Go's {@code
 * int32}). The named fields (amounts, duration, txCount) and the scope type are proven by compiling
 * {@code src/test/go/contract_types_test.go} ({@link GoClientTest}). The client generated from
 * release 1.0.0 must fail this check, so it can fail.
 */
class GeneratedGoClientTypesTest {

  private static final Path CURRENT = Path.of(System.getProperty("go.client.dir"));
  private static final Path RELEASE_1_0_0 = Path.of(System.getProperty("go.client.release100.dir"));

  @Test
  void noModelHasA32BitInteger() throws IOException {
    assertThat(modelsUsingInt32(CURRENT)).isEmpty();
  }

  @Test
  void theClientOfRelease100FailsTheCheck() throws IOException {
    assertThat(modelsUsingInt32(RELEASE_1_0_0)).contains("model_base_unit_amount.go");
  }

  static List<String> modelsUsingInt32(Path client) throws IOException {
    try (var files = Files.list(client)) {
      List<Path> models =
          files.filter(f -> f.getFileName().toString().startsWith("model_")).toList();
      assertThat(models).as("generated models in %s", client).isNotEmpty();
      return models.stream()
          .filter(f -> read(f).contains("int32"))
          .map(f -> f.getFileName().toString())
          .toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
