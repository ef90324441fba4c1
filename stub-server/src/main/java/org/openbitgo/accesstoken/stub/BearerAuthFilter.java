package org.openbitgo.accesstoken.stub;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.glassfish.grizzly.http.server.Request;

/**
 * {@code Authorization: Bearer <token>} on every matched request: the token must be one the
 * registry accepts or an unexpired token this stub created. Runs after matching, so unknown paths
 * still answer 404 and wrong methods 405, and before the body is read, so an unauthenticated
 * caller learns nothing about its body. Also applies the optional per-token rate limit.
 */
@Priority(Priorities.AUTHENTICATION)
final class BearerAuthFilter implements ContainerRequestFilter {

  private static final String BEARER_PREFIX = "Bearer ";

  private final BearerTokenRegistry registry;
  private final InMemoryAccessTokenStore store;
  private final FixedWindowRateLimiter rateLimiter;
  private final Clock clock;

  @Inject private Provider<Request> grizzlyRequest;

  BearerAuthFilter(
      BearerTokenRegistry registry,
      InMemoryAccessTokenStore store,
      FixedWindowRateLimiter rateLimiter,
      Clock clock) {
    this.registry = registry;
    this.store = store;
    this.rateLimiter = rateLimiter;
    this.clock = clock;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization == null || authorization.isBlank()) {
      unauthorized(request, "missing", "an Authorization: Bearer <token> header is required");
      return;
    }
    // RFC 7235: the scheme is case-insensitive
    if (authorization.length() <= BEARER_PREFIX.length()
        || !authorization.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
      unauthorized(request, "malformed", "the Authorization header must be Bearer <token>");
      return;
    }
    String token = authorization.substring(BEARER_PREFIX.length()).trim();
    if (!BearerTokenRegistry.isWellFormed(token)) {
      unauthorized(request, "malformed", "the Authorization header must be Bearer <token>");
      return;
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
      unauthorized(request, "unknown", "unauthorized");
      return;
    }
    OptionalLong retryAfter = rateLimiter.tryAcquire(tokenHash);
    if (retryAfter.isPresent()) {
      request.abortWith(
          PlatformErrors.builder(
                  429,
                  "too many requests, retry later",
                  Map.of("retryAfterSeconds", retryAfter.getAsLong()))
              .header(HttpHeaders.RETRY_AFTER, retryAfter.getAsLong())
              .build());
      return;
    }
    request.setProperty(RequestAttributes.USER_ID, userId.get());
    callerIpv4().ifPresent(ip -> request.setProperty(RequestAttributes.CALLER_IP, ip));
  }

  private static void unauthorized(ContainerRequestContext request, String reason, String message) {
    request.abortWith(
        PlatformErrors.builder(401, message, Map.of("reason", reason))
            .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
            .build());
  }

  /**
   * The caller's IPv4 address; the contract's {@code ip} is IPv4-only, so IPv6 loopback reads as
   * 127.0.0.1 and any other IPv6 caller gets no {@code ip}.
   */
  private Optional<String> callerIpv4() {
    String remote = grizzlyRequest == null ? null : grizzlyRequest.get().getRemoteAddr();
    if (remote == null) {
      return Optional.empty();
    }
    try {
      // a literal address: no DNS lookup happens
      InetAddress address = InetAddress.getByName(remote);
      if (address instanceof Inet4Address) {
        return Optional.of(address.getHostAddress());
      }
      return address.isLoopbackAddress() ? Optional.of("127.0.0.1") : Optional.empty();
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
