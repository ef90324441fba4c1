package org.openbitgo.accesstoken.stub.store;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.openbitgo.accesstoken.server.generated.model.AccessTokenInfo;

/**
 * The tokens the stub created, oldest first, bounded: once {@code capacity} records are held, each
 * new one evicts the oldest, so a long soak test cannot grow memory without limit. An evicted token
 * is forgotten everywhere at once: it no longer authenticates, is no longer listed, and revoking it
 * answers 404.
 *
 * <p>Thread-safe without a lock: every request saves or looks up a token, and one lock made the
 * event-loop threads wait on each other. Under concurrent saves the bound may be exceeded for a
 * moment by the number of savers.
 *
 * <p>Listing pages through one user's records in the order they were saved (the order of that
 * user's queue), and the cursor is the id of the last record of the previous page. A revoked record
 * stays held (so its id still works as a cursor) until it is evicted like any other; a record never
 * moves, so a token alive for a whole traversal appears in it exactly once.
 *
 * <p>Each user's records are a queue, not a map sorted by a sequence number: a save appends, and an
 * eviction takes the oldest record held, which is at or next to the head of its user's queue. A
 * skip list paid a logarithmic insert and its index upkeep on every create (a tenth of a warm
 * stub's CPU, all tokens of a load test being one user's). A page after a cursor walks the queue to
 * the cursor instead of seeking it, microseconds for the 10,000 records the store holds at most.
 */
public final class InMemoryAccessTokenStore {

  private final int capacity;

  /** Every request looks a token up by the hash of its bearer secret. */
  private final Map<String, StoredAccessToken> bySecretHash = new ConcurrentHashMap<>();

  /** Revoking and paging look a record up by its id. */
  private final Map<String, StoredAccessToken> byId = new ConcurrentHashMap<>();

  /**
   * Each user's records in the order they were saved: what a list walks. A record is its own key
   * (StoredAccessToken keeps Object's identity equality), so removing it removes only it.
   */
  private final Map<String, Queue<StoredAccessToken>> byUser = new ConcurrentHashMap<>();

  private static final Queue<StoredAccessToken> EMPTY = new ConcurrentLinkedQueue<>();

  private final Queue<StoredAccessToken> oldestFirst = new ConcurrentLinkedQueue<>();

  /** Records saved and not yet evicted: what decides eviction (a queue's size is a full walk). */
  private final AtomicInteger held = new AtomicInteger();

  /**
   * One page of a user's list.
   *
   * @param tokens the page's documents, oldest first
   * @param nextCursor the id to pass as the next page's cursor, or null on the last page
   */
  public record Page(List<AccessTokenInfo> tokens, String nextCursor) {}

  public InMemoryAccessTokenStore(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, got " + capacity);
    }
    this.capacity = capacity;
  }

  /** Remembers a created token (its secret only as a hash). */
  public StoredAccessToken save(StoredAccessToken token) {
    byId.put(token.id(), token);
    bySecretHash.put(token.secretSha256(), token);
    byUser.computeIfAbsent(token.userId(), user -> new ConcurrentLinkedQueue<>()).add(token);
    oldestFirst.add(token);
    if (held.incrementAndGet() > capacity) {
      StoredAccessToken eldest = oldestFirst.poll();
      if (eldest != null) {
        forget(eldest);
      }
      held.decrementAndGet();
    }
    return token;
  }

  /** Removes one record from every index (only this record: a later one under a key stays). */
  private void forget(StoredAccessToken token) {
    byId.remove(token.id(), token);
    bySecretHash.remove(token.secretSha256(), token);
    Queue<StoredAccessToken> ofUser = byUser.get(token.userId());
    if (ofUser != null) {
      ofUser.remove(token);
    }
  }

  /** The unexpired token whose secret is {@code secret}, if the store still holds it. */
  public Optional<StoredAccessToken> findActiveBySecret(String secret, OffsetDateTime now) {
    return findActiveBySecretHash(Secrets.sha256Hex(secret), now);
  }

  /** Whether a token with this secret (its SHA-256 hex) is held, expired or not. */
  public boolean holdsSecretHash(String secretSha256) {
    return bySecretHash.containsKey(secretSha256);
  }

  /** The same, for a caller that already holds the secret's SHA-256 hex. */
  public Optional<StoredAccessToken> findActiveBySecretHash(
      String secretSha256, OffsetDateTime now) {
    return Optional.ofNullable(bySecretHash.get(secretSha256)).filter(t -> t.isActiveAt(now));
  }

  /** The record with this id, whoever owns it (for tests and tools). */
  public Optional<StoredAccessToken> findById(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * Up to {@code limit} of {@code userId}'s tokens unexpired at {@code now}, saved after the record
   * {@code afterId} (from the start when null).
   *
   * @return the page, or empty when {@code afterId} names no record of {@code userId} that this
   *     store holds (unknown, evicted, or another user's)
   */
  public Optional<Page> page(String userId, String afterId, int limit, OffsetDateTime now) {
    Iterator<StoredAccessToken> records = byUser.getOrDefault(userId, EMPTY).iterator();
    if (afterId != null) {
      StoredAccessToken cursor = byId.get(afterId);
      // a cursor evicted during the walk is one the store no longer holds
      if (cursor == null || !cursor.userId().equals(userId) || !walkedPast(cursor, records)) {
        return Optional.empty();
      }
    }
    List<AccessTokenInfo> tokens = new ArrayList<>(Math.min(limit, 16));
    String lastId = null;
    while (records.hasNext()) {
      StoredAccessToken token = records.next();
      // one read of the document: what is listed and what decides listing are the same version
      AccessTokenInfo document = token.document();
      if (!document.getExpires().isAfter(now)) {
        continue;
      }
      if (tokens.size() == limit) {
        // one more unexpired token exists: the page gets a cursor to it
        return Optional.of(new Page(tokens, lastId));
      }
      tokens.add(document);
      lastId = token.id();
    }
    return Optional.of(new Page(tokens, null));
  }

  /**
   * Revokes {@code userId}'s token {@code id} at {@code now}: its {@code expires} becomes {@code
   * now}, so it stops authenticating and leaves the list at once. A token already ended keeps its
   * document. Another user's id is not found, exactly as an unknown one.
   *
   * @return the document after revocation, or empty when not found
   */
  public Optional<AccessTokenInfo> revoke(String userId, String id, OffsetDateTime now) {
    StoredAccessToken record = byId.get(id);
    if (record == null || !record.userId().equals(userId)) {
      return Optional.empty();
    }
    return Optional.of(record.revokeAt(now));
  }

  /** Advances {@code records} past {@code cursor}; false if it is not among them. */
  private static boolean walkedPast(StoredAccessToken cursor, Iterator<StoredAccessToken> records) {
    while (records.hasNext()) {
      if (records.next() == cursor) {
        return true;
      }
    }
    return false;
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
    byId.clear();
    bySecretHash.clear();
    byUser.clear();
    held.set(0);
  }
}
