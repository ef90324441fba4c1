package org.openbitgo.accesstoken.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server under test in its own OS process (so its resident memory is its own): the stub server
 * jar or Prism. Its output is discarded (the stub logs one line per request).
 */
final class ServerProcess implements AutoCloseable {

  final String name;
  final String host;
  final int port;
  final Process process;
  final long startNanos;

  /** Process start to the first 200 answer to a valid create request; -1 if none came. */
  double startupMillis = -1;

  private ServerProcess(String name, String host, int port, Process process, long startNanos) {
    this.name = name;
    this.host = host;
    this.port = port;
    this.process = process;
    this.startNanos = startNanos;
  }

  static ServerProcess start(
      String name, String host, List<String> commandWithoutPort, List<String> portArgs)
      throws IOException {
    int port = freePort();
    List<String> command = new java.util.ArrayList<>(commandWithoutPort);
    for (String a : portArgs) {
      command.add(a.replace("{port}", String.valueOf(port)));
    }
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    long t0 = System.nanoTime();
    Process p = pb.start();
    return new ServerProcess(name, host, port, p, t0);
  }

  /**
   * Sends a valid create request every 5 ms until one gets 200; records the time since process
   * start. Bounded by {@code timeoutSeconds}.
   */
  ServerProcess awaitFirst200(byte[] validRequest, double timeoutSeconds)
      throws IOException, InterruptedException {
    long deadline = startNanos + (long) (timeoutSeconds * 1e9);
    String last = "no attempt";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(
            name + " exited with status " + process.exitValue() + " before answering");
      }
      try (RawHttpConnection c = new RawHttpConnection(host, port)) {
        int status = c.exchange(validRequest);
        if (status == 200) {
          startupMillis = (System.nanoTime() - startNanos) / 1e6;
          return this;
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
