package org.openbitgo.accesstoken.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java @$stub.args --port 0 --token <token>}: the README's command, as a team in any
 * language runs it.
 */
final class StubJar implements AutoCloseable {

  private static final Pattern BANNER = Pattern.compile("listening on (http://[^\\s/]+)/");

  final String baseUrl;
  private final Process process;

  StubJar(String token) throws IOException {
    process =
        new ProcessBuilder(
                List.of(
                    "java", "@" + System.getProperty("stub.args"), "--port", "0", "--token", token))
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String found = null;
    for (String line = out.readLine(); line != null && found == null; line = out.readLine()) {
      seen.append(line).append('\n');
      Matcher banner = BANNER.matcher(line);
      found = banner.find() ? banner.group(1) : null;
    }
    if (found == null) {
      process.destroyForcibly();
      throw new IOException("the stub server exited before listening:\n" + seen);
    }
    baseUrl = found;
    // keep draining its request log so it never blocks on a full pipe
    Thread drain = new Thread(() -> out.lines().forEach(line -> {}), "stub-log-drain");
    // the JDK closes the pipe under the reader when the stub stops: the drain's end, not an error
    drain.setUncaughtExceptionHandler((thread, pipeClosed) -> {});
    drain.setDaemon(true);
    drain.start();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
