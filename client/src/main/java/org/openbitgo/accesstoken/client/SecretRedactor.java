package org.openbitgo.accesstoken.client;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it is logged or put in an exception: credential headers, bearer
 * values, JSON fields that hold secrets ({@code token}, {@code otp}, {@code password}) and the
 * client's own access token wherever it appears (e.g. echoed back in an error body).
 */
final class SecretRedactor {

  static final String REDACTED = "[REDACTED]";

  /** Feign logs one header per line, {@code Name: value}. */
  private static final Pattern SENSITIVE_HEADER_LINE =
      Pattern.compile("(?im)^(\\s*(?:proxy-)?authorization|\\s*cookie|\\s*set-cookie)(\\s*:).*$");

  private static final Pattern BEARER_VALUE = Pattern.compile("(?i)(bearer\\s+)[^\\s\",;]+");

  /** A string value (escapes included) or a bare scalar, so pretty-printed JSON is covered too. */
  private static final Pattern SENSITIVE_JSON_FIELD =
      Pattern.compile(
          "(\"(?:token|otp|password)\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s,}\\]]+)");

  /** Shorter literals would redact ordinary words; real tokens are far longer. */
  private static final int MIN_LITERAL_LENGTH = 8;

  private final List<String> knownSecrets;

  SecretRedactor(List<String> knownSecrets) {
    this.knownSecrets =
        knownSecrets.stream().filter(s -> s != null && s.length() >= MIN_LITERAL_LENGTH).toList();
  }

  String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String redacted = text;
    for (String secret : knownSecrets) {
      redacted = redacted.replace(secret, REDACTED);
    }
    redacted = SENSITIVE_HEADER_LINE.matcher(redacted).replaceAll("$1$2 " + REDACTED);
    redacted = BEARER_VALUE.matcher(redacted).replaceAll("$1" + Matcher.quoteReplacement(REDACTED));
    return SENSITIVE_JSON_FIELD
        .matcher(redacted)
        .replaceAll("$1" + Matcher.quoteReplacement('"' + REDACTED + '"'));
  }

  @Override
  public String toString() {
    return "SecretRedactor[" + knownSecrets.size() + " known secret(s), values hidden]";
  }
}
