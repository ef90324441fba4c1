package org.openbitgo.accesstoken.stub;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Random ids and secrets, and the one-way hash under which secrets are kept. */
final class Secrets {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  private Secrets() {}

  /** {@code bytes} random bytes as lower-case hex (two characters per byte). */
  static String randomHex(int bytes) {
    byte[] buffer = new byte[bytes];
    RANDOM.nextBytes(buffer);
    return HEX.formatHex(buffer);
  }

  /** A 32-hex id, the shape the contract gives {@code id} and {@code user}. */
  static String randomId() {
    return randomHex(16);
  }

  /**
   * A token secret: {@code v2x} (the prefix BitGo's long-lived tokens carry) and 256 random bits
   * as 64 hex characters.
   */
  static String newTokenSecret() {
    return "v2x" + randomHex(32);
  }

  /** SHA-256 of the UTF-8 bytes, as 64 hex characters. */
  static String sha256Hex(String value) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HEX.formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
