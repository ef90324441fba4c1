package org.openbitgo.accesstoken.stub;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tokens the stub created, newest last, bounded: once {@code capacity} records are held, each
 * new one evicts the oldest, so a long soak test cannot grow memory without limit. Thread-safe.
 */
public final class InMemoryAccessTokenStore {

  private final int capacity;
  private final LinkedHashMap<String, StoredAccessToken> byId;
  private final Map<String, String> idBySecretHash = new HashMap<>();

  public InMemoryAccessTokenStore(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, got " + capacity);
    }
    this.capacity = capacity;
    this.byId =
        new LinkedHashMap<>() {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, StoredAccessToken> eldest) {
            boolean full = size() > InMemoryAccessTokenStore.this.capacity;
            if (full) {
              idBySecretHash.remove(eldest.getValue().secretSha256());
            }
            return full;
          }
        };
  }

  /** Remembers a created token; its secret is passed only to be hashed. */
  public synchronized StoredAccessToken save(StoredAccessToken token) {
    byId.put(token.id(), token);
    idBySecretHash.put(token.secretSha256(), token.id());
    return token;
  }

  /** The unexpired token whose secret is {@code secret}, if the store still holds it. */
  public Optional<StoredAccessToken> findActiveBySecret(String secret, OffsetDateTime now) {
    return findActiveBySecretHash(Secrets.sha256Hex(secret), now);
  }

  /** The same, for a caller that already holds the secret's SHA-256 hex. */
  synchronized Optional<StoredAccessToken> findActiveBySecretHash(
      String secretSha256, OffsetDateTime now) {
    String id = idBySecretHash.get(secretSha256);
    StoredAccessToken token = id == null ? null : byId.get(id);
    return Optional.ofNullable(token).filter(t -> t.expires().isAfter(now));
  }

  public synchronized Optional<StoredAccessToken> findById(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** A copy of every record held, oldest first. */
  public synchronized List<StoredAccessToken> snapshot() {
    return new ArrayList<>(byId.values());
  }

  public synchronized int size() {
    return byId.size();
  }

  public int capacity() {
    return capacity;
  }

  public synchronized void clear() {
    byId.clear();
    idBySecretHash.clear();
  }
}
