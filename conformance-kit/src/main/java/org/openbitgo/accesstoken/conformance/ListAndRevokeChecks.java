package org.openbitgo.accesstoken.conformance;

import static org.openbitgo.accesstoken.conformance.Check.contract;
import static org.openbitgo.accesstoken.conformance.CheckFailure.expect;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.openbitgo.accesstoken.contract.ContractFacts;
import org.opentest4j.TestAbortedException;

/**
 * List ({@code GET /api/v2/user/accesstoken}) and revoke ({@code DELETE
 * /api/v2/user/accesstoken/{id}}), release 2.1.0: what a listing shows and how it pages, what a
 * revoke answers and what it changes, bad input, and one user never seeing nor revoking another's
 * tokens (with {@code --other-user-token}).
 */
final class ListAndRevokeChecks implements CheckGroup {

  /** A small page, so a few tokens already take several pages. */
  static final int SMALL_PAGE = 2;

  /** The tokens the paging check creates: more than one small page holds. */
  static final int TOKENS_TO_PAGE = 3;

  /** The spec's largest page. */
  static final int LARGEST_PAGE = 200;

  /** A listing that has not ended after this many pages is not ending. */
  static final int MAX_PAGES = 1000;

  /** {@code limit} values the spec refuses: 1 to 200, an integer. */
  static final List<String> BAD_LIMITS = List.of("0", "201", "-1", "abc");

  /** {@code prevId} values that are not 32 lowercase hex digits. */
  static final List<String> MALFORMED_IDS =
      List.of("not-a-token-id", "59CD72485007A239FB00282ED480DA1F");

  /** Why the two-user checks need a second token, when it is not given. */
  static final String NEEDS_OTHER_USER =
      "not run: needs --other-user-token, a bearer token of another user of the provider";

  @Override
  public List<Check> checks(Environment environment, KitOptions options) {
    return List.of(
        contract(
            "list.created-token-listed-without-secret",
            "A token just created is in its user's list (same `id` and `label`), and no listed"
                + " document carries the secret `token` (spec: list, \"Listed documents never"
                + " carry the token's secret\").",
            c -> {
              Exchange create = c.http().create(RequestBodies.minimal(c, "listed"));
              JsonNode created = c.created(create);
              Listing listing = Listing.traverse(c, bearer(c.target().token()), LARGEST_PAGE);
              listing.expectNoSecret();
              JsonNode listed = listing.find(created.path("id").asText());
              expect(
                  listed != null,
                  "the created token's id " + created.path("id").asText() + " in the list",
                  listing.size() + " listed tokens, not that one",
                  listing.lastPage());
              expect(
                  listed.path("label").equals(created.path("label")),
                  "label = " + created.path("label"),
                  "label = " + listed.path("label"),
                  listing.lastPage());
            }),
        contract(
            "list.paging-visits-each-token-once",
            "Paging with a small `limit` (passing each page's `nextBatchPrevId` as `prevId`) ends"
                + " with a page without `nextBatchPrevId`, no page holds more than `limit`, and"
                + " every token alive for the whole traversal appears exactly once (spec: list).",
            c -> {
              List<String> ids = new ArrayList<>();
              for (int i = 0; i < TOKENS_TO_PAGE; i++) {
                ids.add(
                    c.created(c.http().create(RequestBodies.minimal(c, "paged-" + i)))
                        .path("id")
                        .asText());
              }
              Listing listing = Listing.traverse(c, bearer(c.target().token()), SMALL_PAGE);
              for (String id : ids) {
                int times = listing.count(id);
                expect(
                    times == 1,
                    "token " + id + " listed exactly once with limit=" + SMALL_PAGE,
                    "listed " + times + " times over " + listing.pages.size() + " pages",
                    listing.lastPage());
              }
            }),
        badListParameter(
            "list.bad-limit-400",
            "A `limit` that is not an integer from 1 to 200 (0, 201, -1, abc) is answered 400"
                + " with a PlatformError (spec: list, parameter limit, response 400).",
            "limit",
            BAD_LIMITS),
        badListParameter(
            "list.malformed-prev-id-400",
            "A `prevId` that is not 32 lowercase hexadecimal digits is answered 400 with a"
                + " PlatformError (spec: list, parameter prevId, response 400).",
            "prevId",
            MALFORMED_IDS),
        contract(
            "revoke.answers-document-without-secret",
            "Revoking a token answers 200 with its document: the same `id`, no secret `token`,"
                + " `expires` at or before the time of revocation (spec: revoke, response 200).",
            c -> {
              Revoked revoked = revoked(c);
              expect(revoked.revoke().response().status() == 200, "200", revoked.revoke());
              JsonNode body = c.json(revoked.revoke());
              expect(
                  body.path("id").equals(revoked.created().path("id")),
                  "id = " + revoked.created().path("id"),
                  "id = " + body.path("id"),
                  revoked.revoke());
              expect(
                  !body.has("token"),
                  "no `token` in the revoked document",
                  "a `token` property",
                  revoked.revoke());
              Instant created = instant(revoked.created().path("created"), revoked.revoke());
              Instant expires = instant(body.path("expires"), revoked.revoke());
              // the provider's clock, not the kit's: created + the time the kit waited, + rounding
              Instant latest = created.plus(revoked.elapsed()).plusSeconds(1);
              expect(
                  !expires.isAfter(latest),
                  "expires at or before the revocation (created "
                      + revoked.created().path("created").asText()
                      + ", revoked within "
                      + revoked.elapsed().toMillis()
                      + " ms)",
                  "expires = " + body.path("expires").asText(),
                  revoked.revoke());
            }),
        contract(
            "revoke.revoked-token-401",
            "A revoked token stops authenticating at once: it lists (200) before the revoke and"
                + " is answered 401 with a PlatformError right after (spec: revoke).",
            c -> {
              Revoked revoked = revoked(c);
              expect(
                  revoked.beforeRevoke().response().status() == 200,
                  "200: the created token authenticates before it is revoked",
                  revoked.beforeRevoke());
              c.platformError(
                  c.http().list(bearer(revoked.secret()), "?limit=1"),
                  "401 for the revoked token",
                  List.of(401));
            }),
        contract(
            "revoke.revoked-token-leaves-list",
            "A revoked token is no longer listed (spec: revoke, \"it leaves the list\").",
            c -> {
              Revoked revoked = revoked(c);
              String id = revoked.created().path("id").asText();
              Listing listing = Listing.traverse(c, bearer(c.target().token()), LARGEST_PAGE);
              expect(
                  listing.count(id) == 0,
                  "the revoked token " + id + " not listed",
                  "listed after its revoke",
                  listing.lastPage());
            }),
        contract(
            "revoke.twice-answers-200-unchanged",
            "Revoking a revoked token again answers 200 with its document unchanged, so a retry"
                + " is safe (spec: revoke).",
            c -> {
              Revoked revoked = revoked(c);
              Exchange again =
                  c.http()
                      .revoke(bearer(c.target().token()), revoked.created().path("id").asText());
              expect(again.response().status() == 200, "200 for the second revoke", again);
              JsonNode first = c.json(revoked.revoke());
              JsonNode second = c.json(again);
              expect(
                  first.equals(second),
                  "the document of the first revoke: " + first,
                  second.toString(),
                  again);
            }),
        contract(
            "revoke.unknown-id-404",
            "Revoking an id that names no token is answered 404 with a PlatformError (spec:"
                + " revoke, response 404).",
            c ->
                c.platformError(
                    c.http().revoke(bearer(c.target().token()), unknownId()), "404", List.of(404))),
        contract(
            "revoke.malformed-id-400",
            "Revoking an id that is not 32 lowercase hexadecimal digits is answered 400 with a"
                + " PlatformError (spec: revoke, response 400).",
            c -> {
              for (String id : MALFORMED_IDS) {
                c.platformError(
                    c.http().revoke(bearer(c.target().token()), id), "400", List.of(400));
              }
            }),
        contract(
            "list.other-users-tokens-invisible",
            "One user never sees another user's tokens: a token created with --token is not in"
                + " the list of --other-user-token's user (spec: list, \"the authenticated"
                + " user's\" tokens). Noted as not run without --other-user-token.",
            c -> {
              String id = ownTokenId(c);
              Listing listing = Listing.traverse(c, otherUser(c), LARGEST_PAGE);
              expect(
                  listing.count(id) == 0,
                  "--token's token " + id + " not in the other user's list",
                  "listed for the other user",
                  listing.lastPage());
            }),
        contract(
            "revoke.other-users-token-404",
            "One user never revokes another user's token: revoking it with --other-user-token"
                + " is answered 404 with a PlatformError, as an unknown id is (spec: revoke)."
                + " Noted as not run without --other-user-token.",
            c -> {
              c.platformError(c.http().revoke(otherUser(c), ownTokenId(c)), "404", List.of(404));
            }));
  }

  /** Every value of the list's query parameter is refused with a 400 PlatformError. */
  private static Check badListParameter(
      String name, String rule, String parameter, List<String> values) {
    return contract(
        name,
        rule,
        c -> {
          for (String value : values) {
            c.platformError(
                c.http().list(bearer(c.target().token()), "?" + parameter + "=" + value),
                "400",
                List.of(400));
          }
        });
  }

  /** A token created, used once, then revoked: shared by the {@code revoke.*} checks. */
  record Revoked(
      JsonNode created, String secret, Exchange beforeRevoke, Exchange revoke, Duration elapsed) {}

  private static Revoked revoked(CheckContext c) {
    return c.shared(
        "revoked-token",
        () -> {
          long start = System.nanoTime();
          Exchange create = c.http().create(RequestBodies.minimal(c, "revoked"));
          JsonNode created = c.created(create);
          String secret = c.redactor().register(created.path("token").asText());
          expect(!secret.isEmpty(), "a created token with its secret", create);
          Exchange before = c.http().list(bearer(secret), "?limit=1");
          Exchange revoke =
              c.http().revoke(bearer(c.target().token()), created.path("id").asText());
          Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
          return new Revoked(created, secret, before, revoke, elapsed);
        });
  }

  /** The id of a token of --token's user: the run's full create. */
  private static String ownTokenId(CheckContext c) {
    return c.created(c.fullCreate()).path("id").asText();
  }

  /** The other user's Authorization value; the check is noted as not run without it. */
  private static String otherUser(CheckContext c) {
    String token =
        c.target().otherUserToken().orElseThrow(() -> new TestAbortedException(NEEDS_OTHER_USER));
    Exchange page = c.http().list(bearer(token), "?limit=1");
    expect(
        page.response().status() == 200,
        "200: --other-user-token is accepted (a list with it)",
        page);
    return bearer(token);
  }

  static String bearer(String token) {
    return "Bearer " + token;
  }

  /** An id of the documented shape that no provider issued (128 random bits). */
  private static String unknownId() {
    byte[] bytes = new byte[16];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static Instant instant(JsonNode value, Exchange exchange) {
    try {
      return OffsetDateTime.parse(value.asText()).toInstant();
    } catch (DateTimeParseException e) {
      throw new CheckFailure("a date-time", String.valueOf(value), exchange);
    }
  }

  /** Every page of one listing, from the first to the one without {@code nextBatchPrevId}. */
  static final class Listing {
    private final List<Exchange> pages = new ArrayList<>();
    private final List<JsonNode> documents = new ArrayList<>();

    static Listing traverse(CheckContext c, String authorization, int limit) {
      Listing listing = new Listing();
      String cursor = null;
      while (true) {
        expect(
            listing.pages.size() < MAX_PAGES,
            "a listing that ends within " + MAX_PAGES + " pages",
            "still a nextBatchPrevId after " + MAX_PAGES + " pages",
            listing.lastPage());
        Exchange page =
            c.http()
                .list(
                    authorization, "?limit=" + limit + (cursor == null ? "" : "&prevId=" + cursor));
        listing.pages.add(page);
        expect(page.response().status() == 200, "200 with an AccessTokenList", page);
        JsonNode body = c.json(page);
        JsonNode tokens = body.path("accessTokens");
        expect(tokens.isArray(), "an AccessTokenList (accessTokens: [...])", page);
        expect(
            tokens.size() <= limit,
            "at most " + limit + " tokens on a page (limit=" + limit + ")",
            tokens.size() + " tokens",
            page);
        tokens.forEach(listing.documents::add);
        JsonNode next = body.path("nextBatchPrevId");
        if (next.isMissingNode() || next.isNull()) {
          return listing;
        }
        expect(
            next.isTextual() && ContractFacts.TOKEN_ID.matcher(next.asText()).matches(),
            "nextBatchPrevId absent or 32 lowercase hex",
            "nextBatchPrevId = " + next,
            page);
        cursor = next.asText();
      }
    }

    /** The listed document with this id (the first, if listed twice), or null. */
    JsonNode find(String id) {
      return documents.stream()
          .filter(document -> document.path("id").asText().equals(id))
          .findFirst()
          .orElse(null);
    }

    int count(String id) {
      return (int) documents.stream().filter(d -> d.path("id").asText().equals(id)).count();
    }

    int size() {
      return documents.size();
    }

    Exchange lastPage() {
      return pages.isEmpty() ? null : pages.get(pages.size() - 1);
    }

    /** No listed document carries a secret. */
    void expectNoSecret() {
      for (Exchange page : pages) {
        for (JsonNode document : RequestBodies.parse(page.response().body()).path("accessTokens")) {
          expect(
              !document.has("token"),
              "no `token` in a listed document",
              "token " + document.path("id").asText() + " listed with its secret",
              page);
        }
      }
    }
  }
}
