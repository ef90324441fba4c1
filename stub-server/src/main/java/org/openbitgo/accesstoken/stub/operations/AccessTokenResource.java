package org.openbitgo.accesstoken.stub.operations;

import java.time.OffsetDateTime;
import org.openbitgo.accesstoken.server.generated.api.AccessTokenApi;
import org.openbitgo.accesstoken.server.generated.model.AccessToken;
import org.openbitgo.accesstoken.server.generated.model.AccessTokenInfo;
import org.openbitgo.accesstoken.server.generated.model.AccessTokenList;
import org.openbitgo.accesstoken.server.generated.model.CreateAccessTokenRequest;
import org.openbitgo.accesstoken.stub.rules.ContractValidation;
import org.openbitgo.accesstoken.stub.rules.InvalidRequestException;
import org.openbitgo.accesstoken.stub.rules.UnknownTokenException;
import org.openbitgo.accesstoken.stub.store.AccessTokenIssuer;
import org.openbitgo.accesstoken.stub.store.InMemoryAccessTokenStore;

/**
 * The in-memory implementation of the generated {@link AccessTokenApi}, one per request (it knows
 * its caller). By the time it runs, {@link BearerAuth} has authenticated the caller and {@link
 * ContractValidation} has checked the request against the interface's Bean Validation constraints;
 * the remaining contract rules are checked here. Every operation acts for the caller's user only.
 */
final class AccessTokenResource implements AccessTokenApi {

  /** The page size without {@code limit}: the spec's {@code Limit} parameter says 100. */
  static final int DEFAULT_PAGE_SIZE = 100;

  private final AccessTokenOperations operations;
  private final BearerAuth.Caller caller;

  AccessTokenResource(AccessTokenOperations operations, BearerAuth.Caller caller) {
    this.operations = operations;
    this.caller = caller;
  }

  @Override
  public AccessToken createAccessToken(CreateAccessTokenRequest request) {
    return issue(request).toModel();
  }

  /**
   * The create as the endpoint answers it: the contract's other rules, then the token, whose answer
   * is already JSON (its document is written once, for the store).
   *
   * @throws InvalidRequestException when a rule beyond the Bean Validation constraints is broken
   */
  AccessTokenIssuer.IssuedToken issue(CreateAccessTokenRequest request) {
    operations.createRules().check(request);
    return operations.issuer().issue(request, caller.userId(), caller.ipv4());
  }

  /**
   * @throws InvalidRequestException when {@code prevId} is not the id of one of the user's tokens
   *     the store still holds (an evicted one included: the listing must start again)
   */
  @Override
  public AccessTokenList listAccessTokens(Integer limit, String prevId) {
    InMemoryAccessTokenStore.Page page =
        operations
            .store()
            .page(caller.userId(), prevId, limit == null ? DEFAULT_PAGE_SIZE : limit, now())
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "prevId",
                        "prevId is not a cursor of this listing: pass the nextBatchPrevId of the"
                            + " previous page, or start again without prevId"));
    AccessTokenList list = new AccessTokenList(page.tokens());
    list.setNextBatchPrevId(page.nextCursor());
    return list;
  }

  /**
   * @throws UnknownTokenException when {@code id} names no token of the caller's user
   */
  @Override
  public AccessTokenInfo revokeAccessToken(String id) {
    return operations
        .store()
        .revoke(caller.userId(), id, now())
        .orElseThrow(UnknownTokenException::new);
  }

  private OffsetDateTime now() {
    return AccessTokenIssuer.contractNow(operations.clock());
  }
}
