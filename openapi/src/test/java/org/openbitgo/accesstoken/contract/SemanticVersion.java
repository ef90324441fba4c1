package org.openbitgo.accesstoken.contract;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A contract version, {@code MAJOR.MINOR.PATCH} and nothing else: pre-release and build suffixes
 * are refused so that "lower than" and "major bump" never depend on suffix ordering rules.
 */
public record SemanticVersion(int major, int minor, int patch)
    implements Comparable<SemanticVersion> {

  private static final Pattern FORM =
      Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)");
  private static final Comparator<SemanticVersion> ORDER =
      Comparator.comparingInt(SemanticVersion::major)
          .thenComparingInt(SemanticVersion::minor)
          .thenComparingInt(SemanticVersion::patch);

  /** The version written as {@code text}, or empty when it is not plain {@code X.Y.Z}. */
  public static Optional<SemanticVersion> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new SemanticVersion(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3))));
  }

  public SemanticVersion nextMajor() {
    return new SemanticVersion(major + 1, 0, 0);
  }

  public SemanticVersion nextMinor() {
    return new SemanticVersion(major, minor + 1, 0);
  }

  public SemanticVersion nextPatch() {
    return new SemanticVersion(major, minor, patch + 1);
  }

  public boolean isLowerThan(SemanticVersion other) {
    return compareTo(other) < 0;
  }

  @Override
  public int compareTo(SemanticVersion other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
