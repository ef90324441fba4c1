package org.openbitgo.accesstoken.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lint gate's wait for the linters' background install (install-linters.mjs): canned status
 * files, no npm and no linters needed.
 */
class SpecLintGateInstallTest {

  @TempDir Path temp;

  @Test
  void aFailedInstallIsARefusalThatShowsTheEndOfNpmsLog() throws Exception {
    Path install = Files.createDirectories(temp.resolve("linters-install"));
    Files.writeString(install.resolve("status"), "1\n");
    Files.writeString(
        install.resolve("npm.log"),
        "npm ERR! code ENOTCACHED\nnpm ERR! request to https://registry.npmjs.org failed\n");
    Path refusals = temp.resolve("gate-refusals");
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    boolean accepted =
        SpecLintGate.run(
            new String[] {
              "access-token.yaml", temp.toString(), refusals.toString(), install.toString()
            },
            new PrintStream(console, true, StandardCharsets.UTF_8));

    assertThat(accepted).isFalse();
    assertThat(refusals.resolve("spec-lint-gate.txt"))
        .content()
        .startsWith("REFUSED")
        .contains("npm ci of the linters failed (exit status 1)")
        .contains("npm ERR! request to https://registry.npmjs.org failed");
  }

  @Test
  void aStatusWrittenWhileTheGateWaitsIsRead() throws Exception {
    Path install = Files.createDirectories(temp.resolve("linters-install"));
    Thread installer =
        new Thread(
            () -> {
              try {
                Thread.sleep(300);
                // as install-linters.mjs writes it: in full under another name, then renamed
                Path partial = Files.writeString(install.resolve("status.partial"), "0\n");
                Files.move(partial, install.resolve("status"), StandardCopyOption.ATOMIC_MOVE);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    installer.start();

    assertThat(SpecLintGate.awaitInstall(install, Duration.ofSeconds(30))).isEmpty();
    installer.join();
  }

  @Test
  void anInstallThatLeavesNoStatusIsNotWaitedForForever() {
    assertThat(SpecLintGate.awaitInstall(temp, Duration.ofMillis(200)))
        .hasValueSatisfying(why -> assertThat(why).contains("left no status within"));
  }

  @Test
  void anInstallStoppedBySignalSaysSo() throws Exception {
    Files.writeString(temp.resolve("status"), "npm stopped by SIGTERM\n");

    assertThat(SpecLintGate.awaitInstall(temp, Duration.ofSeconds(1)))
        .hasValueSatisfying(why -> assertThat(why).contains("(npm stopped by SIGTERM)"));
  }
}
