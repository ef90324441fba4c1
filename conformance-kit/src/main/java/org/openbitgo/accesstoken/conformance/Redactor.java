package org.openbitgo.accesstoken.conformance;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of everything the kit prints or writes: every bearer token it presents (the
 * provider's {@code --token} and the unknown ones it makes up) and the secret of every token a
 * provider creates ({@code "token":"..."} in a body).
 */
final class Redactor {

  static final String REDACTED = "<redacted>";

  private static final Pattern CREATED_SECRET = Pattern.compile("(\"token\"\\s*:\\s*\")[^\"]*(\")");

  private final Set<String> secrets = ConcurrentHashMap.newKeySet();

  Redactor(String token) {
    secrets.add(token);
  }

  /** Another secret the kit presents (e.g. a made-up unknown token). */
  String register(String secret) {
    secrets.add(secret);
    return secret;
  }

  Set<String> secrets() {
    return Set.copyOf(secrets);
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
    for (String secret : secrets) {
      if (secret.length() >= 4) {
        redacted = redacted.replace(secret, REDACTED);
      }
    }
    return CREATED_SECRET.matcher(redacted).replaceAll("$1" + REDACTED + "$2");
  }
}
