package org.openbitgo.accesstoken.client;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.openbitgo.accesstoken.client.generated.api.AccessTokenApi;
import org.openbitgo.accesstoken.client.generated.model.AccessTokenInfo;
import org.openbitgo.accesstoken.client.generated.model.AccessTokenList;

/**
 * The tokens of every page of a listing, one page fetched at a time when the previous one is used
 * up: the caller sees one sequence, the cursor ({@code prevId} / {@code nextBatchPrevId}) stays
 * here.
 */
final class TokenPages implements Iterator<AccessTokenInfo> {

  /** The spec's {@code Limit} maximum. */
  static final int MAX_PAGE_SIZE = 200;

  private final AccessTokenApi api;
  private final Integer pageSize;
  private Iterator<AccessTokenInfo> page = List.<AccessTokenInfo>of().iterator();
  private String cursor;
  private boolean lastPageFetched;

  private TokenPages(AccessTokenApi api, Integer pageSize) {
    this.api = api;
    this.pageSize = pageSize;
  }

  /** A lazy, ordered stream over every page; nothing is fetched until it is consumed. */
  static Stream<AccessTokenInfo> stream(AccessTokenApi api, Integer pageSize) {
    return StreamSupport.stream(
        () ->
            Spliterators.spliteratorUnknownSize(
                new TokenPages(api, pageSize), Spliterator.ORDERED | Spliterator.NONNULL),
        Spliterator.ORDERED | Spliterator.NONNULL,
        false);
  }

  @Override
  public boolean hasNext() {
    // an empty page that still names a next one is skipped, not taken for the end
    while (!page.hasNext() && !lastPageFetched) {
      fetch();
    }
    return page.hasNext();
  }

  @Override
  public AccessTokenInfo next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more access tokens");
    }
    return page.next();
  }

  private void fetch() {
    AccessTokenList answer = api.listAccessTokens(pageSize, cursor);
    String next = answer.getNextBatchPrevId();
    if (next != null && next.equals(cursor)) {
      // a server that hands back the cursor it was given would make this loop forever
      throw new IllegalStateException(
          "the server answered a page with the cursor it was asked for (" + next + ")");
    }
    page =
        answer.getAccessTokens() == null
            ? List.<AccessTokenInfo>of().iterator()
            : answer.getAccessTokens().iterator();
    cursor = next;
    lastPageFetched = next == null;
  }
}
