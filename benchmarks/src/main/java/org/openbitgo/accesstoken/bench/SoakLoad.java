package org.openbitgo.accesstoken.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one load generator written here, because no load tool counts it: how many keep-alive
 * connections the <em>server</em> closed (a {@code Connection: close} answer, typically after a
 * 4xx), under a mix of valid and invalid requests each with its own expected status. wrk reports
 * socket errors and non-2xx answers but not who closed a connection or why; Gatling and JMeter
 * reconnect silently. Closed loop: one thread per raw-socket HTTP/1.1 connection, each sending its
 * next pre-built request as soon as the previous answer's body is read. Latency is write to last
 * byte, a reconnect after a server close included.
 */
final class SoakLoad {

  static final int READ_TIMEOUT_MS = 10_000;

  /** One kind of request in a mix, pre-built to the byte. */
  record Request(String name, byte[] bytes, int expectedStatus) {}

  /** Which request a worker sends at each step; must be cheap and thread-safe. */
  @FunctionalInterface
  interface Mix {
    Request next(int worker, long step);
  }

  /** One run, as the report shows it. */
  record Row(
      String target,
      int connections,
      double seconds,
      double requestsPerSecond,
      Latencies.Summary latency,
      long totalRequests,
      long connectionErrors,
      long unexpectedStatuses,
      long serverErrors5xx,
      long serverClosedConnections,
      Map<Integer, Long> statuses,
      String firstError,
      Proc.Cpu cpu,
      double load1MinAtEnd) {

    long errors() {
      return connectionErrors + unexpectedStatuses;
    }
  }

  private SoakLoad() {}

  static Row run(String target, int port, int connections, double seconds, Mix mix)
      throws InterruptedException {
    Proc.CpuWindow cpu = new Proc.CpuWindow();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    List<Worker> workers = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      Worker w = new Worker(i, port, mix, end);
      workers.add(w);
      Thread t = new Thread(w::run, "soak-" + target + "-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      // a request in flight at the deadline may take up to the read timeout
      t.join(Math.max(1, (end - System.nanoTime()) / 1_000_000) + READ_TIMEOUT_MS + 5_000);
      if (t.isAlive()) {
        t.interrupt();
      }
    }
    long total = 0;
    long connectionErrors = 0;
    long unexpected = 0;
    long fiveXx = 0;
    long closes = 0;
    Map<Integer, Long> statuses = new TreeMap<>();
    String firstError = null;
    List<Latencies> latencies = new ArrayList<>();
    for (Worker w : workers) {
      latencies.add(w.latencies);
      total += w.latencies.count();
      connectionErrors += w.connectionErrors;
      unexpected += w.unexpected;
      closes += w.serverCloses;
      for (int s = 0; s < w.statuses.length; s++) {
        if (w.statuses[s] > 0) {
          statuses.merge(s, w.statuses[s], Long::sum);
          fiveXx += s >= 500 ? w.statuses[s] : 0;
        }
      }
      firstError = firstError == null ? w.firstError : firstError;
    }
    return new Row(
        target,
        connections,
        seconds,
        Report.round(total / seconds, 1),
        Latencies.Summary.of(latencies),
        total,
        connectionErrors,
        unexpected,
        fiveXx,
        closes,
        statuses,
        firstError,
        cpu.finish(),
        Proc.loadAverage()[0]);
  }

  static String describe(Row r) {
    return String.format(
        java.util.Locale.ROOT,
        "  %-24s x%-3d %10.1f req/s  p50 %.3f ms  p99 %.3f ms  errors %d  closed-by-server %d%s",
        r.target(),
        r.connections(),
        r.requestsPerSecond(),
        r.latency().p50Ms(),
        r.latency().p99Ms(),
        r.errors(),
        r.serverClosedConnections(),
        r.firstError() == null ? "" : "  first error: " + r.firstError());
  }

  private static final class Worker {
    final int index;
    final int port;
    final Mix mix;
    final long end;
    final Latencies latencies = new Latencies();
    final long[] statuses = new long[600];
    long connectionErrors;
    long unexpected;
    long serverCloses;
    String firstError;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] line = new byte[8192];
    private final byte[] skip = new byte[16 * 1024];

    Worker(int index, int port, Mix mix, long end) {
      this.index = index;
      this.port = port;
      this.mix = mix;
      this.end = end;
    }

    void run() {
      try {
        for (long step = 0; ; step++) {
          long t0 = System.nanoTime();
          if (t0 >= end) {
            return;
          }
          Request request = mix.next(index, step);
          int status;
          boolean closeRequested;
          try {
            if (socket == null) {
              open();
            }
            out.write(request.bytes());
            out.flush();
            status = readStatus();
            closeRequested = readHeadersAndBody();
          } catch (IOException e) {
            connectionErrors++;
            firstError = firstError == null ? e.toString() : firstError;
            close();
            Thread.sleep(10); // a dead server must not turn this loop into a spin
            continue;
          }
          latencies.record(System.nanoTime() - t0);
          statuses[Math.min(Math.max(status, 0), statuses.length - 1)]++;
          if (status != request.expectedStatus()) {
            unexpected++;
            firstError =
                firstError == null ? "status " + status + " for " + request.name() : firstError;
          }
          if (closeRequested) {
            serverCloses++;
            close(); // reopened, inside the timing, by the next request
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        close();
      }
    }

    private void open() throws IOException {
      Socket s = new Socket();
      try {
        s.setTcpNoDelay(true);
        s.setSoTimeout(READ_TIMEOUT_MS);
        s.connect(new InetSocketAddress(ServerProcess.HOST, port), 5_000);
        in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
        out = s.getOutputStream();
        socket = s;
      } catch (IOException e) {
        s.close();
        throw e;
      }
    }

    private int readStatus() throws IOException {
      int n = readLine();
      if (n < 12 || line[0] != 'H') {
        throw new IOException("bad status line");
      }
      return (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
    }

    /** Reads the headers and skips the body; true if the server said Connection: close. */
    private boolean readHeadersAndBody() throws IOException {
      long contentLength = -1;
      boolean close = false;
      int n;
      while ((n = readLine()) > 0) {
        String header = new String(line, 0, n, StandardCharsets.US_ASCII);
        int colon = header.indexOf(':');
        String name = colon < 0 ? "" : header.substring(0, colon).trim();
        String value = colon < 0 ? "" : header.substring(colon + 1).trim();
        if (name.equalsIgnoreCase("content-length")) {
          contentLength = Long.parseLong(value);
        } else if (name.equalsIgnoreCase("connection")) {
          close = value.equalsIgnoreCase("close");
        }
      }
      if (contentLength < 0) {
        throw new IOException("answer without Content-Length"); // the stub never chunks
      }
      for (long left = contentLength; left > 0; ) {
        int r = in.read(skip, 0, (int) Math.min(skip.length, left));
        if (r < 0) {
          throw new EOFException("connection closed in the body");
        }
        left -= r;
      }
      return close;
    }

    /** Reads one CRLF-terminated line into {@link #line}; returns its length without CRLF. */
    private int readLine() throws IOException {
      int n = 0;
      while (true) {
        int b = in.read();
        if (b < 0) {
          throw new EOFException("connection closed by the server");
        }
        if (b == '\n') {
          return n > 0 && line[n - 1] == '\r' ? n - 1 : n;
        }
        if (n == line.length) {
          throw new IOException("header line too long");
        }
        line[n++] = (byte) b;
      }
    }

    private void close() {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // closing anyway
        }
        socket = null;
      }
    }
  }
}
