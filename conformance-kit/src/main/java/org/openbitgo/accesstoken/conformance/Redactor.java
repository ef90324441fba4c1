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

  /** Each secret, and the pattern that finds it written any way JSON may write it. */
  private final Map<String, Pattern> secrets = new ConcurrentHashMap<>();

  Redactor(String token) {
    register(token);
  }

  /** Another secret the kit presents (e.g. a made-up unknown token). */
  String register(String secret) {
    secrets.computeIfAbsent(secret, Redactor::anySpelling);
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
   *   <li>as itself;
   *   <li>as a JSON writer may escape it: <code>&#92;uXXXX</code> in either case (.NET writes
   *       {@code +} so), and {@code /} as {@code \/} (PHP's default);
   *   <li>escaped again, as JSON inside a JSON string is: any run of backslashes before the {@code
   *       u} or the {@code /} ({@code \\u002B}, {@code \\\/});
   *   <li>percent-encoded, as in a URL or a {@code Location} header: each UTF-8 byte as {@code %XX}
   *       in either case.
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
      String backslashes = i == 0 ? "(?<!\\\\)\\\\++" : "\\\\++";
      pattern
          .append("(?:")
          .append(Pattern.quote(String.valueOf(c)))
          .append('|')
          .append(backslashes)
          .append("u(?i:")
          .append(String.format("%04x", (int) c))
          .append(')');
      if (c == '/') {
        pattern.append('|').append(backslashes).append('/');
      }
      if (!Character.isSurrogate(c)) {
        pattern.append('|');
        for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
          pattern.append("%(?i:").append(String.format("%02x", b & 0xff)).append(')');
        }
      }
      pattern.append(')');
    }
    return Pattern.compile(pattern.toString());
  }

  /** The text with every {@code "token":"..."} value blanked (a create's answer, swept). */
  static String withoutCreatedSecret(String text) {
    return CREATED_SECRET.matcher(text).replaceAll("$1$2");
  }

  String redact(String text) {
    if (text == null) {
      return null;
    }
    String redacted = text;
    for (Map.Entry<String, Pattern> secret : secrets.entrySet()) {
      if (secret.getKey().length() >= 4) {
        redacted =
            secret.getValue().matcher(redacted).replaceAll(Matcher.quoteReplacement(REDACTED));
      }
    }
    return CREATED_SECRET.matcher(redacted).replaceAll("$1" + REDACTED + "$2");
  }
}
