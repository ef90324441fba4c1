package org.openbitgo.accesstoken.client;

import java.util.List;

/**
 * {@link AccessTokenClient#revokeByLabel(String)} refused, as BitGo's SDK does: no token, or more
 * than one token, of the caller's user has that label, so it cannot tell which one to revoke.
 * Nothing was revoked. Revoke by id instead ({@link #matchingIds()} lists the candidates).
 */
public final class LabelNotUniqueException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String label;
  private final List<String> matchingIds;

  LabelNotUniqueException(String label, List<String> matchingIds) {
    super(message(label, matchingIds));
    this.label = label;
    this.matchingIds = List.copyOf(matchingIds);
  }

  /** The label asked for. */
  public String label() {
    return label;
  }

  /** The ids of the caller's unexpired tokens with that label: none, or two or more. */
  public List<String> matchingIds() {
    return matchingIds;
  }

  private static String message(String label, List<String> ids) {
    // a label is not a secret; ids are public
    return ids.isEmpty()
        ? "no access token of this user has the label \"" + label + "\"; nothing was revoked"
        : ids.size()
            + " access tokens of this user have the label \""
            + label
            + "\" (ids "
            + String.join(", ", ids)
            + "); nothing was revoked: revoke one by id";
  }
}
