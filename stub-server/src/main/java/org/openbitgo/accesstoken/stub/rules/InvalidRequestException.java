package org.openbitgo.accesstoken.stub.rules;

/**
 * A request that breaks a rule of the contract; it becomes a 400 whose {@code context.field} names
 * {@link #field()} (a JSON path such as {@code ipRestrict[0]}).
 */
public final class InvalidRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidRequestException(String field, String message) {
    super(message, null, false, false); // an expected outcome: no stack trace to fill in
    this.field = field;
  }

  public String field() {
    return field;
  }
}
