package org.openbitgo.accesstoken.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Warm servers under wrk at {@link Settings#CONNECTIONS} connections: the stub (the first cold
 * variant's command), the canned-response Netty server (the stub stack's ceiling) and Prism. Each
 * gets unmeasured load first (JIT or V8 warm-up), then the servers take turns, round after round.
 */
final class WarmPhase {

  private final Settings settings;
  private final Wrk wrk;
  private final ProgressLog progress;

  WarmPhase(Settings settings, Wrk wrk, ProgressLog progress) {
    this.settings = settings;
    this.wrk = wrk;
    this.progress = progress;
  }

  /**
   * @param prism Prism's command ({@code {port}} for the port), or null to leave Prism out
   */
  BenchmarkReport.Warm run(
      ColdPhase.Variant stubVariant, List<String> cannedCommand, List<String> prism)
      throws IOException, InterruptedException {
    List<ServerProcess> servers = new ArrayList<>();
    try {
      servers.add(ServerProcess.startAndAwait200("stub", stubVariant.command(), 60));
      servers.add(ServerProcess.startAndAwait200("canned Netty", cannedCommand, 60));
      BenchmarkReport.ServerStart prismStart = null;
      if (prism != null) {
        ServerProcess p = ServerProcess.startAndAwait200("Prism", prism, 90);
        servers.add(p);
        prismStart = p.started();
        progress.line(
            "  Prism: first 200 after "
                + prismStart.startupMs()
                + " ms, RSS "
                + prismStart.rssMiB()
                + " MiB");
      }
      for (ServerProcess s : servers) {
        progress.line(
            Wrk.describe(
                wrk.run(
                    s.name + " warm-up",
                    s.port,
                    Settings.CONNECTIONS,
                    settings.serverWarmupSeconds())));
      }
      Map<String, List<Wrk.Result>> rounds = new LinkedHashMap<>();
      for (int round = 0; round < settings.warmRounds(); round++) {
        for (ServerProcess s : servers) {
          Wrk.Result r = wrk.run(s.name, s.port, Settings.CONNECTIONS, settings.warmSeconds());
          progress.line(Wrk.describe(r));
          rounds.computeIfAbsent(s.name, k -> new ArrayList<>()).add(r);
        }
      }
      List<BenchmarkReport.Warmed> warmed = new ArrayList<>();
      for (ServerProcess s : servers) {
        List<Wrk.Result> r = rounds.get(s.name);
        warmed.add(
            new BenchmarkReport.Warmed(
                s.name,
                r,
                Report.median(r.stream().map(Wrk.Result::requestsPerSecond).toList()),
                Report.median(r.stream().map(Wrk.Result::p99Ms).toList()),
                r.stream().mapToLong(Wrk.Result::errors).sum(),
                Report.round(s.rssKiB() / 1024.0, 1)));
      }
      return new BenchmarkReport.Warm(warmed, prismStart);
    } finally {
      for (ServerProcess s : servers) {
        s.close();
      }
    }
  }
}
