package org.openbitgo.accesstoken.stub.store;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openbitgo.accesstoken.contract.BaseUnitAmount;
import org.openbitgo.accesstoken.contract.ContractFacts;
import org.openbitgo.accesstoken.server.generated.model.AccessToken;
import org.openbitgo.accesstoken.server.generated.model.AccessTokenInfo;
import org.openbitgo.accesstoken.server.generated.model.AllErc20TokensLimit;
import org.openbitgo.accesstoken.server.generated.model.CreateAccessTokenRequest;
import org.openbitgo.accesstoken.server.generated.model.SpendingLimit;
import org.openbitgo.accesstoken.server.generated.model.TokenUnlock;
import org.openbitgo.accesstoken.server.generated.model.UnlockSpendingLimit;

/**
 * Creates a token from a valid request: new id and secret, timestamps, and the echoed fields.
 *
 * @param origin the host of the platform the tokens come from (e.g. {@code test.bitgo.com})
 * @param store where issued tokens are kept
 * @param clock the clock behind {@code created} and {@code expires}
 */
public record AccessTokenIssuer(String origin, InMemoryAccessTokenStore store, Clock clock) {

  /**
   * Lifetime of a token whose request has no {@code duration}: the spec's {@code x-server-default}
   * (ten years, the maximum).
   */
  public static final long DEFAULT_DURATION_SECONDS = ContractFacts.DEFAULT_DURATION_SECONDS;

  /** The client application BitGo names for tokens made through its API. */
  static final String CLIENT = "bitgo";

  /** Now as the contract writes times: UTC, whole milliseconds (so never after the real now). */
  public static OffsetDateTime contractNow(Clock clock) {
    return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * A token just issued: what the store keeps of it, and the create's answer as JSON, the one place
   * its secret is written.
   */
  public record IssuedToken(StoredAccessToken stored, byte[] answerJson) {

    /** The answer as the generated model (for callers of the generated interface). */
    public AccessToken toModel() {
      return StoredAccessToken.read(answerJson, AccessToken.class);
    }

    /** The token's id only: the answer holds the secret. */
    @Override
    public String toString() {
      return "IssuedToken[id=" + stored.id() + "]";
    }
  }

  public IssuedToken issue(CreateAccessTokenRequest request, String userId, String callerIp) {
    return issue(Secrets.randomId(), request, userId, callerIp);
  }

  /**
   * A token with an id chosen by the caller (a provider state that names the ids a consumer's
   * interactions use); its secret is returned here and nowhere else.
   */
  public IssuedToken issueWithId(String id, CreateAccessTokenRequest request, String userId) {
    return issue(id, request, userId, null);
  }

  /**
   * Builds the token's document (every field of the create's answer but the secret), stores it, and
   * answers it with the secret added: the document is written to JSON once, for the store, and the
   * answer is those bytes with the {@code token} field spliced in.
   */
  private IssuedToken issue(
      String id, CreateAccessTokenRequest request, String userId, String callerIp) {
    // the contract's timestamps carry milliseconds, UTC: truncate so created + duration is exact
    OffsetDateTime created = contractNow(clock);
    long duration =
        request.getDuration() == null ? DEFAULT_DURATION_SECONDS : request.getDuration();
    OffsetDateTime expires = created.plusSeconds(duration);
    String secret = Secrets.newTokenSecret();

    AccessTokenInfo document = new AccessTokenInfo(id, false);
    document.setLabel(request.getLabel());
    document.setUser(userId);
    document.setEnterprise(request.getEnterprise());
    document.setClient(CLIENT);
    document.setOrigin(origin);
    document.setIp(callerIp);
    document.setIpRestrict(copyOrNull(request.getIpRestrict()));
    document.setScope(copyOrNull(request.getScope()));
    document.setCreated(created);
    document.setExpires(expires);
    document.setBitgoAdminPermissions(new ArrayList<>());
    document.setUnlock(unlockFor(request, created, expires));
    StoredAccessToken stored = new StoredAccessToken(Secrets.sha256Hex(secret), document);
    // answered from the version as created, before a revocation could reach the stored record
    byte[] answer = stored.answerWithSecret(secret);
    store.save(stored);
    return new IssuedToken(stored, answer);
  }

  /**
   * A token with spending limits comes unlocked up to those limits for its whole life; without
   * limits there is no unlock session (the holder must call the Unlock endpoint).
   */
  private static TokenUnlock unlockFor(
      CreateAccessTokenRequest request, OffsetDateTime created, OffsetDateTime expires) {
    List<SpendingLimit> limits = request.getSpendingLimits();
    AllErc20TokensLimit erc20 = request.getAllErc20TokensLimit();
    boolean erc20Limited =
        erc20 != null
            && !Boolean.FALSE.equals(erc20.getEnabled())
            && erc20.getTxValueLimit() != null;
    if ((limits == null || limits.isEmpty()) && !erc20Limited) {
      return null;
    }
    TokenUnlock unlock = new TokenUnlock();
    unlock.setTime(created);
    unlock.setExpires(expires);
    if (limits != null && !limits.isEmpty()) {
      Map<String, UnlockSpendingLimit> byCoin = new LinkedHashMap<>();
      for (SpendingLimit limit : limits) {
        // the BaseUnitAmount is passed through untouched: every digit, and its string/number form
        byCoin.put(limit.getCoin(), unused(limit.getTxValueLimit()));
      }
      unlock.setSpendingLimits(byCoin);
    }
    if (erc20Limited) {
      unlock.setAllErc20TokensLimit(unused(erc20.getTxValueLimit()));
    }
    return unlock;
  }

  private static UnlockSpendingLimit unused(BaseUnitAmount txValueLimit) {
    UnlockSpendingLimit limit = new UnlockSpendingLimit();
    limit.setTxCount(0L);
    limit.setTxValue(BaseUnitAmount.ofNumber(0));
    limit.setTxValueLimit(txValueLimit);
    return limit;
  }

  private static List<String> copyOrNull(List<String> values) {
    return values == null ? null : new ArrayList<>(values);
  }
}
