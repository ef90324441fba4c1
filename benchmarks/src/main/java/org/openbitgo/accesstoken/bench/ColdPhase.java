package org.openbitgo.accesstoken.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stub cold, per launch variant: fresh processes, from process start to the first 200 (memory
 * and threads right then), and at once wrk for the cold window. The variants take turns (ABC ABC
 * ...), so a change in the machine's background load hits all of them alike; each variant's row is
 * the median of its processes.
 */
final class ColdPhase {

  /**
   * One way to launch the stub: {@code name|java-binary|args...}, the args split on whitespace; the
   * harness appends {@code --host 127.0.0.1 --token T --port P}.
   */
  record Variant(String name, String java, List<String> args) {

    static Variant parse(String spec) {
      String[] parts = spec.split("\\|", 3);
      if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
        throw new IllegalArgumentException(
            "--cold-variant wants 'name|java-binary|args...', got: " + spec);
      }
      return new Variant(
          parts[0].strip(), parts[1].strip(), List.of(parts[2].strip().split("\\s+")));
    }

    List<String> command() {
      List<String> command = new ArrayList<>();
      command.add(java);
      command.addAll(args);
      command.addAll(
          List.of(
              "--host", ServerProcess.HOST, "--token", Payloads.BEARER_TOKEN, "--port", "{port}"));
      return command;
    }

    /** The command as the report shows it: the token and the port as placeholders. */
    String display() {
      return String.join(" ", command()).replace(Payloads.BEARER_TOKEN, "T").replace("{port}", "P");
    }

    /** Why this variant cannot run here (its Java binary is missing), or null. */
    String unavailable() {
      return java.contains("/") && !Files.isExecutable(Path.of(java))
          ? "Java binary not found: " + java
          : null;
    }
  }

  private final Settings settings;
  private final Wrk wrk;
  private final ProgressLog progress;

  ColdPhase(Settings settings, Wrk wrk, ProgressLog progress) {
    this.settings = settings;
    this.wrk = wrk;
    this.progress = progress;
  }

  List<BenchmarkReport.ColdVariant> run(List<Variant> variants) throws InterruptedException {
    Map<Variant, List<BenchmarkReport.ColdRun>> runs = new LinkedHashMap<>();
    Map<Variant, String> failures = new LinkedHashMap<>();
    for (Variant v : variants) {
      runs.put(v, new ArrayList<>());
      if (v.unavailable() != null) {
        failures.put(v, v.unavailable());
        progress.line("  cold variant " + v.name() + " NOT RUN: " + v.unavailable());
      }
    }
    int seconds = settings.coldWindowSeconds();
    for (int round = 1; round <= settings.coldRuns(); round++) {
      for (Variant v : variants) {
        if (failures.containsKey(v)) {
          continue;
        }
        try (ServerProcess stub =
            ServerProcess.startAndAwait200(v.name() + " #" + round, v.command(), 60)) {
          // memory and threads at the first 200, then the cold window right away
          BenchmarkReport.ServerStart start = stub.started();
          Wrk.Result window = wrk.run(stub.name, stub.port, Settings.CONNECTIONS, seconds);
          runs.get(v).add(new BenchmarkReport.ColdRun(start, window));
          progress.line(
              "  "
                  + start.server()
                  + ": first 200 after "
                  + start.startupMs()
                  + " ms, RSS "
                  + start.rssMiB()
                  + " MiB");
          progress.line(Wrk.describe(window));
        } catch (IOException e) {
          failures.put(v, e.getMessage());
          progress.line("  cold variant " + v.name() + " FAILED: " + e.getMessage());
        }
      }
    }
    List<BenchmarkReport.ColdVariant> result = new ArrayList<>();
    for (Variant v : variants) {
      List<BenchmarkReport.ColdRun> r = runs.get(v);
      result.add(
          new BenchmarkReport.ColdVariant(
              v.name(),
              v.display(),
              r,
              Report.median(r.stream().map(x -> x.start().startupMs()).toList()),
              Report.median(r.stream().map(x -> x.start().rssMiB()).toList()),
              Report.median(r.stream().map(x -> x.window().requestsPerSecond()).toList()),
              Report.median(r.stream().map(x -> x.window().p99Ms()).toList()),
              r.stream().mapToLong(x -> x.window().errors()).sum(),
              failures.get(v)));
    }
    return result;
  }

  /**
   * The harness's own figure for the same window, beside wrk's: one more fresh process of {@code
   * variant}, loaded by {@link SoakLoad} with valid creates only.
   */
  SoakLoad.Row ownGeneratorFigure(Variant variant) throws IOException, InterruptedException {
    try (ServerProcess stub =
        ServerProcess.startAndAwait200(
            variant.name() + " (own generator)", variant.command(), 60)) {
      SoakLoad.Request create =
          new SoakLoad.Request(
              "valid create",
              Payloads.rawPost(stub.port, "Bearer " + Payloads.BEARER_TOKEN, Payloads.FULL_REQUEST),
              200);
      SoakLoad.Row row =
          SoakLoad.run(
              stub.name,
              stub.port,
              Settings.CONNECTIONS,
              settings.coldWindowSeconds(),
              (worker, step) -> create);
      progress.line(SoakLoad.describe(row));
      return row;
    }
  }
}
