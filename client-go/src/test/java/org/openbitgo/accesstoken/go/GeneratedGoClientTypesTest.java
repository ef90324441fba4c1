package org.openbitgo.accesstoken.go;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Reads the Go client generated with default options (CI cannot compile it) and checks the two
 * types a Go team depends on: the integer amount is 64 bits, and a scope is a plain string (one
 * representation per value; a oneOf wrapper made Go refuse {@code wallet_view_all}). The client
 * generated from release 1.0.0 must fail both checks, so the checks can fail.
 */
class GeneratedGoClientTypesTest {

  private static final Path CURRENT = Path.of(System.getProperty("go.client.dir"));
  private static final Path RELEASE_1_0_0 = Path.of(System.getProperty("go.client.release100.dir"));

  @Test
  void theIntegerAmountIsInt64() throws IOException {
    assertThat(amountFieldTypes(CURRENT)).containsExactlyInAnyOrder("int64", "string");
  }

  @Test
  void everyIntegerFieldIsInt64() throws IOException {
    assertThat(int32Uses(CURRENT)).isEmpty();
  }

  @Test
  void scopeIsAPlainStringList() throws IOException {
    assertThat(scopeFieldType(CURRENT)).isEqualTo("[]string");
    assertThat(CURRENT.resolve("model_scope.go")).doesNotExist();
  }

  @Test
  void release100FailsBothChecks() throws IOException {
    assertThat(amountFieldTypes(RELEASE_1_0_0)).contains("int32");
    assertThat(int32Uses(RELEASE_1_0_0)).isNotEmpty();
    assertThat(scopeFieldType(RELEASE_1_0_0)).isEqualTo("[]Scope");
  }

  /** The pointer fields of the generated BaseUnitAmount struct, by Go type. */
  static List<String> amountFieldTypes(Path client) throws IOException {
    String source = Files.readString(client.resolve("model_base_unit_amount.go"));
    Matcher struct = Pattern.compile("type BaseUnitAmount struct \\{([^}]*)}").matcher(source);
    assertThat(struct.find()).as("BaseUnitAmount struct in %s", client).isTrue();
    return Pattern.compile("\\w+ \\*(\\w+)")
        .matcher(struct.group(1))
        .results()
        .map(m -> m.group(1))
        .toList();
  }

  static String scopeFieldType(Path client) throws IOException {
    String source = Files.readString(client.resolve("model_create_access_token_request.go"));
    Matcher field = Pattern.compile("\\n\\s*Scope (\\S+) `json:\"scope").matcher(source);
    assertThat(field.find()).as("CreateAccessTokenRequest.Scope in %s", client).isTrue();
    return field.group(1);
  }

  static List<String> int32Uses(Path client) throws IOException {
    try (var files = Files.list(client)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith("model_"))
          .filter(
              f -> {
                try {
                  return Files.readString(f).contains("int32");
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .map(f -> f.getFileName().toString())
          .toList();
    }
  }
}
