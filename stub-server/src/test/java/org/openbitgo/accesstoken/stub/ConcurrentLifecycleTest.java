package org.openbitgo.accesstoken.stub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbitgo.accesstoken.stub.StubHttp.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.openbitgo.accesstoken.stub.store.StoredAccessToken;

/**
 * Creators, revokers and a lister at once over HTTP, on one user's tokens: afterwards the store and
 * the list agree with what each side was told, and no traversal made meanwhile saw a token twice.
 */
class ConcurrentLifecycleTest {

  private static final String BEARER = "concurrent-bearer-token";
  private static final int CREATORS = 4;
  private static final int REVOKERS = 4;
  private static final int TOKENS_PER_CREATOR = 30;

  @Test
  void concurrentCreatorsAndRevokersLeaveTheStoreAndTheListConsistent() throws Exception {
    try (StubServer server =
        StubServer.start(StubServerConfig.builder().port(0).acceptedToken(BEARER).build())) {
      URI endpoint = server.endpointUri();
      Map<String, String> secretById = new ConcurrentHashMap<>();
      Set<String> revoked = ConcurrentHashMap.newKeySet();
      BlockingQueue<String> toRevoke = new LinkedBlockingQueue<>();
      AtomicBoolean creating = new AtomicBoolean(true);
      ExecutorService threads = Executors.newFixedThreadPool(CREATORS + REVOKERS + 1);
      List<Future<?>> creators = new ArrayList<>();
      List<Future<?>> others = new ArrayList<>();
      try {
        for (int c = 0; c < CREATORS; c++) {
          creators.add(
              threads.submit(
                  () -> {
                    for (int i = 0; i < TOKENS_PER_CREATOR; i++) {
                      JsonNode created =
                          json(StubHttp.postJson(endpoint, BEARER, "{\"label\":\"c\"}"));
                      String id = created.get("id").asText();
                      secretById.put(id, created.get("token").asText());
                      if (i % 2 == 0) {
                        toRevoke.add(id);
                      }
                    }
                    return null;
                  }));
        }
        for (int r = 0; r < REVOKERS; r++) {
          others.add(
              threads.submit(
                  () -> {
                    while (creating.get() || !toRevoke.isEmpty()) {
                      String id = toRevoke.poll(50, TimeUnit.MILLISECONDS);
                      if (id != null) {
                        HttpResponse<String> answer =
                            StubHttp.delete(URI.create(endpoint + "/" + id), BEARER);
                        assertThat(answer.statusCode()).isEqualTo(200);
                        revoked.add(id);
                      }
                    }
                    return null;
                  }));
        }
        others.add(
            threads.submit(
                () -> {
                  while (creating.get()) {
                    assertThat(traverse(endpoint)).doesNotHaveDuplicates();
                  }
                  return null;
                }));
        for (Future<?> creator : creators) {
          creator.get(60, TimeUnit.SECONDS);
        }
        creating.set(false);
        for (Future<?> other : others) {
          other.get(60, TimeUnit.SECONDS);
        }
      } finally {
        threads.shutdownNow();
      }

      int total = CREATORS * TOKENS_PER_CREATOR;
      assertThat(secretById).hasSize(total);
      assertThat(revoked).hasSize(total / 2);
      Set<String> alive = new HashSet<>(secretById.keySet());
      alive.removeAll(revoked);

      List<String> listed = traverse(endpoint);
      assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(alive);
      assertThat(server.store().snapshot())
          .hasSize(total)
          .extracting(StoredAccessToken::id)
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(secretById.keySet());
      for (Map.Entry<String, String> token : secretById.entrySet()) {
        int status = StubHttp.get(endpoint, token.getValue()).statusCode();
        assertThat(status)
            .as("the token %s authenticates exactly while it is not revoked", token.getKey())
            .isEqualTo(revoked.contains(token.getKey()) ? 401 : 200);
      }
    }
  }

  /** Every id of a whole listing, page by page (seven a page, so many pages). */
  private static List<String> traverse(URI endpoint) {
    List<String> ids = new ArrayList<>();
    String query = "?limit=7";
    while (true) {
      HttpResponse<String> answer = StubHttp.get(URI.create(endpoint + query), BEARER);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      JsonNode page = json(answer);
      page.get("accessTokens").forEach(token -> ids.add(token.get("id").asText()));
      if (!page.has("nextBatchPrevId")) {
        return ids;
      }
      query = "?limit=7&prevId=" + page.get("nextBatchPrevId").asText();
    }
  }
}
