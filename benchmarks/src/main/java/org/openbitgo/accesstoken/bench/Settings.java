package org.openbitgo.accesstoken.bench;

/** How long each phase runs: the full run, or the quick smoke test of the harness. */
record Settings(
    String mode,
    int coldRuns,
    int coldWindowSeconds,
    int serverWarmupSeconds,
    int warmSeconds,
    int warmRounds,
    int soakConnections,
    int soakSeconds,
    int soakRssWindowSeconds,
    int jmhWarmupIterations,
    int jmhMeasurementIterations,
    int kitRuns) {

  /** wrk's connections in the cold window and the warm rows (targets 1 and 2). */
  static final int CONNECTIONS = 32;

  /** The client benchmark's thread counts (target 3). */
  static final int[] CLIENT_THREADS = {1, 8};

  static Settings full() {
    return new Settings("full", 3, 10, 20, 10, 3, 64, 60, 10, 5, 5, 5);
  }

  static Settings quick() {
    return new Settings("quick", 1, 3, 3, 2, 1, 64, 10, 3, 1, 2, 1);
  }
}
