package org.openbitgo.accesstoken.conformance;

/**
 * A rule the provider broke: what was expected, what came back, and the exchange that shows it. The
 * kit adds the check's name and rule and redacts every secret before anything is printed.
 */
public final class CheckFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String expected;
  private final String got;
  private final transient Exchange exchange;

  CheckFailure(String expected, String got, Exchange exchange) {
    super(expected, null, false, false);
    this.expected = expected;
    this.got = got;
    this.exchange = exchange;
  }

  public String expected() {
    return expected;
  }

  public String got() {
    return got;
  }

  /** The exchange that shows the failure; null when several or none do. */
  public Exchange exchange() {
    return exchange;
  }

  /** Fails unless {@code holds}; {@code got} defaults to the exchange's answer. */
  static void expect(boolean holds, String expected, Exchange exchange) {
    if (!holds) {
      throw new CheckFailure(expected, exchange.response().summary(), exchange);
    }
  }

  static void expect(boolean holds, String expected, String got, Exchange exchange) {
    if (!holds) {
      throw new CheckFailure(expected, got, exchange);
    }
  }

  /** One report line: rule, request, expected, got (redacted by the caller). */
  String describe(Check check) {
    return check.name()
        + " ["
        + check.kind().name().toLowerCase(java.util.Locale.ROOT)
        + "] rule: "
        + check.rule()
        + (exchange == null ? "" : " | request: " + exchange.request().summary())
        + " | expected: "
        + expected
        + " | got: "
        + got;
  }
}
