package org.openbitgo.accesstoken.stub.rules;

/**
 * The one way the stub writes the JSON path of an offending value ({@code context.field}), e.g.
 * {@code spendingLimits[0].txValueLimit}, whether Jackson or Bean Validation found the fault.
 */
public final class JsonPath {

  /** The field reported when the fault is in the body as a whole rather than one field. */
  public static final String WHOLE_BODY = "body";

  private final StringBuilder path = new StringBuilder();

  JsonPath property(String name) {
    if (path.length() > 0) {
      path.append('.');
    }
    path.append(name);
    return this;
  }

  JsonPath index(Object index) {
    path.append('[').append(index).append(']');
    return this;
  }

  boolean endsWith(String name) {
    return path.toString().endsWith(name);
  }

  /**
   * The path; {@link #WHOLE_BODY} when empty or when it starts at an index (the body was an array).
   */
  @Override
  public String toString() {
    return path.length() == 0 || path.charAt(0) == '[' ? WHOLE_BODY : path.toString();
  }
}
