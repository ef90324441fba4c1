package org.openbitgo.accesstoken.conformance;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of everything the kit prints or writes: every bearer token it presents (the
 * provider's {@code --token} and the unknown ones it makes up) and the secret of every token a
 * provider creates ({@code "token":"..."} in a body).
 */
final class Redactor {

  static final String REDACTED = "<redacted>";

  private static final Pattern CREATED_SECRET = Pattern.compile("(\"token\"\\s*:\\s*\")[^\"]*(\")");

  /**
   * Marks the start and the end of a text {@link #redact} cuts, once redacted. Private-use
   * characters: a provider's answer that holds one only moves a cut, and every cut comes after the
   * redaction.
   */
  private static final char CUT_FROM = '\uE000';

  private static final char CUT_TO = '\uE001';

  /**
   * A secret shorter than this is not searched for: an empty one would be found in every answer (a
   * create answered without its {@code token}), and a few characters in many an honest one.
   */
  private static final int SHORTEST_SECRET = 4;

  /** A backslash, as itself or percent-encoded. */
  private static final String BACKSLASH = "\\\\|%5[cC]";

  /** Each secret, and the pattern that finds it in any spelling {@link #anySpelling} knows. */
  private final Map<String, Pattern> secrets = new ConcurrentHashMap<>();

  Redactor(String token) {
    register(token);
  }

  /** Another secret the kit presents (e.g. a made-up unknown token). */
  String register(String secret) {
    if (secret != null && secret.length() >= SHORTEST_SECRET) {
      secrets.computeIfAbsent(secret, Redactor::anySpelling);
    }
    return secret;
  }

  /**
   * Whether {@code text} holds one of the secrets, as it is or in any spelling {@link #anySpelling}
   * knows. A provider that echoes the token so written has echoed it.
   */
  boolean holdsSecret(String text) {
    if (text == null) {
      return false;
    }
    for (Pattern secret : secrets.values()) {
      if (secret.matcher(text).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A pattern matching {@code secret} with each character written
   *
   * <ul>
   *   <li>as itself, and a space also as {@code +} (a URL's query, as form encoders write it);
   *   <li>as a JSON writer may escape it: <code>&#92;uXXXX</code> in either case (.NET writes
   *       {@code +} so), and {@code /} as {@code \/} (PHP's default);
   *   <li>escaped again, as JSON inside a JSON string is: any run of backslashes before the {@code
   *       u} or the {@code /} ({@code \\u002B}, {@code \\\/});
   *   <li>percent-encoded, as in a URL or a {@code Location} header: each UTF-8 byte as {@code %XX}
   *       in either case, and percent-encoded again ({@code %252F}, a URL inside a URL's query);
   *   <li>a JSON escape percent-encoded, as a URL carrying JSON writes it: each backslash also as
   *       {@code %5C}, the {@code /} after it also as {@code %2F}.
   * </ul>
   */
  static Pattern anySpelling(String secret) {
    StringBuilder pattern = new StringBuilder();
    for (int i = 0; i < secret.length(); i++) {
      char c = secret.charAt(i);
      // A run of backslashes is taken whole (possessive: what follows it is never a backslash),
      // and a match starts only where a run starts: tried from every backslash of a long run, the
      // search would cost the square of its length (40,000 backslashes took 0.36 s, a 1 MiB body
      // of them minutes per answer).
      String backslashes = (i == 0 ? "(?<!" + BACKSLASH + ")" : "") + "(?:" + BACKSLASH + ")++";
      pattern
          .append("(?:")
          .append(Pattern.quote(String.valueOf(c)))
          .append('|')
          .append(backslashes)
          .append("u(?i:")
          .append(String.format("%04x", (int) c))
          .append(')');
      if (c == '/') {
        pattern
            .append('|')
            .append(backslashes)
            .append("(?:/|")
            .append(percentEncoded(c))
            .append(')');
      }
      if (c == ' ') {
        pattern.append("|\\+");
      }
      // a lone surrogate has no UTF-8 bytes of its own (it would encode as '?')
      if (!Character.isSurrogate(c)) {
        pattern.append('|').append(percentEncoded(c));
      }
      pattern.append(')');
    }
    return Pattern.compile(pattern.toString());
  }

  /**
   * {@code c}'s UTF-8 bytes, each as {@code %XX} in either case, its {@code %} encoded again or
   * not.
   */
  private static String percentEncoded(char c) {
    StringBuilder bytes = new StringBuilder();
    for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
      bytes.append("%(?:25)*(?i:").append(String.format("%02x", b & 0xff)).append(')');
    }
    return bytes.toString();
  }

  /** The text with every {@code "token":"..."} value blanked (a create's answer, swept). */
  static String withoutCreatedSecret(String text) {
    return CREATED_SECRET.matcher(text).replaceAll("$1$2");
  }

  /**
   * {@code text} with every secret replaced by {@link #REDACTED}, then each part marked by {@link
   * #cutOnceRedacted} cut to its length.
   */
  String redact(String text) {
    if (text == null) {
      return null;
    }
    String redacted = text;
    for (Pattern secret : secrets.values()) {
      redacted = secret.matcher(redacted).replaceAll(Matcher.quoteReplacement(REDACTED));
    }
    return cutMarkedParts(CREATED_SECRET.matcher(redacted).replaceAll("$1" + REDACTED + "$2"));
  }

  /**
   * {@code text}, marked to be cut to {@code length} characters (the last three {@code ...}) once
   * {@link #redact} has redacted it. Cut before, a secret spelled across the cut would no longer
   * match and its first part would be printed.
   */
  static String cutOnceRedacted(String text, int length) {
    return text.length() <= length ? text : CUT_FROM + String.valueOf(length) + ':' + text + CUT_TO;
  }

  private static String cutMarkedParts(String text) {
    StringBuilder cut = new StringBuilder(text.length());
    int from = 0;
    for (int start = text.indexOf(CUT_FROM);
        start >= 0;
        start = text.indexOf(CUT_FROM, start + 1)) {
      int colon = text.indexOf(':', start);
      int end = text.indexOf(CUT_TO, start);
      if (colon < 0 || end < colon || !isCount(text.substring(start + 1, colon))) {
        continue; // not a mark of ours (an answer may hold the character): left as it is
      }
      int length = Integer.parseInt(text.substring(start + 1, colon));
      String part = text.substring(colon + 1, end);
      cut.append(text, from, start)
          .append(part.length() <= length ? part : part.substring(0, length - 3) + "...");
      from = end + 1;
      start = end;
    }
    return cut.append(text, from, text.length()).toString();
  }

  /** The length in a mark of ours: 4 to 999,999 in ASCII digits (room for the {@code ...}). */
  private static boolean isCount(String digits) {
    return digits.length() >= 1
        && digits.length() <= 6
        && digits.chars().allMatch(c -> c >= '0' && c <= '9')
        && Integer.parseInt(digits) >= 4;
  }
}
