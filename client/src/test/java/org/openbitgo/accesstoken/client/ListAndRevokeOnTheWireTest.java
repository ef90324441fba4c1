package org.openbitgo.accesstoken.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.openbitgo.accesstoken.client.Fixtures.CALLER_TOKEN;
import static org.openbitgo.accesstoken.client.Fixtures.FIXED_CLOCK;
import static org.openbitgo.accesstoken.client.Fixtures.clientFor;

import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.openbitgo.accesstoken.client.generated.model.AccessTokenInfo;

/**
 * What list and revoke put on the wire and when: pages fetched only as they are consumed, and the
 * retries a read and a revoke allow (a create's are pinned in {@code MisbehavingServerTest}).
 */
class ListAndRevokeOnTheWireTest {

  private static final String JSON = "application/json";
  private static final String FIRST_ID = "59cd72485007a239fb00282ed480da1f";
  private static final String SECOND_ID = "0123456789abcdef0123456789abcdef";

  @AutoClose private final StubHttpServer server = StubHttpServer.startForATest();

  @Test
  void listAllFetchesTheNextPageOnlyWhenTheCurrentOneIsUsedUp() {
    server.reply(200, page(FIRST_ID, SECOND_ID), "Content-Type", JSON);
    server.reply(200, "{\"accessTokens\":[" + token(SECOND_ID) + "]}", "Content-Type", JSON);

    try (AccessTokenClient client = clientFor(server).build();
        Stream<AccessTokenInfo> tokens = client.listAll(50)) {
      assertThat(server.received())
          .as("nothing is fetched before the stream is consumed")
          .isEmpty();
      assertThat(tokens.limit(1).map(AccessTokenInfo::getId)).containsExactly(FIRST_ID);
    }
    assertThat(server.received()).hasSize(1);
    StubHttpServer.Received request = server.received().get(0);
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/api/v2/user/accesstoken");
    assertThat(request.query()).isEqualTo("limit=50");
    assertThat(request.headers().get("Authorization")).containsExactly("Bearer " + CALLER_TOKEN);
  }

  @Test
  void listAllSendsEachPagesCursorAndStopsAtThePageWithout() {
    server.reply(200, page(FIRST_ID, FIRST_ID), "Content-Type", JSON);
    server.reply(200, "{\"accessTokens\":[" + token(SECOND_ID) + "]}", "Content-Type", JSON);

    try (AccessTokenClient client = clientFor(server).build()) {
      assertThat(client.listAll().map(AccessTokenInfo::getId)).containsExactly(FIRST_ID, SECOND_ID);
    }
    assertThat(server.received())
        .extracting(StubHttpServer.Received::query)
        .containsExactly(null, "prevId=" + FIRST_ID);
  }

  @Test
  void aServerThatRepeatsTheCursorCannotMakeListAllLoopForever() {
    server.reply(200, page(FIRST_ID, FIRST_ID), "Content-Type", JSON);
    server.reply(200, page(SECOND_ID, FIRST_ID), "Content-Type", JSON);

    try (AccessTokenClient client = clientFor(server).build()) {
      IllegalStateException refused =
          catchThrowableOfType(IllegalStateException.class, () -> client.listAll().count());
      assertThat(refused.getMessage()).contains("cursor it was asked for");
    }
  }

  @Test
  void aListOrRevokeWhoseAnswerWasLostIsRetriedButACreateIsNot() throws Exception {
    // the server reads each request whole, then closes without a byte of answer
    try (RawServer silent = new RawServer("")) {
      RecordingSleeper sleeper = new RecordingSleeper();
      try (AccessTokenClient client =
          AccessTokenClient.builder()
              .baseUrl(silent.baseUrl())
              .accessToken(CALLER_TOKEN)
              .clock(FIXED_CLOCK)
              .sleeper(sleeper)
              .maxAttempts(3)
              .build()) {
        BitGoTransportException list =
            catchThrowableOfType(BitGoTransportException.class, () -> client.list(null, null));
        assertThat(list.attempts()).isEqualTo(3);
        assertThat(list.getMessage()).startsWith("GET ").contains("after 3 attempt(s)");

        BitGoTransportException revoke =
            catchThrowableOfType(BitGoTransportException.class, () -> client.revoke(FIRST_ID));
        assertThat(revoke.attempts()).isEqualTo(3);
        assertThat(revoke.getMessage()).doesNotContain(CALLER_TOKEN);

        // the JDK's HttpClient also resends a GET once on its own when the connection closes
        assertThat(silent.requestsRead()).isGreaterThanOrEqualTo(3 + 3);
        int beforeCreate = silent.requestsRead();
        BitGoTransportException create =
            catchThrowableOfType(
                BitGoTransportException.class,
                () -> client.createAccessToken(Fixtures.treasuryBotRequest()));
        assertThat(create.attempts()).isEqualTo(1);
        assertThat(silent.requestsRead()).isEqualTo(beforeCreate + 1);
      }
    }
  }

  private static String page(String id, String nextBatchPrevId) {
    return "{\"accessTokens\":[" + token(id) + "],\"nextBatchPrevId\":\"" + nextBatchPrevId + "\"}";
  }

  private static String token(String id) {
    return "{\"id\":\"" + id + "\",\"isExtensible\":false,\"label\":\"listed\"}";
  }
}
