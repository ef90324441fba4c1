package org.openbitgo.accesstoken.go;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Go client generated with default options, compiled ({@code go build}, {@code go vet}) and
 * tested ({@code go test}, the tests in {@code src/test/go}) against the stub server jar, offline:
 * no Go module proxy is reachable, so {@code gopkg.in/validator.v2} is replaced by Debian's copy,
 * patched (see {@link #PATCH}). The replace lives only in the test module under {@code target/};
 * the generated client's own {@code go.mod} is left as generated. A machine without Go skips all of
 * it and says so in one line; CI provisions Go ({@code .ci/run}).
 */
class GoClientTest {

  private static final String CLIENT_MODULE = "github.com/GIT_USER_ID/GIT_REPO_ID";
  private static final String VALIDATOR_MODULE = "gopkg.in/validator.v2";

  /**
   * Debian's validator is a 2016 snapshot whose {@code Validate} returns ErrUnsupported for a value
   * that is not a struct, where v2.0.1 (what the generated go.mod requires) returns nil. The
   * generated oneOf {@code UnmarshalJSON} validates its primitive branches (amounts), so with the
   * snapshot as is no amount ever decodes. The copy gets v2.0.1's behaviour, and nothing else.
   */
  private static final Map.Entry<String, String> PATCH =
      Map.entry(
          "\tif sv.Kind() != reflect.Struct {\n\t\treturn ErrUnsupported\n\t}",
          "\tif sv.Kind() != reflect.Struct {\n\t\treturn nil // as v2.0.1: only structs have rules\n\t}");

  private static final Path WORK = Path.of(System.getProperty("go.work.dir"));
  private static final Path TESTS = Path.of(System.getProperty("go.tests.dir"));
  private static Path go;

  @BeforeAll
  static void findGoAndPrepareTheModules() throws IOException {
    String skipReason = System.getProperty("go.skip.reason", "");
    Optional<Path> found = onPath(System.getProperty("go.executable", "go"));
    Path validatorSources = Path.of(System.getProperty("go.validator.sources"));
    if (skipReason.isEmpty() && found.isEmpty()) {
      skipReason = "no `go` on the PATH";
    } else if (skipReason.isEmpty() && !Files.isDirectory(validatorSources)) {
      skipReason = "no validator sources in " + validatorSources;
    }
    if (!skipReason.isEmpty()) {
      if ("true".equals(System.getenv("GO_CLIENT_REQUIRED"))) {
        throw new AssertionError("GO_CLIENT_REQUIRED (set by .ci/run) but " + skipReason);
      }
      System.out.println(
          "[WARNING] GO CLIENT NOT BUILT OR TESTED ("
              + skipReason
              + "): apt-get install golang-go golang-gopkg-validator.v2-dev (.ci/run does)");
      abort(skipReason);
    }
    go = found.orElseThrow();
    Path validator = patchedValidator(validatorSources);
    testModule("test", Path.of(System.getProperty("go.client.dir")), validator);
    testModule(
        "test-release-1.0.0", Path.of(System.getProperty("go.client.release100.dir")), validator);
  }

  @Test
  void theGeneratedClientBuildsAndVets() throws Exception {
    Run build = go(WORK.resolve("test"), "build", CLIENT_MODULE);
    assertThat(build.exitCode).as(build.output).isZero();
    Run vet = go(WORK.resolve("test"), "vet", CLIENT_MODULE, "./...");
    assertThat(vet.exitCode).as(vet.output).isZero();
  }

  @Test
  void everyGoTestPassesAgainstTheStubServer() throws Exception {
    Run test = go(WORK.resolve("test"), "test", "-count=1", "-timeout=120s", "-v", "./...");
    assertThat(test.exitCode).as(test.output).isZero();
    List<String> declared = declaredTests();
    assertThat(declared).as("Go tests in %s", TESTS).hasSizeGreaterThanOrEqualTo(4);
    List<String> passed =
        Pattern.compile("--- PASS: (\\w+)")
            .matcher(test.output)
            .results()
            .map(m -> m.group(1))
            .toList();
    assertThat(passed).as(test.output).containsExactlyInAnyOrderElementsOf(declared);
    System.out.printf("Go: %d tests passed (%s)%n", passed.size(), version());
  }

  @Test
  void theTypeChecksRefuseTheClientOfRelease100() throws Exception {
    // contract_types_test.go must not compile against int32 amounts and a Scope wrapper type
    Run compile = go(WORK.resolve("test-release-1.0.0"), "test", "-count=1", "-run", "^$", "./...");
    assertThat(compile.exitCode).as(compile.output).isNotZero();
    assertThat(compile.output)
        .containsPattern(
            "contract_types_test.go:\\d+:\\d+: undefined: openapi.Int64AsBaseUnitAmount")
        .containsPattern(
            "contract_types_test.go:\\d+:\\d+: cannot use .*SetScope.*\\[\\]openapi\\.Scope");
  }

  @Test
  void theValidatorCopyDiffersFromDebiansOnlyByThePatch() throws IOException {
    Path source = Path.of(System.getProperty("go.validator.sources"), "validator.go");
    String patched = Files.readString(WORK.resolve("validator.v2/validator.go"));
    assertThat(patched)
        .isEqualTo(Files.readString(source).replace(PATCH.getKey(), PATCH.getValue()))
        .isNotEqualTo(Files.readString(source));
  }

  /** Debian's validator sources (no go.mod) copied with a go.mod and {@link #PATCH} applied. */
  private static Path patchedValidator(Path sources) throws IOException {
    Path copy = WORK.resolve("validator.v2");
    Files.createDirectories(copy);
    try (Stream<Path> files = Files.list(sources)) {
      for (Path file : files.filter(GoClientTest::isNonTestGoFile).toList()) {
        Files.copy(file, copy.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path validatorGo = copy.resolve("validator.go");
    String original = Files.readString(validatorGo);
    assertThat(original)
        .as("Debian's validator changed: check whether the patch is still needed")
        .containsOnlyOnce(PATCH.getKey());
    Files.writeString(validatorGo, original.replace(PATCH.getKey(), PATCH.getValue()));
    Files.writeString(copy.resolve("go.mod"), "module " + VALIDATOR_MODULE + "\n\ngo 1.19\n");
    return copy;
  }

  /** A module holding src/test/go, with the client and the validator replaced by local copies. */
  private static void testModule(String name, Path client, Path validator) throws IOException {
    Path module = WORK.resolve(name);
    Files.createDirectories(module);
    try (Stream<Path> files = Files.list(module)) {
      for (Path stale : files.filter(f -> f.toString().endsWith(".go")).toList()) {
        Files.delete(stale);
      }
    }
    try (Stream<Path> files = Files.list(TESTS)) {
      for (Path test : files.filter(f -> f.toString().endsWith("_test.go")).toList()) {
        Files.copy(test, module.resolve(test.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.writeString(
        module.resolve("go.mod"),
        String.join(
            "\n",
            "module accesstoken-go-test",
            "",
            "go 1.19",
            "",
            "require (",
            "\t" + CLIENT_MODULE + " v0.0.0",
            "\t" + VALIDATOR_MODULE + " v2.0.1",
            ")",
            "",
            "replace " + CLIENT_MODULE + " => " + client.toAbsolutePath(),
            "",
            "replace " + VALIDATOR_MODULE + " => " + validator.toAbsolutePath(),
            ""));
  }

  private static List<String> declaredTests() throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(TESTS)) {
      for (Path test : files.filter(f -> f.toString().endsWith("_test.go")).toList()) {
        Pattern.compile("(?m)^func (Test\\w+)\\(t \\*testing\\.T\\)")
            .matcher(Files.readString(test))
            .results()
            .forEach(m -> names.add(m.group(1)));
      }
    }
    return names;
  }

  private static String version() throws Exception {
    return go(WORK, "version").output.strip();
  }

  private record Run(int exitCode, String output) {}

  /** {@code go args...} in {@code dir}, offline, its output merged. */
  private static Run go(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(go.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("GOPROXY", "off"); // no module proxy is reachable: fail at once rather than time out
    env.put("GOFLAGS", "-mod=mod");
    env.put("GOTOOLCHAIN", "local"); // Go 1.21+ would try to download the go.mod's go 1.23
    env.put("STUB_ARGS", System.getProperty("stub.args"));
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes(); // until go exits
    return new Run(process.waitFor(), new String(output, StandardCharsets.UTF_8));
  }

  private static Optional<Path> onPath(String executable) {
    if (executable.contains(File.separator)) {
      return Optional.of(Path.of(executable)).filter(Files::isExecutable);
    }
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, executable))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static boolean isNonTestGoFile(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".go") && !name.endsWith("_test.go");
  }
}
