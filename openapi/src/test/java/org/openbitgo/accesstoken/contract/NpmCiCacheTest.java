package org.openbitgo.accesstoken.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's node_modules cache ({@code src/build/npm-ci.mjs} at the root) and the linters'
 * background install on top of it ({@code openapi/src/build/install-linters.mjs}), run by the real
 * node against a stand-in {@code npm} on the PATH that records each {@code npm ci} it is asked for
 * and installs a small tree (a file and npm's relative {@code .bin} link). What is judged is the
 * cache: when it copies instead of installing, and that it never hands out a tree it cannot vouch
 * for.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the stand-in npm is a shell script")
class NpmCiCacheTest {

  private static final Path NPM_CI =
      Path.of("../src/build/npm-ci.mjs").toAbsolutePath().normalize();
  private static final Path INSTALL_LINTERS =
      Path.of("src/build/install-linters.mjs").toAbsolutePath();

  @TempDir Path temp;
  private Path cache;
  private Path calls;

  @BeforeEach
  void standInNpm() throws IOException {
    cache = temp.resolve("cache");
    calls = temp.resolve("npm-calls");
    Path npm = Files.createDirectories(temp.resolve("bin")).resolve("npm");
    Files.writeString(
        npm,
        """
        #!/bin/sh
        if [ "$1" = "--version" ]; then echo 10.9.9-stand-in; exit 0; fi
        echo "$PWD $*" >> "$NPM_CALLS"
        if [ -n "$NPM_SLEEP" ]; then exec sleep "$NPM_SLEEP"; fi
        if [ -n "$NPM_FAIL" ]; then echo 'npm ERR! code E404' >&2; exit 1; fi
        rm -rf node_modules
        mkdir -p node_modules/tool/bin node_modules/.bin
        cp package-lock.json node_modules/tool/installed-from-lock.json
        echo 'console.log(1)' > node_modules/tool/bin/tool.js
        ln -s ../tool/bin/tool.js node_modules/.bin/tool
        echo '{}' > node_modules/.package-lock.json
        """);
    Files.setPosixFilePermissions(npm, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void aSecondCloneOfTheSameInstallGetsTheTreeCopiedWithItsLinksNotInstalledAgain()
      throws Exception {
    Path first = project("first", "{\"lockfileVersion\":3}");
    Path second = project("second", "{\"lockfileVersion\":3}");

    assertThat(npmCi(first, Map.of()).exit).isZero();
    Run copied = npmCi(second, Map.of());

    assertThat(copied.exit).isZero();
    assertThat(copied.out).contains("copied from");
    assertThat(npmCalls()).hasSize(1);
    Path tree = second.resolve("node_modules");
    assertThat(tree.resolve("tool/installed-from-lock.json"))
        .content()
        .isEqualTo("{\"lockfileVersion\":3}");
    assertThat(Files.readSymbolicLink(tree.resolve(".bin/tool")))
        .isEqualTo(Path.of("../tool/bin/tool.js"));
    assertThat(tree.resolve(".bin/tool")).exists();
    assertThat(listing(second))
        .containsExactlyInAnyOrder("node_modules", "package.json", "package-lock.json");
  }

  @Test
  void aChangeToTheLockThePackageJsonNpmsConfigurationOrTheArgumentsInstallsAfresh()
      throws Exception {
    assertThat(npmCi(project("base", "{\"v\":1}"), Map.of()).exit).isZero();
    Path otherLock = project("other-lock", "{\"v\":2}");
    Path otherPackageJson = project("other-package-json", "{\"v\":1}");
    Files.writeString(otherPackageJson.resolve("package.json"), "{\"name\":\"changed\"}");
    Path otherNpmrc = project("other-npmrc", "{\"v\":1}");
    Files.writeString(otherNpmrc.resolve(".npmrc"), "omit=dev\n");
    Path otherConfig = project("other-config", "{\"v\":1}");
    Path otherArguments = project("other-arguments", "{\"v\":1}");

    npmCi(otherLock, Map.of());
    npmCi(otherPackageJson, Map.of());
    npmCi(otherNpmrc, Map.of());
    npmCi(otherConfig, Map.of("npm_config_omit", "dev"));
    npmCi(otherArguments, Map.of(), "--ignore-scripts");

    assertThat(npmCalls()).hasSize(6);
    assertThat(otherLock.resolve("node_modules/tool/installed-from-lock.json"))
        .content()
        .isEqualTo("{\"v\":2}");
  }

  @Test
  void anEntryNotMarkedCompleteIsNeverCopiedAndIsReplaced() throws Exception {
    assertThat(npmCi(project("first", "{}"), Map.of()).exit).isZero();
    Path entry = onlyEntry();
    // what an interrupted or foreign writer leaves: a tree without the mark written last
    Files.delete(entry.resolve("complete-v2"));
    Files.delete(entry.resolve("node_modules/tool/bin/tool.js"));

    Path second = project("second", "{}");
    Run reinstalled = npmCi(second, Map.of());

    assertThat(reinstalled.exit).isZero();
    assertThat(npmCalls()).hasSize(2);
    assertThat(second.resolve("node_modules/tool/bin/tool.js")).exists();
    assertThat(onlyEntry().resolve("complete-v2")).exists();
    assertThat(onlyEntry().resolve("node_modules/tool/bin/tool.js")).exists();
  }

  @Test
  void aFailedInstallFailsWithNpmsStatusAndCachesNothing() throws Exception {
    Run failed = npmCi(project("first", "{}"), Map.of("NPM_FAIL", "1"));

    assertThat(failed.exit).isEqualTo(1);
    assertThat(failed.out).contains("npm ERR! code E404");
    assertThat(cache)
        .satisfiesAnyOf(
            dir -> assertThat(dir).doesNotExist(), dir -> assertThat(dir).isEmptyDirectory());
  }

  @Test
  void offRunsPlainNpmCiEveryTimeAndWritesNoCache() throws Exception {
    Map<String, String> off = Map.of("ACCESSTOKEN_NODE_MODULES_CACHE", "off");
    npmCi(project("first", "{}"), off);
    npmCi(project("second", "{}"), off);

    assertThat(npmCalls()).hasSize(2);
    assertThat(cache).doesNotExist();
  }

  @Test
  void runThroughASymbolicLinkTheScriptStillInstalls() throws Exception {
    // a link inside the temporary folder, to a copy of the script also inside it
    Path script =
        Files.copy(NPM_CI, Files.createDirectories(temp.resolve("scripts")).resolve("npm-ci.mjs"));
    Path link = Files.createSymbolicLink(temp.resolve("npm-ci-link.mjs"), script);

    Run run = node(project("first", "{}"), Map.of(), link.toString());

    assertThat(run.exit).isZero();
    assertThat(npmCalls()).hasSize(1);
  }

  @Test
  void theLintersInstallStoppedByTheBuildLeavesAStatusTheGateReads() throws Exception {
    Path project = project("openapi", "{}");
    Path install = temp.resolve("linters-install");
    ProcessBuilder builder =
        new ProcessBuilder("node", INSTALL_LINTERS.toString(), install.toString())
            .directory(project.toFile())
            .redirectErrorStream(true);
    environment(builder, Map.of("NPM_SLEEP", "30"));
    Process installer = builder.start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (!Files.exists(calls) && Instant.now().isBefore(deadline)) {
      Thread.sleep(20);
    }
    assertThat(calls).as("npm started").exists();

    installer.destroy(); // SIGTERM, as Maven's stop sends it
    assertThat(installer.waitFor(20, TimeUnit.SECONDS)).isTrue();

    assertThat(SpecLintGate.awaitInstall(install, Duration.ofSeconds(5)))
        .hasValueSatisfying(why -> assertThat(why).contains("stopped by SIGTERM"));
    assertThat(project.resolve("node_modules")).doesNotExist();
  }

  private Path project(String name, String lock) throws IOException {
    Path dir = Files.createDirectories(temp.resolve("projects").resolve(name));
    Files.writeString(dir.resolve("package-lock.json"), lock);
    Files.writeString(dir.resolve("package.json"), "{\"name\":\"p\"}");
    return dir;
  }

  private Run npmCi(Path project, Map<String, String> env, String... args) throws Exception {
    String[] command =
        Stream.concat(Stream.of(NPM_CI.toString()), Stream.of(args)).toArray(String[]::new);
    return node(project, env, command);
  }

  private Run node(Path project, Map<String, String> env, String... args) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(Stream.concat(Stream.of("node"), Stream.of(args)).toList())
            .directory(project.toFile())
            .redirectErrorStream(true);
    environment(builder, env);
    Process process = builder.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), out);
  }

  private void environment(ProcessBuilder builder, Map<String, String> env) {
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(name -> name.toLowerCase().startsWith("npm_config_"));
    environment.put("PATH", temp.resolve("bin") + ":" + environment.get("PATH"));
    environment.put("HOME", temp.toString()); // no user .npmrc of this machine in the key
    environment.put("ACCESSTOKEN_NODE_MODULES_CACHE", cache.toString());
    environment.put("NPM_CALLS", calls.toString());
    environment.putAll(env);
  }

  private List<String> npmCalls() throws IOException {
    return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
  }

  private Path onlyEntry() throws IOException {
    try (Stream<Path> entries = Files.list(cache)) {
      List<Path> all = entries.toList();
      assertThat(all).hasSize(1);
      return all.get(0);
    }
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(file -> file.getFileName().toString()).toList();
    }
  }

  private record Run(int exit, String out) {}
}
