package org.openbitgo.accesstoken.stub;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to start a {@link StubServer}. Build it with {@link #builder()}; every setting has a default
 * suited to a local run ({@code 127.0.0.1:8080}, test environment, one generated bearer token).
 */
public final class StubServerConfig {

  /** Lifetime of a token whose request has no {@code duration}: ten years, the maximum. */
  public static final long DEFAULT_DURATION_SECONDS = 315_360_000L;

  /** Largest request body accepted; a larger one gets 413. */
  public static final int DEFAULT_MAX_REQUEST_BODY_BYTES = 64 * 1024;

  /** Deepest JSON nesting accepted; deeper input gets 400 before it can exhaust the stack. */
  public static final int MAX_JSON_NESTING_DEPTH = 32;

  /** How many created tokens the store keeps; the oldest are forgotten first. */
  public static final int DEFAULT_MAX_STORED_TOKENS = 10_000;

  /**
   * How long one request may take to arrive whole, headers and body, counted from its first byte: a
   * peer that trickles bytes is answered 408 and its connection closed.
   */
  public static final Duration DEFAULT_REQUEST_DEADLINE = Duration.ofSeconds(20);

  private final String host;
  private final int port;
  private final StubEnvironment environment;
  private final List<String> acceptedTokens;
  private final int maxRequestBodyBytes;
  private final int maxStoredTokens;
  private final int rateLimitPerMinute;
  private final Clock clock;
  private final boolean providerStatesEndpoint;
  private final Duration requestDeadline;

  private StubServerConfig(Builder builder) {
    this.host = builder.host;
    this.port = builder.port;
    this.environment = builder.environment;
    this.acceptedTokens = List.copyOf(builder.acceptedTokens);
    this.maxRequestBodyBytes = builder.maxRequestBodyBytes;
    this.maxStoredTokens = builder.maxStoredTokens;
    this.rateLimitPerMinute = builder.rateLimitPerMinute;
    this.clock = builder.clock;
    this.providerStatesEndpoint = builder.providerStatesEndpoint;
    this.requestDeadline = builder.requestDeadline;
  }

  public static Builder builder() {
    return new Builder();
  }

  public String host() {
    return host;
  }

  /** The port to bind; 0 picks a free one (see {@link StubServer#port()}). */
  public int port() {
    return port;
  }

  public StubEnvironment environment() {
    return environment;
  }

  /** Bearer tokens accepted from the start; when empty the server generates one. */
  public List<String> acceptedTokens() {
    return acceptedTokens;
  }

  public int maxRequestBodyBytes() {
    return maxRequestBodyBytes;
  }

  public int maxStoredTokens() {
    return maxStoredTokens;
  }

  /** Requests per minute per bearer token before 429; 0 means unlimited. */
  public int rateLimitPerMinute() {
    return rateLimitPerMinute;
  }

  public Clock clock() {
    return clock;
  }

  /**
   * Whether {@code POST /_pact/provider-states} exists: Pact's state-change endpoint, which lets
   * anyone who reaches the port accept a bearer token. Test-only; off by default.
   */
  public boolean providerStatesEndpoint() {
    return providerStatesEndpoint;
  }

  /** See {@link #DEFAULT_REQUEST_DEADLINE}. */
  public Duration requestDeadline() {
    return requestDeadline;
  }

  // No toString: the accepted tokens are secrets.

  /** Builder of {@link StubServerConfig}. */
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

    /**
     * Serves Pact's state-change endpoint (test-only, see {@link
     * StubServerConfig#providerStatesEndpoint()}).
     */
    public Builder providerStatesEndpoint(boolean enabled) {
      this.providerStatesEndpoint = enabled;
      return this;
    }

    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    public Builder environment(StubEnvironment environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /** Adds a bearer token the server accepts from the start (repeatable). */
    public Builder acceptedToken(String token) {
      acceptedTokens.add(BearerTokenRegistry.requireWellFormed(token));
      return this;
    }

    public Builder maxRequestBodyBytes(int bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxRequestBodyBytes must be positive, got " + bytes);
      }
      this.maxRequestBodyBytes = bytes;
      return this;
    }

    public Builder maxStoredTokens(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("maxStoredTokens must be positive, got " + count);
      }
      this.maxStoredTokens = count;
      return this;
    }

    public Builder rateLimitPerMinute(int requests) {
      if (requests < 0) {
        throw new IllegalArgumentException(
            "rateLimitPerMinute cannot be negative, got " + requests);
      }
      this.rateLimitPerMinute = requests;
      return this;
    }

    /** The clock behind {@code created}/{@code expires}; fix it for reproducible responses. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** See {@link StubServerConfig#DEFAULT_REQUEST_DEADLINE}. */
    public Builder requestDeadline(Duration deadline) {
      if (deadline.isNegative() || deadline.isZero()) {
        throw new IllegalArgumentException("requestDeadline must be positive, got " + deadline);
      }
      this.requestDeadline = deadline;
      return this;
    }

    public StubServerConfig build() {
      return new StubServerConfig(this);
    }
  }
}
