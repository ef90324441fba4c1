package org.openbitgo.accesstoken.stub;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.openbitgo.accesstoken.stub.rules.StrictContractJson;
import org.openbitgo.accesstoken.stub.store.AccessTokenIssuer;
import org.openbitgo.accesstoken.stub.store.BearerTokenRegistry;

/**
 * How to start a {@link StubServer}. Build it with {@link #builder()}; every setting has a default
 * suited to a local run ({@code 127.0.0.1:8080}, test environment, one generated bearer token).
 * However it is made, a config that exists is valid: the constructor checks every setting.
 *
 * @param host the address to bind
 * @param port the port to bind; 0 picks a free one (see {@link StubServer#port()})
 * @param environment the BitGo platform the stub stands in for
 * @param acceptedTokens bearer tokens accepted from the start; when empty the server generates one
 * @param maxRequestBodyBytes the largest request body accepted; a larger one gets 413
 * @param maxStoredTokens how many created tokens the store keeps; the oldest are forgotten first
 * @param rateLimitPerMinute requests per minute per bearer token before 429; 0 means unlimited
 * @param clock the clock behind {@code created}/{@code expires}; fix it for reproducible responses
 * @param providerStatesEndpoint whether {@code POST /_pact/provider-states} exists: Pact's
 *     state-change endpoint, which lets anyone who reaches the port accept a bearer token.
 *     Test-only; off by default.
 * @param requestDeadline see {@link #DEFAULT_REQUEST_DEADLINE}
 */
public record StubServerConfig(
    String host,
    int port,
    StubEnvironment environment,
    List<String> acceptedTokens,
    int maxRequestBodyBytes,
    int maxStoredTokens,
    int rateLimitPerMinute,
    Clock clock,
    boolean providerStatesEndpoint,
    Duration requestDeadline) {

  /** Lifetime of a token whose request has no {@code duration}: ten years, the maximum. */
  public static final long DEFAULT_DURATION_SECONDS = AccessTokenIssuer.DEFAULT_DURATION_SECONDS;

  /** Largest request body accepted; a larger one gets 413. */
  public static final int DEFAULT_MAX_REQUEST_BODY_BYTES = 64 * 1024;

  /** Deepest JSON nesting accepted; deeper input gets 400 before it can exhaust the stack. */
  public static final int MAX_JSON_NESTING_DEPTH = StrictContractJson.MAX_NESTING_DEPTH;

  /** How many created tokens the store keeps; the oldest are forgotten first. */
  public static final int DEFAULT_MAX_STORED_TOKENS = 10_000;

  /**
   * How long one request may take to arrive whole, headers and body, counted from its first byte: a
   * peer that trickles bytes is answered 408 and its connection closed.
   */
  public static final Duration DEFAULT_REQUEST_DEADLINE = Duration.ofSeconds(20);

  /**
   * Prefer {@link #builder()}: this constructor takes every setting and gains a parameter with each
   * new one.
   *
   * @throws IllegalArgumentException a setting is out of range, or a token is not token68
   * @throws NullPointerException a setting is null
   */
  public StubServerConfig {
    Objects.requireNonNull(host, "host");
    requirePort(port);
    Objects.requireNonNull(environment, "environment");
    acceptedTokens =
        Objects.requireNonNull(acceptedTokens, "acceptedTokens").stream()
            .map(BearerTokenRegistry::requireWellFormed)
            .toList();
    requireAtLeast(1, maxRequestBodyBytes, "maxRequestBodyBytes");
    requireAtLeast(1, maxStoredTokens, "maxStoredTokens");
    requireAtLeast(0, rateLimitPerMinute, "rateLimitPerMinute");
    Objects.requireNonNull(clock, "clock");
    requirePositive(requestDeadline, "requestDeadline");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every setting but the accepted tokens, which are secrets: only their number is shown. */
  @Override
  public String toString() {
    return ("StubServerConfig[%s:%d, %s, %d accepted token(s) hidden, maxRequestBodyBytes=%d,"
            + " maxStoredTokens=%d, rateLimitPerMinute=%d, providerStatesEndpoint=%s,"
            + " requestDeadline=%s]")
        .formatted(
            host,
            port,
            environment,
            acceptedTokens.size(),
            maxRequestBodyBytes,
            maxStoredTokens,
            rateLimitPerMinute,
            providerStatesEndpoint,
            requestDeadline);
  }

  private static int requirePort(int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
    }
    return port;
  }

  private static int requireAtLeast(int least, int value, String name) {
    if (value < least) {
      throw new IllegalArgumentException(name + " must be at least " + least + ", got " + value);
    }
    return value;
  }

  private static Duration requirePositive(Duration duration, String name) {
    if (Objects.requireNonNull(duration, name).isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + duration);
    }
    return duration;
  }

  /**
   * Builder of {@link StubServerConfig}, its settings grouped by what they govern. Each setter
   * refuses a bad value at once, with the same check the record's constructor applies.
   */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 8080;
    private StubEnvironment environment = StubEnvironment.TEST;
    private final List<String> acceptedTokens = new ArrayList<>();
    private int maxRequestBodyBytes = DEFAULT_MAX_REQUEST_BODY_BYTES;
    private int maxStoredTokens = DEFAULT_MAX_STORED_TOKENS;
    private int rateLimitPerMinute = 0;
    private Clock clock = Clock.systemUTC();
    private boolean providerStatesEndpoint = false;
    private Duration requestDeadline = DEFAULT_REQUEST_DEADLINE;

    private Builder() {}

    // Where it listens

    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    public Builder port(int port) {
      this.port = requirePort(port);
      return this;
    }

    // What the tokens it issues look like

    public Builder environment(StubEnvironment environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    // Who may call it

    /** Adds a bearer token the server accepts from the start (repeatable). */
    public Builder acceptedToken(String token) {
      acceptedTokens.add(BearerTokenRegistry.requireWellFormed(token));
      return this;
    }

    public Builder rateLimitPerMinute(int requests) {
      this.rateLimitPerMinute = requireAtLeast(0, requests, "rateLimitPerMinute");
      return this;
    }

    /** Test-only, see {@link StubServerConfig#providerStatesEndpoint()}. */
    public Builder providerStatesEndpoint(boolean enabled) {
      this.providerStatesEndpoint = enabled;
      return this;
    }

    // Limits on a request and on the store

    public Builder maxRequestBodyBytes(int bytes) {
      this.maxRequestBodyBytes = requireAtLeast(1, bytes, "maxRequestBodyBytes");
      return this;
    }

    public Builder maxStoredTokens(int count) {
      this.maxStoredTokens = requireAtLeast(1, count, "maxStoredTokens");
      return this;
    }

    public Builder requestDeadline(Duration deadline) {
      this.requestDeadline = requirePositive(deadline, "requestDeadline");
      return this;
    }

    /**
     * @throws IllegalArgumentException a setting is out of range, or a token is not token68
     * @throws NullPointerException a setting is null
     */
    public StubServerConfig build() {
      return new StubServerConfig(
          host,
          port,
          environment,
          acceptedTokens,
          maxRequestBodyBytes,
          maxStoredTokens,
          rateLimitPerMinute,
          clock,
          providerStatesEndpoint,
          requestDeadline);
    }
  }
}
