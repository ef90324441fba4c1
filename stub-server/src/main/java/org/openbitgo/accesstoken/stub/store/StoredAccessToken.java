package org.openbitgo.accesstoken.stub.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.openbitgo.accesstoken.contract.ContractJson;
import org.openbitgo.accesstoken.server.generated.model.AccessTokenInfo;

/**
 * What the store remembers of a created token: its document (everything the contract shows of it,
 * without the secret) and the SHA-256 hash of the secret, enough to recognise the token when it is
 * later sent as a bearer token. The secret itself is never kept.
 *
 * <p>The document is held as its JSON bytes, not as the model: the store keeps up to 10,000 tokens
 * for a few seconds under load, long enough to survive young collections, and the model's graph
 * (dozens of small objects: lists, timestamps, amounts) was copied by every one of them. One array
 * per token made a warm stub's collector pauses the p99 (benchmarks/README.md). Listing and
 * revoking, rare beside bearer checks, read the document back; each reader gets its own copy.
 *
 * <p>A revocation swaps in a new version (document and expiry together), so every index, holding
 * this one object, sees it at once.
 */
public final class StoredAccessToken {

  /**
   * Writes and reads documents as the wire would: every field, amounts digit for digit. Every
   * create writes one (it is also the create's answer), so properties are reached through generated
   * lambdas rather than reflection, as the server's own mapper does.
   */
  private static final ObjectMapper DOCUMENTS =
      ContractJson.newObjectMapper().registerModule(new BlackbirdModule());

  /** What {@link #answerWithSecret} puts between the document's last field and the secret. */
  private static final byte[] TOKEN_FIELD = ",\"token\":\"".getBytes(StandardCharsets.US_ASCII);

  private final String secretSha256;
  private final String id;
  private final String userId;
  private final AtomicReference<Version> version;

  /** The document as JSON, and its expiry, what every bearer check reads, beside it. */
  private record Version(byte[] json, Instant expires) {}

  /**
   * @param secretSha256 the SHA-256 hex of the token's secret
   * @param document the token's document; its {@code id}, {@code user} and {@code expires} are
   *     required. It is copied: later changes to it are not seen.
   */
  public StoredAccessToken(String secretSha256, AccessTokenInfo document) {
    this.secretSha256 = Objects.requireNonNull(secretSha256, "secretSha256");
    this.id = Objects.requireNonNull(document.getId(), "document.id");
    this.userId = Objects.requireNonNull(document.getUser(), "document.user");
    Objects.requireNonNull(document.getExpires(), "document.expires");
    this.version = new AtomicReference<>(versionOf(document));
  }

  public String id() {
    return id;
  }

  public String secretSha256() {
    return secretSha256;
  }

  /** The user who owns the token: the user of the bearer token that created it. */
  public String userId() {
    return userId;
  }

  /** The token's document as it stands (revoked or not): a fresh copy, the caller's to keep. */
  public AccessTokenInfo document() {
    return read(version.get().json(), AccessTokenInfo.class);
  }

  /**
   * The create's answer: the document as it stands (just created), with the secret, which the store
   * never keeps, as the {@code token} field. The generated {@code AccessToken} writes the
   * document's fields and then {@code token}, so this is byte for byte what the model would write,
   * without writing the document a second time (a test holds the two equal).
   *
   * @param secret the token's secret: {@code v2x} and hex, nothing JSON must escape
   */
  byte[] answerWithSecret(String secret) {
    byte[] document = version.get().json();
    int withoutBrace = document.length - 1;
    if (document.length < 2 || document[withoutBrace] != '}') {
      throw new IllegalStateException("a token document is a JSON object with an id");
    }
    byte[] answer = new byte[withoutBrace + TOKEN_FIELD.length + secret.length() + 2];
    System.arraycopy(document, 0, answer, 0, withoutBrace);
    System.arraycopy(TOKEN_FIELD, 0, answer, withoutBrace, TOKEN_FIELD.length);
    int at = withoutBrace + TOKEN_FIELD.length;
    for (int i = 0; i < secret.length(); i++) {
      char c = secret.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z')) {
        throw new IllegalArgumentException("a token secret is lower-case letters and digits");
      }
      answer[at++] = (byte) c;
    }
    answer[at] = '"';
    answer[at + 1] = '}';
    return answer;
  }

  /** Whether the token still authenticates and is listed at {@code now}. */
  public boolean isActiveAt(OffsetDateTime now) {
    return version.get().expires().isAfter(now.toInstant());
  }

  /**
   * Ends the token's life at {@code now} unless it has already ended: then the document stays as it
   * is, so revoking twice answers the same document.
   *
   * @return the document after revocation
   */
  AccessTokenInfo revokeAt(OffsetDateTime now) {
    while (true) {
      Version current = version.get();
      // read once: the copy returned is the one written, so no second read of the new bytes
      AccessTokenInfo document = read(current.json(), AccessTokenInfo.class);
      if (!current.expires().isAfter(now.toInstant())) {
        return document;
      }
      document.setExpires(now);
      if (version.compareAndSet(current, versionOf(document))) {
        return document;
      }
      // another revocation won the race: judge again against what it stored
    }
  }

  private static Version versionOf(AccessTokenInfo document) {
    try {
      return new Version(DOCUMENTS.writeValueAsBytes(document), document.getExpires().toInstant());
    } catch (IOException e) {
      throw new UncheckedIOException("a token document did not write as JSON", e);
    }
  }

  /**
   * JSON this class wrote (a document, or an answer with the secret), read back as {@code type}.
   */
  static <T> T read(byte[] json, Class<T> type) {
    try {
      return DOCUMENTS.readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException("a stored token document did not read back", e);
    }
  }

  /** Id, user and expiry only: never the secret's hash or anything else. */
  @Override
  public String toString() {
    return "StoredAccessToken[id="
        + id
        + ", user="
        + userId
        + ", expires="
        + version.get().expires()
        + "]";
  }
}
