package org.openbitgo.accesstoken.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Fresh processes: the stub (several times) and Prism, from process start to the first 200 and
 * their memory then; the first stub is loaded right away, so its first seconds are measured cold.
 */
final class StartupPhase {

  /** The cold numbers of the stub, and Prism's start for comparison. */
  record Result(BenchmarkReport.Startup startup, LoadGenerator.Row firstSeconds) {}

  private final Settings settings;
  private final ServerRuns servers;
  private final ProgressLog progress;

  StartupPhase(Settings settings, ServerRuns servers, ProgressLog progress) {
    this.settings = settings;
    this.servers = servers;
    this.progress = progress;
  }

  Result run() throws Exception {
    List<BenchmarkReport.ServerStart> runs = new ArrayList<>();
    LoadGenerator.Row firstSeconds = null;
    for (int i = 0; i < settings.startupRuns(); i++) {
      try (ServerProcess stub = servers.startStub("stub cold " + (i + 1), List.of())) {
        BenchmarkReport.ServerStart start = ServerRuns.started(stub);
        runs.add(start);
        progress.line("  " + start);
        if (i == 0) {
          firstSeconds =
              servers.valid(
                  stub, Settings.HEADLINE_CONNECTIONS, 0, settings.firstSecondsMeasured());
        }
      }
    }
    BenchmarkReport.ServerStart prism = null;
    if (servers.hasPrism()) {
      try (ServerProcess p = servers.startPrism()) {
        prism = ServerRuns.started(p);
        progress.line("  " + prism + " (Prism " + servers.prismVersion() + ")");
      }
    }
    BenchmarkReport.Startup startup =
        new BenchmarkReport.Startup(
            String.join(" ", servers.stubCommand()).replace(Payloads.BEARER_TOKEN, "T")
                + " --port P",
            runs,
            median(runs.stream().map(BenchmarkReport.ServerStart::startupMs).toList()),
            median(runs.stream().map(BenchmarkReport.ServerStart::rssMiB).toList()),
            prism);
    return new Result(startup, firstSeconds);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
  }
}
