package org.openbitgo.accesstoken.stub.http;

import java.util.List;

/** The two media-type questions the stub asks of a request's headers. */
public final class MediaTypes {

  private static final String JSON = "application/json";

  private MediaTypes() {}

  /** Whether a {@code Content-Type} value is {@code application/json} (parameters allowed). */
  public static boolean isJson(String contentType) {
    return contentType != null && mediaType(contentType).equalsIgnoreCase(JSON);
  }

  /**
   * Whether a JSON {@code Content-Type} allows the body to be UTF-8: no {@code charset}, or {@code
   * charset=utf-8} (RFC 8259 section 8.1: JSON exchanged between systems is UTF-8).
   */
  public static boolean isUtf8(String contentType) {
    for (String parameter : contentType.split(";")) {
      String p = parameter.trim();
      if (p.regionMatches(true, 0, "charset=", 0, 8)) {
        String charset = p.substring(8).trim().replace("\"", "");
        return charset.equalsIgnoreCase("utf-8") || charset.equalsIgnoreCase("utf8");
      }
    }
    return true;
  }

  /** Whether {@code Accept} values (none means anything) admit {@code application/json}. */
  public static boolean acceptsJson(List<String> acceptValues) {
    if (acceptValues.isEmpty()) {
      return true;
    }
    for (String value : acceptValues) {
      for (String range : value.split(",")) {
        String type = mediaType(range);
        boolean matches =
            type.equals("*/*")
                || type.equalsIgnoreCase("application/*")
                || type.equalsIgnoreCase(JSON);
        if (matches && !excluded(range)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String mediaType(String value) {
    int parameters = value.indexOf(';');
    return (parameters < 0 ? value : value.substring(0, parameters)).trim();
  }

  /** {@code q=0} means "not acceptable". */
  private static boolean excluded(String range) {
    for (String parameter : range.split(";")) {
      String p = parameter.trim();
      if (p.regionMatches(true, 0, "q=", 0, 2)) {
        try {
          return Double.parseDouble(p.substring(2).trim()) == 0;
        } catch (NumberFormatException e) {
          return false;
        }
      }
    }
    return false;
  }
}
