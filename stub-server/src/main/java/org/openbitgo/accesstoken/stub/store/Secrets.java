package org.openbitgo.accesstoken.stub.store;

import java.nio.charset.StandardCharsets;
import java.security.DrbgParameters;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/** Random ids and secrets, and the one-way hash under which secrets are kept. */
public final class Secrets {

  /**
   * One strong generator per thread: the platform default (NativePRNG) serialises every caller on
   * one global lock, which made event-loop threads wait on each other. DRBG is a NIST SP 800-90A
   * generator seeded from the platform's entropy source, as strong and uncontended per thread.
   */
  private static final ThreadLocal<RandomBytes> RANDOM = ThreadLocal.withInitial(RandomBytes::new);

  /**
   * A digest is not thread-safe; looking one up per call (a provider search) cost as much as
   * hashing.
   */
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(Secrets::newSha256);

  private static final HexFormat HEX = HexFormat.of();

  private Secrets() {}

  /** {@code bytes} random bytes as lower-case hex (two characters per byte). */
  public static String randomHex(int bytes) {
    byte[] buffer = new byte[bytes];
    RANDOM.get().fill(buffer);
    return HEX.formatHex(buffer);
  }

  /** A 32-hex id, the shape the contract gives {@code id} and {@code user}. */
  static String randomId() {
    return randomHex(16);
  }

  /**
   * A token secret: {@code v2x} (the prefix BitGo's long-lived tokens carry) and 256 random bits as
   * 64 hex characters.
   */
  public static String newTokenSecret() {
    return "v2x" + randomHex(32);
  }

  /** SHA-256 of the UTF-8 bytes, as 64 hex characters. */
  public static String sha256Hex(String value) {
    // digest() resets the instance for the next call on this thread
    return HEX.formatHex(SHA_256.get().digest(value.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * A thread's generator, drawn from in blocks: each call to a DRBG costs several SHA-256 rounds
   * whatever its size, and a request needs three small values (request id, token id, secret). Every
   * byte handed out is used once and then overwritten.
   */
  private static final class RandomBytes {
    private final SecureRandom random;
    private final byte[] block = new byte[1024];
    private int next = block.length;

    RandomBytes() {
      try {
        // 256-bit strength: a token secret carries 256 random bits
        random =
            SecureRandom.getInstance(
                "DRBG",
                DrbgParameters.instantiation(256, DrbgParameters.Capability.RESEED_ONLY, null));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java 9+ runtime has DRBG", e);
      }
    }

    void fill(byte[] target) {
      int filled = 0;
      while (filled < target.length) {
        if (next == block.length) {
          random.nextBytes(block);
          next = 0;
        }
        int count = Math.min(target.length - filled, block.length - next);
        System.arraycopy(block, next, target, filled, count);
        Arrays.fill(block, next, next + count, (byte) 0);
        next += count;
        filled += count;
      }
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
