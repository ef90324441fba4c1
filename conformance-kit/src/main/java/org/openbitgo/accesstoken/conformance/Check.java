package org.openbitgo.accesstoken.conformance;

/**
 * One named check: the rule it enforces, whether breaking it fails the run, and what it does.
 *
 * @param name e.g. {@code create.echoes-label}; the part before the first dot is its group
 * @param kind {@link Kind#CONTRACT} fails the run; {@link Kind#ADVISORY} never does
 * @param rule the rule, in one sentence, and where the contract states it
 */
public record Check(String name, Kind kind, String rule, Body body) {

  /** Whether a broken rule fails the run. */
  public enum Kind {
    /** What the spec or BitGo's documented behaviour states: a failure fails the run. */
    CONTRACT,
    /**
     * A choice the stub made where the contract is silent: reported, never fails the run (JUnit
     * reports it as skipped, with the finding).
     */
    ADVISORY
  }

  /** What the check does against the provider; throws {@link CheckFailure} when the rule breaks. */
  @FunctionalInterface
  public interface Body {
    void run(CheckContext context) throws Exception;
  }

  public String group() {
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  /** The name as reports show it: advisories say so. */
  public String displayName() {
    return kind == Kind.ADVISORY ? name + " (advisory)" : name;
  }

  static Check contract(String name, String rule, Body body) {
    return new Check(name, Kind.CONTRACT, rule, body);
  }

  static Check advisory(String name, String rule, Body body) {
    return new Check(name, Kind.ADVISORY, rule, body);
  }
}
