package org.openbitgo.accesstoken.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The Feign client against a plain HttpClient (with and without Jackson), against one stub. */
final class ClientPhase {

  private static final String[] NAMES = {
    "plain HttpClient (bytes)", "Feign AccessTokenClient", "plain HttpClient + Jackson models"
  };

  private final Settings settings;
  private final ProgressLog progress;

  ClientPhase(Settings settings, ProgressLog progress) {
    this.settings = settings;
    this.progress = progress;
  }

  List<BenchmarkReport.ClientRow> run(URI stub) throws Exception {
    ClientComparison.Variants variants = new ClientComparison.Variants(stub);
    ClientComparison.Caller[] callers = {
      variants.plain(), variants.feign(), variants.plainWithJackson()
    };
    ClientComparison.smoke(callers);
    List<BenchmarkReport.ClientRow> rows = new ArrayList<>();
    for (int threads : settings.clientThreads()) {
      // each variant warms up once, then the variants take turns, round after round, so that a
      // change in the machine's background load hits all of them alike
      List<List<ClientComparison.Sample>> samples = new ArrayList<>();
      for (int v = 0; v < callers.length; v++) {
        ClientComparison.run(NAMES[v], callers[v], threads, 0, settings.clientWarmupSeconds());
        samples.add(new ArrayList<>());
      }
      for (int round = 0; round < settings.clientRounds(); round++) {
        for (int v = 0; v < callers.length; v++) {
          samples
              .get(v)
              .add(
                  ClientComparison.run(
                      NAMES[v], callers[v], threads, 0, settings.clientMeasureSeconds()));
        }
      }
      List<ClientComparison.Row> variantRows = new ArrayList<>();
      for (int v = 0; v < callers.length; v++) {
        ClientComparison.Row row = ClientComparison.summarize(NAMES[v], threads, samples.get(v));
        variantRows.add(row);
        progress.line(
            "  client "
                + row.client()
                + " x"
                + threads
                + ": "
                + row.requestsPerSecond()
                + " req/s, p50 "
                + row.latency().p50Ms()
                + " ms, errors "
                + row.errors());
      }
      double plain = variantRows.get(0).requestsPerSecond();
      double feign = variantRows.get(1).requestsPerSecond();
      double jackson = variantRows.get(2).requestsPerSecond();
      rows.add(
          new BenchmarkReport.ClientRow(
              threads,
              variantRows,
              Report.round(feign / plain, 3),
              Report.round(feign / jackson, 3)));
    }
    return rows;
  }
}
