package org.openbitgo.accesstoken.stub.rules;

/**
 * An id that names no token of the caller's user: never created, evicted, or another user's (the
 * answers are the same, so an id reveals nothing about other users). It becomes a 404 {@code
 * NotFound} whose {@code context.field} is {@code id}.
 */
public final class UnknownTokenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnknownTokenException() {
    super("no access token with this id", null, false, false); // expected: no stack trace
  }

  /** The answer: 404 naming the {@code id} parameter, never the id's owner. */
  public Answer answer() {
    return PlatformErrors.of(404, getMessage(), java.util.Map.of("field", "id"));
  }
}
