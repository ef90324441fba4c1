package org.openbitgo.accesstoken.stub.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openbitgo.accesstoken.contract.ContractFacts;

/**
 * The bearer tokens the stub accepts (besides the tokens it created itself). Tokens are kept only
 * as SHA-256 hashes, each mapped to the user id it authenticates; the user id is derived from the
 * token, so a token always stands for the same user, even after a reset.
 */
public final class BearerTokenRegistry {

  /** The longest bearer token accepted: the spec's {@code x-bearer-token} rule. */
  public static final int MAX_TOKEN_LENGTH = ContractFacts.BEARER_TOKEN_MAX_LENGTH;

  private final Map<String, String> userIdByTokenHash = new ConcurrentHashMap<>();

  /** Accepts {@code token} from now on. */
  public void accept(String token) {
    userIdByTokenHash.put(Secrets.sha256Hex(requireWellFormed(token)), userIdFor(token));
  }

  /** Stops accepting {@code token}. */
  public void revoke(String token) {
    userIdByTokenHash.remove(Secrets.sha256Hex(token));
  }

  /** Accepts no token any more. */
  public void revokeAll() {
    userIdByTokenHash.clear();
  }

  /** The user {@code token} authenticates, if it is accepted. */
  public Optional<String> userIdOf(String token) {
    return userIdOfHash(Secrets.sha256Hex(token));
  }

  /** The same, for a caller that already holds the token's SHA-256 hex. */
  public Optional<String> userIdOfHash(String tokenSha256) {
    return Optional.ofNullable(userIdByTokenHash.get(tokenSha256));
  }

  /**
   * Whether {@code token} could be sent as {@code Authorization: Bearer <token>} at all: the spec's
   * bearer-token rule ({@code x-bearer-token}), which every client checks too.
   */
  public static boolean isWellFormed(String token) {
    return ContractFacts.isBearerToken(token);
  }

  public static String requireWellFormed(String token) {
    if (!isWellFormed(token)) {
      // never echo the value: it may be a real secret pasted by mistake
      throw new IllegalArgumentException(
          "a bearer token must be " + ContractFacts.bearerTokenRule());
    }
    return token;
  }

  /** A stable 32-hex user id for a token, so the same caller always owns its tokens. */
  public static String userIdFor(String token) {
    return Secrets.sha256Hex("stub-user:" + token).substring(0, 32);
  }
}
