package org.openbitgo.accesstoken.contract;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a changed {@code pattern} affects existing clients, judged by the gate because openapi-diff
 * calls every pattern change breaking. A pattern that lists its values, {@code ^(a|b|...)$} like
 * {@code Scope}, is compared value by value: more values are compatible in a request (nobody sent
 * them before) and fewer in a response. A pattern added narrows, one removed widens. Any other
 * change breaks.
 *
 * @param breaking why it breaks, or null
 * @param compatible what changed compatibly, or null
 */
record PatternChange(String breaking, String compatible) {

  static PatternChange judge(boolean request, String before, String after) {
    if (Objects.equals(before, after)) {
      return new PatternChange(null, null);
    }
    if (before == null || after == null) {
      boolean narrows = before == null;
      String change = narrows ? "pattern added" : "pattern `" + before + "` removed";
      if (narrows != request) {
        return new PatternChange(null, change);
      }
      return new PatternChange(
          change
              + (request
                  ? ": values it does not match are refused"
                  : ": clients that check it may meet values it refuses"),
          null);
    }
    Optional<Set<String>> old = listedValues(before);
    Optional<Set<String>> now = listedValues(after);
    if (old.isEmpty() || now.isEmpty()) {
      return new PatternChange("pattern changed from `" + before + "` to `" + after + "`", null);
    }
    Set<String> removed = new TreeSet<>(old.get());
    removed.removeAll(now.get());
    Set<String> added = new TreeSet<>(now.get());
    added.removeAll(old.get());
    Set<String> breaks = request ? removed : added;
    Set<String> fine = request ? added : removed;
    return new PatternChange(
        breaks.isEmpty()
            ? null
            : request
                ? "pattern values removed " + breaks + ": clients sending them are refused"
                : "pattern values added " + breaks + ": clients that check the pattern refuse them",
        fine.isEmpty()
            ? null
            : "pattern values " + (request ? "added " : "no longer sent ") + fine);
  }

  /**
   * The alternatives of a pattern {@code ^(a|b|...)$} without nested groups or escapes, each an
   * opaque value (a regex alternative such as {@code wallet_[a-z_]+:[0-9a-f]{32}} counts as one).
   */
  static Optional<Set<String>> listedValues(String pattern) {
    if (pattern == null || !pattern.startsWith("^(") || !pattern.endsWith(")$")) {
      return Optional.empty();
    }
    String inner = pattern.substring(2, pattern.length() - 2);
    if (inner.contains("(") || inner.contains(")") || inner.contains("\\")) {
      return Optional.empty();
    }
    return Optional.of(new TreeSet<>(List.of(inner.split("\\|", -1))));
  }
}
