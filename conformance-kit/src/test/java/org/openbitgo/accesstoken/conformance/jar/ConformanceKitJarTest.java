package org.openbitgo.accesstoken.conformance.jar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar itself, run once as a process against the stub jar (both as users run them): it
 * passes and writes its reports; a selection that matches no check exits non-zero.
 */
class ConformanceKitJarTest {

  private static final String TOKEN = "jar-test-token-0123456789";
  private static final String OTHER_USER_TOKEN = "jar-test-other-user-token-0123456789";
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+/)");

  static Process stub;
  static String stubUrl;

  @BeforeAll
  static void startTheStubJar() throws IOException {
    stub =
        new ProcessBuilder(
                java(),
                "@" + System.getProperty("stub.args"),
                "--port",
                "0",
                "--token",
                TOKEN,
                "--token",
                OTHER_USER_TOKEN)
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(stub.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      Matcher listening = LISTENING.matcher(line);
      if (listening.find()) {
        stubUrl = listening.group(1);
        break;
      }
    }
    assertThat(stubUrl).as("the stub jar's banner").isNotNull();
    // keeps the stub's log pipe from filling
    Thread drain = new Thread(() -> out.lines().forEach(line -> {}), "stub-log-drain");
    // the JDK closes the pipe under the reader when the stub stops: the drain's end, not an error
    drain.setUncaughtExceptionHandler((thread, pipeClosed) -> {});
    drain.setDaemon(true);
    drain.start();
  }

  @AfterAll
  static void stopTheStubJar() throws InterruptedException {
    stub.destroy();
    stub.waitFor(10, TimeUnit.SECONDS);
  }

  /**
   * The two runs at once (each its own JVM): the passing one, and a selection that matches no check
   * (a usage error: the exit status leaves the jar's main). The providers the kit cannot judge
   * (exit 3) are CommandLineTest's, in-process: another JVM each would only repeat the start-up.
   */
  @Test
  void passesAgainstTheStubJarAndExitsNonZeroOnAUsageError(@TempDir Path reports) throws Exception {
    CompletableFuture<Run> noCheck =
        kitAsync(
            "--base-url",
            stubUrl,
            "--token",
            TOKEN,
            "--only",
            "no-such-check.*",
            "--report-dir",
            reports.resolve("none").toString());
    Run run =
        kit(
            "--base-url",
            stubUrl,
            "--token",
            TOKEN,
            "--other-user-token",
            OTHER_USER_TOKEN,
            "--report-dir",
            reports.toString(),
            "--invalid-bodies",
            "48");

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output())
        .contains(" failed", "Reports: ")
        .doesNotContain(TOKEN)
        .doesNotContain(OTHER_USER_TOKEN)
        .doesNotContain(" FAIL ")
        .containsPattern("Tokens the kit created: [1-9][0-9]* revoked\\.");
    assertThat(reports.resolve("TEST-accesstoken-conformance-kit.xml"))
        .content()
        .contains("name=\"create.echoes-label\"")
        .doesNotContain(TOKEN);
    assertThat(reports.resolve("conformance-report.md"))
        .content()
        .contains("| ok | `auth.unknown-token-401` | contract |");

    assertThat(noCheck.get().exit()).as(noCheck.get().output()).isEqualTo(2);
    assertThat(noCheck.get().output()).contains("no check matches");
  }

  record Run(int exit, String output) {}

  private static CompletableFuture<Run> kitAsync(String... args) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return kit(args);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        });
  }

  private static Run kit(String... args) throws IOException, InterruptedException {
    // C1 only and a serial collector: these short runs start faster (test settings, not the kit's)
    List<String> command =
        new ArrayList<>(
            List.of(
                java(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-jar",
                System.getProperty("kit.jar")));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), output);
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
