package org.openbitgo.accesstoken.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Closed-loop load over raw keep-alive connections: N threads, each owning one connection, each
 * sending its next request as soon as the previous answer is read. Latency is measured from just
 * before the write to the last byte of the body (including a reconnect when the server closed the
 * connection after the previous answer).
 */
final class LoadGenerator {

  /** One kind of request in a mix, pre-built to the byte. */
  record RequestKind(String name, byte[] bytes, int expectedStatus) {}

  /** Which request a worker sends at each step; must be cheap and thread-safe. */
  interface Mix {
    RequestKind next(int worker, long step);

    List<RequestKind> kinds();
  }

  static Mix only(RequestKind kind) {
    return new Mix() {
      @Override
      public RequestKind next(int worker, long step) {
        return kind;
      }

      @Override
      public List<RequestKind> kinds() {
        return List.of(kind);
      }
    };
  }

  /** Result of one run; counts cover the whole run (warm-up included), latencies the window. */
  static final class Result {
    String target;
    int connections;
    double warmupSeconds;
    double measuredSeconds;
    long completedInWindow;
    double requestsPerSecond;
    Latencies.Summary latency;
    long totalRequests;
    long connectionErrors;
    long unexpectedStatuses;
    long serverErrors5xx;
    long serverClosedConnections;
    final Map<String, Long> sentByKind = new LinkedHashMap<>();
    final Map<Integer, Long> statuses = new TreeMap<>();
    String firstError;

    /** This run as the report shows it, with the CPU and the 1-minute load average around it. */
    Row row(Proc.Cpu cpu, double load1Min) {
      return new Row(
          target,
          connections,
          warmupSeconds,
          measuredSeconds,
          Report.round(requestsPerSecond, 1),
          latency,
          totalRequests,
          connectionErrors,
          unexpectedStatuses,
          serverErrors5xx,
          serverClosedConnections,
          Map.copyOf(sentByKind),
          Map.copyOf(statuses),
          firstError,
          cpu,
          load1Min);
    }
  }

  /** One run in the report. */
  record Row(
      String target,
      int connections,
      double warmupSeconds,
      double measuredSeconds,
      double requestsPerSecond,
      Latencies.Summary latency,
      long totalRequests,
      long connectionErrors,
      long unexpectedStatuses,
      long serverErrors5xx,
      long serverClosedConnections,
      Map<String, Long> sentByKind,
      Map<Integer, Long> statuses,
      String firstError,
      Proc.Cpu cpu,
      double load1MinAtEnd) {

    long errors() {
      return connectionErrors + unexpectedStatuses;
    }
  }

  private LoadGenerator() {}

  static Result run(
      String target,
      String host,
      int port,
      int connections,
      double warmupSeconds,
      double measureSeconds,
      Mix mix)
      throws InterruptedException {
    List<Worker> workers = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      workers.add(new Worker(i, host, port, mix));
    }
    CountDownLatch ready = new CountDownLatch(connections);
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (Worker w : workers) {
      Thread t = new Thread(() -> w.run(ready, go), "load-" + target + "-" + w.index);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    ready.await(30, TimeUnit.SECONDS);
    long start = System.nanoTime();
    long windowStart = start + (long) (warmupSeconds * 1e9);
    long end = windowStart + (long) (measureSeconds * 1e9);
    for (Worker w : workers) {
      w.windowStart = windowStart;
      w.end = end;
    }
    go.countDown();
    for (Thread t : threads) {
      // a request in flight at the deadline may take up to the read timeout
      long waitMs =
          Math.max(1, (end - System.nanoTime()) / 1_000_000)
              + RawHttpConnection.READ_TIMEOUT_MS
              + 5_000;
      t.join(waitMs);
      if (t.isAlive()) {
        t.interrupt();
      }
    }

    Result r = new Result();
    r.target = target;
    r.connections = connections;
    r.warmupSeconds = warmupSeconds;
    r.measuredSeconds = measureSeconds;
    List<Latencies> parts = new ArrayList<>();
    for (RequestKind k : mix.kinds()) {
      r.sentByKind.put(k.name(), 0L);
    }
    for (Worker w : workers) {
      parts.add(w.latencies);
      r.completedInWindow += w.latencies.count();
      r.totalRequests += w.total;
      r.connectionErrors += w.connectionErrors;
      r.unexpectedStatuses += w.unexpected;
      r.serverErrors5xx += w.fiveXx;
      r.serverClosedConnections += w.serverCloses;
      for (int s = 0; s < w.statuses.length; s++) {
        if (w.statuses[s] > 0) {
          r.statuses.merge(s, w.statuses[s], Long::sum);
        }
      }
      w.sentByKind.forEach((k, v) -> r.sentByKind.merge(k, v, Long::sum));
      if (r.firstError == null) {
        r.firstError = w.firstError;
      }
    }
    r.latency = Latencies.summarize(parts);
    r.requestsPerSecond = r.completedInWindow / measureSeconds;
    return r;
  }

  private static final class Worker {
    final int index;
    final RawHttpConnection connection;
    final Mix mix;
    final Latencies latencies = new Latencies();
    final long[] statuses = new long[600];
    final Map<String, Long> sentByKind = new LinkedHashMap<>();
    volatile long windowStart;
    volatile long end;
    long total;
    long connectionErrors;
    long unexpected;
    long fiveXx;
    long serverCloses;
    String firstError;

    Worker(int index, String host, int port, Mix mix) {
      this.index = index;
      this.connection = new RawHttpConnection(host, port);
      this.mix = mix;
    }

    void run(CountDownLatch ready, CountDownLatch go) {
      try {
        try {
          connection.open();
        } catch (IOException e) {
          connectionErrors++;
          note(e);
        }
        ready.countDown();
        go.await();
        long windowStart = this.windowStart;
        long end = this.end;
        long step = 0;
        long[] kindCounts = new long[mix.kinds().size()];
        List<RequestKind> kinds = mix.kinds();
        while (true) {
          long t0 = System.nanoTime();
          if (t0 >= end) {
            break;
          }
          RequestKind kind = mix.next(index, step++);
          total++;
          kindCounts[kinds.indexOf(kind)]++;
          int status;
          try {
            status = connection.exchange(kind.bytes());
          } catch (IOException e) {
            connectionErrors++;
            note(e);
            connection.close();
            Thread.sleep(10); // a dead server must not turn this loop into a spin
            continue;
          }
          long t1 = System.nanoTime();
          if (t1 >= windowStart && t1 <= end) {
            latencies.record(t1 - t0);
          }
          if (status >= 0 && status < statuses.length) {
            statuses[status]++;
          }
          if (status >= 500) {
            fiveXx++;
          }
          if (status != kind.expectedStatus()) {
            unexpected++;
            if (firstError == null) {
              firstError = "status " + status + " for " + kind.name();
            }
          }
          if (connection.closeRequested()) {
            serverCloses++;
            connection.close(); // reopened, inside the timing, by the next exchange
          }
        }
        for (int i = 0; i < kinds.size(); i++) {
          sentByKind.put(kinds.get(i).name(), kindCounts[i]);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        connection.close();
      }
    }

    private void note(Exception e) {
      if (firstError == null) {
        firstError = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
    }
  }
}
