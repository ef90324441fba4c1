package org.openbitgo.accesstoken.stub.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.openbitgo.accesstoken.stub.states.ProviderStateEndpoint;

/**
 * Re-review findings: the access log's first redaction wrote a 32-hex bearer token, a token split
 * by its {@code /}, percent-encoded or decorated tokens, and pieces of a secret.
 */
class AccessLogTest {

  private static final String HEX_TOKEN = "0123456789abcdef0123456789abcdef";
  private static final Set<String> KNOWN =
      Set.of("ci-token", HEX_TOKEN, "Zm9vYmFy/x+y==", "abcd/efgh/ijkl");
  private static final Predicate<String> KNOWN_SECRET = KNOWN::contains;

  @Test
  void theServersOwnPathsAndPublicIdsAreWrittenAsTheyAre() {
    for (String path :
        new String[] {
          "/",
          "/docs",
          "/_pact/provider-states",
          "/api/v2/user/accesstoken",
          "/api/v2/user/accesstoken/59cd72485007a239fb00282ed480da1f"
        }) {
      assertThat(AccessLog.redacted(path, KNOWN_SECRET)).isEqualTo(path);
    }
  }

  @Test
  void aSecretInThePathIsNeverWrittenHoweverItIsSpelled() {
    String issued = "v2x" + "ab".repeat(32);
    for (String path :
        new String[] {
          "/api/v2/user/accesstoken/" + HEX_TOKEN,
          "/api/v2/user/accesstoken/" + issued,
          "/api/v2/user/accesstoken/" + issued.substring(0, 24),
          "/ci-token",
          "/Zm9vYmFy/x+y==",
          "/abcd/efgh/ijkl",
          "/api/v2/user/accesstoken/abcd/efgh/ijkl",
          "/Zm9vYmFy%2Fx%2By%3D%3D",
          "/ci%2Dtoken",
          "/%63i-token",
          "/ci-token;x",
          "/ci-token.json",
          "/x/ci-token#frag",
          "/Bearer%20ci-token",
          "/" + issued.substring(0, 30) + "/" + issued.substring(30)
        }) {
      String written = AccessLog.redacted(path, KNOWN_SECRET);
      assertThat(written).as(path).contains("<redacted>").doesNotContain("ci-token");
      assertThat(written).doesNotContain(HEX_TOKEN).doesNotContain("Zm9vYmFy");
      // no piece of a token split by its '/'
      assertThat(written).doesNotContain("x+y==").doesNotContain("efgh").doesNotContain("ijkl");
      for (String piece : issued.split("(?<=\\G.{8})")) {
        if (piece.length() == 8) {
          assertThat(written).as(path).doesNotContain(piece);
        }
      }
    }
  }

  @Test
  void anyOtherPathIsWrittenAsItsShapeOnly() {
    assertThat(AccessLog.redacted("/nothing", KNOWN_SECRET)).isEqualTo("/<redacted>");
    assertThat(AccessLog.redacted("/api/v1/user", KNOWN_SECRET)).isEqualTo("/api/<redacted>/user");
  }

  @Test
  void theWordsOfPactsStateChangePathAreTheEndpointsOwn() {
    assertThat(AccessLog.OWN_PATH_WORDS)
        .containsAll(Arrays.asList(ProviderStateEndpoint.PATH.split("/")));
  }
}
