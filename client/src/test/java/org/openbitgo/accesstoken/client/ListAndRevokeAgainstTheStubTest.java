package org.openbitgo.accesstoken.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openbitgo.accesstoken.client.generated.model.AccessToken;
import org.openbitgo.accesstoken.client.generated.model.AccessTokenInfo;
import org.openbitgo.accesstoken.client.generated.model.AccessTokenList;
import org.openbitgo.accesstoken.client.generated.model.CreateAccessTokenRequest;
import org.openbitgo.accesstoken.stub.StubServer;
import org.openbitgo.accesstoken.stub.StubServerConfig;

/** List, revoke and revoke-by-label through the client, against the real stub in-process. */
class ListAndRevokeAgainstTheStubTest {

  private static final String ALICE = "v2xalice0123456789abcdef0123456789abcdef0123456789abcdef01";
  private static final String BOB = "v2xbob000123456789abcdef0123456789abcdef0123456789abcdef01";

  private static StubServer stub;
  private static AccessTokenClient alice;
  private static AccessTokenClient bob;

  @BeforeAll
  static void start() {
    stub =
        StubServer.start(
            StubServerConfig.builder().port(0).acceptedToken(ALICE).acceptedToken(BOB).build());
    alice = clientAs(ALICE);
    bob = clientAs(BOB);
  }

  @AfterAll
  static void stop() {
    alice.close();
    bob.close();
    stub.close();
  }

  @AfterEach
  void emptyTheStub() {
    stub.reset();
  }

  @Test
  void aCreatedTokenIsListedWorksAndAfterRevokeAnswers401() {
    AccessToken created = create("lifecycle");
    try (AccessTokenClient asCreated = clientAs(created.getToken())) {
      assertThat(asCreated.listAll().map(AccessTokenInfo::getId)).containsExactly(created.getId());

      AccessTokenInfo revoked = asCreated.revoke(created.getId());

      assertThat(revoked.getId()).isEqualTo(created.getId());
      assertThat(revoked.getExpires()).isBefore(created.getExpires());
      assertThat(revoked.getExpires()).isBeforeOrEqualTo(OffsetDateTime.now());
      BitGoApiException refused =
          catchThrowableOfType(BitGoApiException.class, () -> asCreated.list(null, null));
      assertThat(refused.status()).isEqualTo(401);
    }
    assertThat(alice.listAll()).isEmpty();
  }

  @Test
  void listAllPagesThroughEveryTokenInOrderWithoutASecret() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      ids.add(create("page-" + i).getId());
    }

    try (Stream<AccessTokenInfo> everyToken = alice.listAll(3)) {
      List<AccessTokenInfo> listed = everyToken.toList();
      assertThat(listed).extracting(AccessTokenInfo::getId).containsExactlyElementsOf(ids);
      assertThat(listed).allSatisfy(token -> assertThat(token.toString()).doesNotContain("v2x"));
    }
    assertThat(alice.listAll().count()).isEqualTo(7);
    assertThat(bob.listAll()).isEmpty();
  }

  @Test
  void listReturnsOnePageAndItsCursor() {
    for (int i = 0; i < 3; i++) {
      create("one-page-" + i);
    }

    AccessTokenList first = alice.list(2, null);
    AccessTokenList second = alice.list(2, first.getNextBatchPrevId());

    assertThat(first.getAccessTokens()).hasSize(2);
    assertThat(first.getNextBatchPrevId()).isEqualTo(first.getAccessTokens().get(1).getId());
    assertThat(second.getAccessTokens()).hasSize(1);
    assertThat(second.getNextBatchPrevId()).isNull();
  }

  @Test
  void aLimitOutOfRangeIsTheServersTyped400() {
    BitGoApiException refused =
        catchThrowableOfType(BitGoApiException.class, () -> alice.list(201, null));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.name()).isEqualTo("InvalidRequest");
    assertThat(refused.context()).containsEntry("field", "limit");
  }

  @Test
  void revokingTwiceAnswersTheSameDocumentAndAnotherUsersIdIs404() {
    AccessToken created = create("twice");

    AccessTokenInfo first = alice.revoke(created.getId());
    AccessTokenInfo second = alice.revoke(created.getId());
    assertThat(second).isEqualTo(first);

    AccessToken alices = create("alice's");
    BitGoApiException notFound =
        catchThrowableOfType(BitGoApiException.class, () -> bob.revoke(alices.getId()));
    assertThat(notFound.status()).isEqualTo(404);
    assertThat(notFound.name()).isEqualTo("NotFound");
    assertThat(alice.listAll().map(AccessTokenInfo::getId)).containsExactly(alices.getId());
  }

  @Test
  void revokeRefusesAnythingButATokenIdWithoutSendingOrShowingIt() {
    AccessToken created = create("kept");

    IllegalArgumentException refused =
        catchThrowableOfType(
            IllegalArgumentException.class, () -> alice.revoke(created.getToken()));

    assertThat(refused.getMessage()).doesNotContain(created.getToken()).contains("not its secret");
    assertThat(alice.listAll()).hasSize(1);
  }

  @Test
  void revokeByLabelRevokesTheOneTokenWithThatLabel() {
    AccessToken target = create("ci-deploy");
    AccessToken other = create("ci-other");

    AccessTokenInfo revoked = alice.revokeByLabel("ci-deploy");

    assertThat(revoked.getId()).isEqualTo(target.getId());
    assertThat(alice.listAll().map(AccessTokenInfo::getId)).containsExactly(other.getId());
  }

  @Test
  void revokeByLabelRefusesWhenNoTokenHasTheLabel() {
    create("something-else");

    LabelNotUniqueException refused =
        catchThrowableOfType(LabelNotUniqueException.class, () -> alice.revokeByLabel("missing"));

    assertThat(refused.matchingIds()).isEmpty();
    assertThat(refused.label()).isEqualTo("missing");
    assertThat(refused.getMessage()).contains("no access token", "\"missing\"");
    assertThat(alice.listAll()).hasSize(1);
  }

  @Test
  void revokeByLabelRefusesWhenSeveralTokensHaveTheLabelAndRevokesNone() {
    AccessToken first = create("duplicate");
    AccessToken second = create("duplicate");

    LabelNotUniqueException refused =
        catchThrowableOfType(LabelNotUniqueException.class, () -> alice.revokeByLabel("duplicate"));

    assertThat(refused.matchingIds()).containsExactly(first.getId(), second.getId());
    assertThat(refused.getMessage()).contains("2 access tokens", "revoke one by id");
    assertThat(alice.listAll()).hasSize(2);
  }

  private static AccessToken create(String label) {
    return alice.createAccessToken(new CreateAccessTokenRequest().label(label));
  }

  private static AccessTokenClient clientAs(String token) {
    return AccessTokenClient.builder()
        .baseUrl(stub.baseUri().toString())
        .accessToken(token)
        .build();
  }
}
