package org.openbitgo.accesstoken.client;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A child JVM running one of these tests' programs on the test classpath, for what a test JVM
 * cannot show about itself (its exit, its hosts file, its trust store).
 */
final class ChildJvm {

  /**
   * Flags that only make a short-lived JVM cheaper, as the build's own test JVMs are: C1 only (C2
   * compiles code a child of a few seconds never runs long enough to profit from) and the serial
   * collector (no collector threads to start). Neither changes what the child does or prints.
   */
  private static final List<String> SHORT_LIVED =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private ChildJvm() {}

  /**
   * Starts {@code main} with {@code jvmOptions} and {@code arguments}, its error stream merged into
   * its output.
   */
  static Process start(List<String> jvmOptions, Class<?> main, String... arguments)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(SHORT_LIVED);
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(arguments));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }
}
