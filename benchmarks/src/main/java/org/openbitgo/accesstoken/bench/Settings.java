package org.openbitgo.accesstoken.bench;

/** How long each phase runs: the full run, or the quick smoke test of the harness. */
record Settings(
    String mode,
    double serverWarmupSeconds,
    double warmupSeconds,
    double measureSeconds,
    int[] connections,
    int startupRuns,
    double firstSecondsMeasured,
    double clientWarmupSeconds,
    double clientMeasureSeconds,
    int clientRounds,
    int[] clientThreads,
    int soakConnections,
    double soakSeconds,
    double soakRssWindowSeconds,
    int jmhWarmupIterations,
    int jmhMeasurementIterations) {

  /** Connections of the warm comparison, the first seconds and the ceiling. */
  static final int HEADLINE_CONNECTIONS = 32;

  static Settings full() {
    return new Settings(
        "full",
        20,
        5,
        10,
        new int[] {1, 8, HEADLINE_CONNECTIONS},
        3,
        10,
        3,
        5,
        2,
        new int[] {1, 8},
        64,
        60,
        10,
        5,
        5);
  }

  static Settings quick() {
    return new Settings(
        "quick",
        3,
        1,
        2,
        new int[] {1, 8, HEADLINE_CONNECTIONS},
        1,
        3,
        1,
        1,
        2,
        new int[] {1, 8},
        64,
        10,
        3,
        1,
        2);
  }
}
