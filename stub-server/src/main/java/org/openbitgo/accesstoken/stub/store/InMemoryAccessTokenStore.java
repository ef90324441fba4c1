package org.openbitgo.accesstoken.stub.store;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tokens the stub created, newest last, bounded: once {@code capacity} records are held, each
 * new one evicts the oldest, so a long soak test cannot grow memory without limit. Thread-safe
 * without a lock: every request saves or looks up a token, and one lock made the event-loop threads
 * wait on each other. Under concurrent saves the bound may be exceeded for a moment by the number
 * of savers.
 */
public final class InMemoryAccessTokenStore {

  private final int capacity;

  /** The one index: every request looks a token up by its hash, only tests and tools by id. */
  private final Map<String, StoredAccessToken> bySecretHash = new ConcurrentHashMap<>();

  private final Queue<StoredAccessToken> oldestFirst = new ConcurrentLinkedQueue<>();

  /** Records saved and not yet evicted: what decides eviction (a queue's size is a full walk). */
  private final AtomicInteger held = new AtomicInteger();

  public InMemoryAccessTokenStore(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, got " + capacity);
    }
    this.capacity = capacity;
  }

  /** Remembers a created token; its secret is passed only to be hashed. */
  public StoredAccessToken save(StoredAccessToken token) {
    bySecretHash.put(token.secretSha256(), token);
    oldestFirst.add(token);
    if (held.incrementAndGet() > capacity) {
      StoredAccessToken eldest = oldestFirst.poll();
      if (eldest != null) {
        // only this record: a later one saved under the same key stays
        bySecretHash.remove(eldest.secretSha256(), eldest);
      }
      held.decrementAndGet();
    }
    return token;
  }

  /** The unexpired token whose secret is {@code secret}, if the store still holds it. */
  public Optional<StoredAccessToken> findActiveBySecret(String secret, OffsetDateTime now) {
    return findActiveBySecretHash(Secrets.sha256Hex(secret), now);
  }

  /** The same, for a caller that already holds the secret's SHA-256 hex. */
  public Optional<StoredAccessToken> findActiveBySecretHash(
      String secretSha256, OffsetDateTime now) {
    return Optional.ofNullable(bySecretHash.get(secretSha256))
        .filter(t -> t.expires().isAfter(now));
  }

  /** The record with this id: a walk through every record held, for tests and tools. */
  public Optional<StoredAccessToken> findById(String id) {
    return oldestFirst.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /** A copy of every record held, oldest first. */
  public List<StoredAccessToken> snapshot() {
    return new ArrayList<>(oldestFirst);
  }

  public int size() {
    return bySecretHash.size();
  }

  public int capacity() {
    return capacity;
  }

  /** Forgets every record; meant for quiet moments (a provider state between interactions). */
  public void clear() {
    oldestFirst.clear();
    bySecretHash.clear();
    held.set(0);
  }
}
