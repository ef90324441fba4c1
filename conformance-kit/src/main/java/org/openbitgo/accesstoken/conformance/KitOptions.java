package org.openbitgo.accesstoken.conformance;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which checks run and with what: name patterns to run or skip ({@code auth.*}, {@code
 * create.echoes-label}), the opt-in hostile group, and the seed and number of generated invalid
 * bodies (a failure prints the seed; passing it again replays the same bodies).
 */
public final class KitOptions {

  /** Invalid bodies sent by default: enough to draw every kind, quick against any provider. */
  public static final int DEFAULT_INVALID_BODIES = 200;

  private final List<Pattern> only;
  private final List<Pattern> skip;
  private final boolean hostile;
  private final long seed;
  private final int invalidBodies;

  private KitOptions(Builder builder) {
    this.only = List.copyOf(builder.only);
    this.skip = List.copyOf(builder.skip);
    this.hostile = builder.hostile;
    this.seed = builder.seed;
    this.invalidBodies = builder.invalidBodies;
  }

  public static KitOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public boolean hostile() {
    return hostile;
  }

  public long seed() {
    return seed;
  }

  public int invalidBodies() {
    return invalidBodies;
  }

  /**
   * Whether the check named so is selected: matches an {@code only} pattern (if any) and no {@code
   * skip}.
   */
  public boolean selects(String checkName) {
    boolean included =
        only.isEmpty() || only.stream().anyMatch(p -> p.matcher(checkName).matches());
    return included && skip.stream().noneMatch(p -> p.matcher(checkName).matches());
  }

  /** A glob over check names: {@code *} matches any run of characters, everything else itself. */
  static Pattern glob(String glob) {
    return Pattern.compile(
        Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*")));
  }

  /** Builds {@link KitOptions}. */
  public static final class Builder {
    private final List<Pattern> only = new ArrayList<>();
    private final List<Pattern> skip = new ArrayList<>();
    private boolean hostile;
    private long seed = new SecureRandom().nextLong();
    private int invalidBodies = DEFAULT_INVALID_BODIES;

    private Builder() {}

    /** Runs only checks whose name matches this glob (repeatable: any of them). */
    public Builder only(String glob) {
      only.add(glob(glob));
      return this;
    }

    /** Skips checks whose name matches this glob (repeatable). */
    public Builder skip(String glob) {
      skip.add(glob(glob));
      return this;
    }

    /** Adds the hostile-peer group (slow bodies, malformed request lines); off by default. */
    public Builder hostile(boolean hostile) {
      this.hostile = hostile;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder invalidBodies(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("invalid bodies must be at least 1, got " + count);
      }
      this.invalidBodies = count;
      return this;
    }

    public KitOptions build() {
      return new KitOptions(this);
    }
  }
}
