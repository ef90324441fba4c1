package org.openbitgo.accesstoken.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server under test in its own OS process (so its resident memory is its own): a stub launch
 * variant, the canned Netty server or Prism. Its output is discarded (the stub logs one line per
 * request, Prism several).
 */
final class ServerProcess implements AutoCloseable {

  static final String HOST = "127.0.0.1";

  final String name;
  final int port;
  final Process process;
  final long startNanos;

  /** Process start to the first 200 answer to a valid create request. */
  double startupMillis = Double.NaN;

  private ServerProcess(String name, int port, Process process, long startNanos) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.startNanos = startNanos;
  }

  /**
   * Starts {@code command}, each {@code {port}} in it replaced by a free port, and waits for its
   * first 200 to a valid create (at most {@code timeoutSeconds}).
   */
  static ServerProcess startAndAwait200(String name, List<String> command, double timeoutSeconds)
      throws IOException, InterruptedException {
    int port = freePort();
    List<String> withPort = new ArrayList<>();
    for (String a : command) {
      withPort.add(a.replace("{port}", String.valueOf(port)));
    }
    ProcessBuilder pb = new ProcessBuilder(withPort).redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    long t0 = System.nanoTime();
    ServerProcess server = new ServerProcess(name, port, pb.start(), t0);
    try {
      server.awaitFirst200(timeoutSeconds);
      return server;
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /**
   * Sends a valid create every 5 ms until one gets 200; records the time since process start. One
   * new connection per attempt, so no attempt waits on a connection the server never accepted.
   */
  private void awaitFirst200(double timeoutSeconds) throws IOException, InterruptedException {
    long deadline = startNanos + (long) (timeoutSeconds * 1e9);
    HttpRequest create =
        HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + port + Payloads.PATH))
            .header("Authorization", "Bearer " + Payloads.BEARER_TOKEN)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(5))
            .POST(HttpRequest.BodyPublishers.ofString(Payloads.FULL_REQUEST))
            .build();
    String last = "no attempt";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(
            name + " exited with status " + process.exitValue() + " before answering");
      }
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      try {
        int status = client.send(create, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200) {
          startupMillis = (System.nanoTime() - startNanos) / 1e6;
          return;
        }
        last = "status " + status;
      } catch (IOException e) {
        last = e.getClass().getSimpleName();
      }
      Thread.sleep(5);
    }
    throw new IOException(
        name + " gave no 200 within " + timeoutSeconds + " s (last: " + last + ")");
  }

  /** Its start and memory right now: called at once after the first 200. */
  BenchmarkReport.ServerStart started() {
    return new BenchmarkReport.ServerStart(
        name,
        Report.round(startupMillis, 1),
        Report.round(rssKiB() / 1024.0, 1),
        Proc.threadCount(process.pid()));
  }

  long pid() {
    return process.pid();
  }

  long rssKiB() {
    return Proc.rssKiB(process.pid());
  }

  @Override
  public void close() {
    // SIGTERM first (the stub's shutdown hook drains for up to 2 s), then SIGKILL; bounded.
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(8, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
