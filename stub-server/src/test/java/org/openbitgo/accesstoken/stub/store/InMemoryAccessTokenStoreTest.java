package org.openbitgo.accesstoken.stub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryAccessTokenStoreTest {

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

  private static StoredAccessToken record(String id, String secret, OffsetDateTime expires) {
    return new StoredAccessToken(
        id, Secrets.sha256Hex(secret), "user", "label", List.of(), List.of(), NOW, expires);
  }
}
