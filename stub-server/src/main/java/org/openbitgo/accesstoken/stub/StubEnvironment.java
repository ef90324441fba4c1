package org.openbitgo.accesstoken.stub;

import java.util.Locale;

/** The BitGo environment the stub imitates; it decides the IP-restriction rules and the origin. */
public enum StubEnvironment {
  /** Like https://app.bitgo-test.com: no IP restriction required. */
  TEST("test.bitgo.com"),
  /** Like https://app.bitgo.com: an IP restriction is required, CIDR prefixes /24 to /32 only. */
  PROD("bitgo.com");

  private final String origin;

  StubEnvironment(String origin) {
    this.origin = origin;
  }

  /** The host written as {@code origin} into every token this environment issues. */
  public String origin() {
    return origin;
  }

  /** Reads {@code test} or {@code prod} (case-insensitive), as given on the command line. */
  public static StubEnvironment fromName(String name) {
    for (StubEnvironment environment : values()) {
      if (environment.name().equalsIgnoreCase(name)) {
        return environment;
      }
    }
    throw new IllegalArgumentException("environment must be test or prod, got \"" + name + "\"");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
