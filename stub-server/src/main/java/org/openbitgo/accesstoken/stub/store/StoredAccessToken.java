package org.openbitgo.accesstoken.stub.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * <p>The document held is never changed once stored: revocation swaps in a revoked copy, so an
 * answer being written on another thread keeps the document it was given. Every index of the store
 * holds this one object, so a revocation is seen by all of them at once.
 */
public final class StoredAccessToken {

  /** Copies a document as the wire would: every field, amounts digit for digit. */
  private static final ObjectMapper DOCUMENT_COPIER = ContractJson.newObjectMapper();

  private final String secretSha256;
  private final String id;
  private final String userId;
  private final AtomicReference<AccessTokenInfo> document;

  /**
   * @param secretSha256 the SHA-256 hex of the token's secret
   * @param document the token's document; its {@code id}, {@code user} and {@code expires} are
   *     required. The store owns it from now on: nobody changes it.
   */
  public StoredAccessToken(String secretSha256, AccessTokenInfo document) {
    this.secretSha256 = Objects.requireNonNull(secretSha256, "secretSha256");
    this.id = Objects.requireNonNull(document.getId(), "document.id");
    this.userId = Objects.requireNonNull(document.getUser(), "document.user");
    Objects.requireNonNull(document.getExpires(), "document.expires");
    this.document = new AtomicReference<>(document);
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

  /** The token's document as it stands (revoked or not); callers must not change it. */
  public AccessTokenInfo document() {
    return document.get();
  }

  public OffsetDateTime expires() {
    return document.get().getExpires();
  }

  /** Whether the token still authenticates and is listed at {@code now}. */
  public boolean isActiveAt(OffsetDateTime now) {
    return expires().isAfter(now);
  }

  /**
   * Ends the token's life at {@code now} unless it has already ended: then the document stays as it
   * is, so revoking twice answers the same document.
   *
   * @return the document after revocation
   */
  AccessTokenInfo revokeAt(OffsetDateTime now) {
    return document.updateAndGet(
        current -> current.getExpires().isAfter(now) ? expiredCopy(current, now) : current);
  }

  private static AccessTokenInfo expiredCopy(AccessTokenInfo current, OffsetDateTime now) {
    AccessTokenInfo copy;
    try {
      // rare (one per revocation): a copy through JSON keeps every field the contract adds later
      copy =
          DOCUMENT_COPIER.readValue(
              DOCUMENT_COPIER.writeValueAsBytes(current), AccessTokenInfo.class);
    } catch (IOException e) {
      throw new UncheckedIOException("a stored token document did not copy", e);
    }
    copy.setExpires(now);
    return copy;
  }

  /** Id, user and expiry only: never the secret's hash or anything else. */
  @Override
  public String toString() {
    return "StoredAccessToken[id=" + id + ", user=" + userId + ", expires=" + expires() + "]";
  }
}
