package org.openbitgo.accesstoken.stub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openbitgo.accesstoken.server.generated.model.AccessTokenInfo;

class InMemoryAccessTokenStoreTest {

  private static final String USER = "5a84db4d6dd6c7dd07d2e3b5a7e9d9c4";

  private static final OffsetDateTime NOW =
      OffsetDateTime.of(2026, 11, 27, 10, 15, 30, 0, ZoneOffset.UTC);

  @Test
  void forgetsOldestRecordsBeyondCapacity() {
    InMemoryAccessTokenStore store = new InMemoryAccessTokenStore(3);
    for (int i = 0; i < 5; i++) {
      store.save(record("id" + i, "secret" + i, NOW.plusDays(1)));
    }

    assertThat(store.size()).isEqualTo(3);
    assertThat(store.snapshot())
        .extracting(StoredAccessToken::id)
        .containsExactly("id2", "id3", "id4");
    assertThat(store.findActiveBySecret("secret0", NOW)).as("evicted with its record").isEmpty();
    assertThat(store.findActiveBySecret("secret4", NOW)).isPresent();
  }

  @Test
  void recognisesSecretOnlyThroughItsHashAndOnlyUntilExpiry() {
    InMemoryAccessTokenStore store = new InMemoryAccessTokenStore(10);
    store.save(record("id", "v2xsecret", NOW.plusSeconds(60)));

    assertThat(store.snapshot().toString()).doesNotContain("v2xsecret");
    assertThat(store.findActiveBySecret("v2xsecret", NOW)).isPresent();
    assertThat(store.findActiveBySecret("v2xsecret", NOW.plusSeconds(60))).isEmpty();
    assertThat(store.findActiveBySecret("other", NOW)).isEmpty();
  }

  @Test
  void concurrentSaversAndRevokersWithEvictionLeaveEveryIndexAgreeing() throws Exception {
    InMemoryAccessTokenStore store = new InMemoryAccessTokenStore(64);
    int threads = 8;
    int perThread = 500;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        work.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    String id = String.format("%08x%024x", thread, i);
                    store.save(record(id, "secret-" + id, NOW.plusDays(1)));
                    if (i % 3 == 0) {
                      store.revoke(USER, id, NOW);
                    }
                    store.page(USER, null, 10, NOW).orElseThrow();
                  }
                  return null;
                }));
      }
      for (Future<?> each : work) {
        each.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    List<StoredAccessToken> held = store.snapshot();
    assertThat(held).hasSize(64).extracting(StoredAccessToken::id).doesNotHaveDuplicates();
    assertThat(store.size()).isEqualTo(64);
    List<String> active =
        held.stream().filter(t -> t.isActiveAt(NOW)).map(StoredAccessToken::id).toList();
    assertThat(store.page(USER, null, 200, NOW).orElseThrow().tokens())
        .extracting(AccessTokenInfo::getId)
        .containsExactlyInAnyOrderElementsOf(active);
    for (StoredAccessToken token : held) {
      assertThat(store.findById(token.id())).containsSame(token);
      assertThat(store.findActiveBySecret("secret-" + token.id(), NOW).isPresent())
          .isEqualTo(token.isActiveAt(NOW));
    }
  }

  private static StoredAccessToken record(String id, String secret, OffsetDateTime expires) {
    AccessTokenInfo document = new AccessTokenInfo(id, false);
    document.setUser(USER);
    document.setCreated(NOW);
    document.setExpires(expires);
    return new StoredAccessToken(Secrets.sha256Hex(secret), document);
  }
}
