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
  static final int MIN_LITERAL_LENGTH = 8;

  private final List<String> knownSecrets;

  SecretRedactor(List<String> knownSecrets) {
    // Also as JSON may escape them ("a/b" may be written "a\/b"), so a raw body is covered too.
    this.knownSecrets =
        knownSecrets.stream()
            .filter(s -> s != null && s.length() >= MIN_LITERAL_LENGTH)
            .flatMap(s -> java.util.stream.Stream.of(s, s.replace("/", "\\/")).distinct())
            .toList();
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

  /**
   * Redacts every string inside parsed JSON (maps, lists, nested). The raw text was redacted
   * before parsing, but a secret written with JSON escapes there ({@code \/}, {@code \u0041})
   * only becomes recognisable once parsed.
   */
  @SuppressWarnings("unchecked")
  <T> T redactValues(T parsed) {
    if (parsed instanceof String text) {
      return (T) redact(text);
    }
    if (parsed instanceof java.util.Map<?, ?> map) {
      java.util.Map<Object, Object> copy = new java.util.LinkedHashMap<>();
      map.forEach((key, value) -> copy.put(key, redactValues(value)));
      return (T) copy;
    }
    if (parsed instanceof List<?> list) {
      return (T) list.stream().map(this::redactValues).toList();
    }
    return parsed;
  }

  @Override
  public String toString() {
    return "SecretRedactor[" + knownSecrets.size() + " known secret(s), values hidden]";
  }
}
