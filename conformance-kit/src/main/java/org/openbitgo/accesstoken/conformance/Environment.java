package org.openbitgo.accesstoken.conformance;

import java.util.Locale;

/** Which BitGo environment the provider imitates: the contract's rules differ (seed README). */
public enum Environment {
  /** {@code app.bitgo-test.com}: no IP restriction required. */
  TEST,
  /** {@code app.bitgo.com}: {@code ipRestrict} required, CIDR prefixes /24 to /32 only. */
  PROD;

  /** {@code test} or {@code prod}, as the command line writes it. */
  public static Environment parse(String name) {
    for (Environment environment : values()) {
      if (environment.cliName().equals(name)) {
        return environment;
      }
    }
    throw new IllegalArgumentException("must be test or prod, got \"" + name + "\"");
  }

  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
