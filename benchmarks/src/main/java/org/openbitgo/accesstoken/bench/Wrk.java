package org.openbitgo.accesstoken.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs wrk (Debian's 4.1.0) with {@code benchmarks/src/main/wrk/create.lua}: valid full creates
 * over keep-alive connections, every non-200 counted, and reads the one result line the script
 * prints. wrk measures every throughput and latency figure the targets are judged by.
 */
final class Wrk {

  /** wrk's own threads: one, so that the 2-core machine keeps a core for the server. */
  static final int THREADS = 1;

  /** One wrk run, as the report shows it. */
  record Result(
      String server,
      int connections,
      double seconds,
      long requests,
      double requestsPerSecond,
      long non200,
      int firstOtherStatus,
      long socketErrors,
      double p50Ms,
      double p90Ms,
      double p99Ms,
      double maxMs,
      Proc.Cpu cpu,
      double load1MinAtEnd) {

    /** Answers that were not 200 and connect, read, write and timeout errors. */
    long errors() {
      return non200 + socketErrors;
    }
  }

  private final String binary;
  private final Path script;
  private final Path body;

  Wrk(String binary, Path script, Path body) {
    this.binary = binary;
    this.script = script;
    this.body = body;
  }

  /** {@code wrk --version}, or an IOException naming what is missing. */
  String version() throws IOException, InterruptedException {
    Process p = new ProcessBuilder(binary, "--version").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(10, TimeUnit.SECONDS);
    return out.lines().findFirst().orElse("?").replaceAll("\\s+Copyright.*", "").strip();
  }

  /** Valid creates at {@code connections} connections for {@code seconds} (whole seconds). */
  Result run(String server, int port, int connections, int seconds)
      throws IOException, InterruptedException {
    Proc.CpuWindow cpu = new Proc.CpuWindow();
    List<String> command =
        List.of(
            binary,
            "-t" + THREADS,
            "-c" + connections,
            "-d" + seconds + "s",
            "--timeout",
            "10s",
            "-s",
            script.toString(),
            "http://" + ServerProcess.HOST + ":" + port,
            "--",
            body.toString(),
            Payloads.BEARER_TOKEN);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(seconds + 30L, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException("wrk failed against " + server + ":\n" + out);
    }
    Map<String, String> f = resultLine(out);
    if (f == null) {
      throw new IOException("wrk printed no WRK_RESULT line against " + server + ":\n" + out);
    }
    double durationSeconds = Long.parseLong(f.get("duration_us")) / 1e6;
    long requests = Long.parseLong(f.get("requests"));
    return new Result(
        server,
        connections,
        Report.round(durationSeconds, 2),
        requests,
        Report.round(requests / durationSeconds, 1),
        Long.parseLong(f.get("non_200")),
        Integer.parseInt(f.get("first_other_status")),
        Long.parseLong(f.get("connect"))
            + Long.parseLong(f.get("read"))
            + Long.parseLong(f.get("write"))
            + Long.parseLong(f.get("timeout")),
        ms(f, "p50_us"),
        ms(f, "p90_us"),
        ms(f, "p99_us"),
        ms(f, "max_us"),
        cpu.finish(),
        Proc.loadAverage()[0]);
  }

  /** The {@code WRK_RESULT key=value ...} line of create.lua's done(), or null. */
  static Map<String, String> resultLine(String output) {
    return output
        .lines()
        .filter(l -> l.startsWith("WRK_RESULT "))
        .findFirst()
        .map(
            l -> {
              Map<String, String> fields = new HashMap<>();
              for (String kv : l.substring("WRK_RESULT ".length()).trim().split("\\s+")) {
                int eq = kv.indexOf('=');
                fields.put(kv.substring(0, eq), kv.substring(eq + 1));
              }
              return fields;
            })
        .orElse(null);
  }

  private static double ms(Map<String, String> fields, String micros) {
    return Report.round(Double.parseDouble(fields.get(micros)) / 1000.0, 3);
  }

  static String describe(Result r) {
    return String.format(
        java.util.Locale.ROOT,
        "  %-24s wrk x%-3d %10.1f req/s  p50 %.3f ms  p99 %.3f ms  non-200 %d  socket errors %d%s",
        r.server(),
        r.connections(),
        r.requestsPerSecond(),
        r.p50Ms(),
        r.p99Ms(),
        r.non200(),
        r.socketErrors(),
        r.cpu() == null
            ? ""
            : "  cpu ours " + r.cpu().thisBenchmark() + " others " + r.cpu().others());
  }
}
