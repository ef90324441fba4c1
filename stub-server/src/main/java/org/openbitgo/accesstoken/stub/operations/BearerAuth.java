package org.openbitgo.accesstoken.stub.operations;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.openbitgo.accesstoken.stub.rules.Answer;
import org.openbitgo.accesstoken.stub.rules.PlatformErrors;
import org.openbitgo.accesstoken.stub.store.BearerTokenRegistry;
import org.openbitgo.accesstoken.stub.store.FixedWindowRateLimiter;
import org.openbitgo.accesstoken.stub.store.InMemoryAccessTokenStore;
import org.openbitgo.accesstoken.stub.store.Secrets;
import org.openbitgo.accesstoken.stub.store.StoredAccessToken;

/**
 * {@code Authorization: Bearer <token>} on every request to the endpoint: the token must be one the
 * registry accepts or an unexpired token this stub created. Checked from the headers alone, before
 * the body is read, so an unauthenticated caller learns nothing about its body. Also applies the
 * optional per-token rate limit.
 *
 * @param registry the bearer tokens accepted from the start or through provider states (it holds
 *     their hashes, so this record's {@code toString} shows no token)
 * @param store the tokens this stub issued, which are accepted until they expire
 * @param rateLimiter the per-token rate limit
 * @param clock the clock against which issued tokens expire
 */
public record BearerAuth(
    BearerTokenRegistry registry,
    InMemoryAccessTokenStore store,
    FixedWindowRateLimiter rateLimiter,
    Clock clock) {

  private static final String BEARER_PREFIX = "Bearer ";

  /** Who is calling: the user the token stands for, and the caller's IPv4 address if known. */
  record Caller(String userId, String ipv4) {}

  /** Either a caller or the answer that refuses the request. */
  record Outcome(Caller caller, Answer refusal) {}

  Outcome authenticate(String authorization, String callerIpv4) {
    if (authorization == null || authorization.isBlank()) {
      return refused("missing", "an Authorization: Bearer <token> header is required");
    }
    // RFC 7235: the scheme is case-insensitive
    if (authorization.length() <= BEARER_PREFIX.length()
        || !authorization.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
      return refused("malformed", "the Authorization header must be Bearer <token>");
    }
    String token = authorization.substring(BEARER_PREFIX.length()).trim();
    if (!BearerTokenRegistry.isWellFormed(token)) {
      return refused("malformed", "the Authorization header must be Bearer <token>");
    }
    // One hash per request, shared by the registry, the store and the rate limiter.
    String tokenHash = Secrets.sha256Hex(token);
    Optional<String> userId =
        registry
            .userIdOfHash(tokenHash)
            .or(
                () ->
                    store
                        .findActiveBySecretHash(tokenHash, OffsetDateTime.now(clock))
                        .map(StoredAccessToken::userId));
    if (userId.isEmpty()) {
      return refused("unknown", "unauthorized");
    }
    OptionalLong retryAfter = rateLimiter.tryAcquire(tokenHash);
    if (retryAfter.isPresent()) {
      return new Outcome(
          null,
          PlatformErrors.of(
                  429,
                  "too many requests, retry later",
                  Map.of("retryAfterSeconds", retryAfter.getAsLong()))
              .withHeader("Retry-After", String.valueOf(retryAfter.getAsLong())));
    }
    return new Outcome(new Caller(userId.get(), callerIpv4), null);
  }

  private static Outcome refused(String reason, String message) {
    return new Outcome(
        null,
        PlatformErrors.of(401, message, Map.of("reason", reason))
            .withHeader("WWW-Authenticate", "Bearer"));
  }
}
