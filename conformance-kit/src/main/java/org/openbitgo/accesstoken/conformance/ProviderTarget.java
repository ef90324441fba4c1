package org.openbitgo.accesstoken.conformance;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The provider under test: where it answers, the bearer token it accepts, the environment it
 * imitates and how to set Pact provider states on it. Its {@code toString} never shows the token.
 */
public final class ProviderTarget {

  /**
   * How long one exchange may take, headers and body, unless {@link Builder#requestTimeout} says
   * otherwise: the stub answers in milliseconds, and a provider stalled mid-answer costs the run
   * this long per exchange.
   */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final URI baseUrl;
  private final String token;
  private final String otherUserToken;
  private final Environment environment;
  private final URI stateChangeUrl;
  private final SSLContext sslContext;
  private final Duration requestTimeout;

  private ProviderTarget(Builder builder) {
    this.baseUrl = withTrailingSlash(Objects.requireNonNull(builder.baseUrl, "baseUrl"));
    this.token = Objects.requireNonNull(builder.token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("token must not be blank");
    }
    this.otherUserToken = builder.otherUserToken;
    if (otherUserToken != null && (otherUserToken.isBlank() || otherUserToken.equals(token))) {
      throw new IllegalArgumentException("the other user's token must be another, non-blank token");
    }
    this.environment = builder.environment;
    this.stateChangeUrl = builder.stateChangeUrl;
    this.sslContext = builder.sslContext;
    this.requestTimeout = builder.requestTimeout;
    String scheme = baseUrl.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("baseUrl must be an http or https URL, got " + baseUrl);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The provider's root, ending in {@code /}; operation paths are resolved against it. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The bearer token the provider accepts; never printed. */
  public String token() {
    return token;
  }

  /**
   * A bearer token of another user than {@link #token}'s, when given: the checks that one user
   * never sees nor revokes another's tokens need it. Never printed.
   */
  public Optional<String> otherUserToken() {
    return Optional.ofNullable(otherUserToken);
  }

  public Environment environment() {
    return environment;
  }

  /** Pact's state-change endpoint, when the provider serves one. */
  public Optional<URI> stateChangeUrl() {
    return Optional.ofNullable(stateChangeUrl);
  }

  /** Trust for https (e.g. a custom CA); empty for the JVM's default trust. */
  public Optional<SSLContext> sslContext() {
    return Optional.ofNullable(sslContext);
  }

  /** How long one exchange may take, from sending to the last byte of the answer. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** Host and port for raw-socket checks. */
  int port() {
    int port = baseUrl.getPort();
    return port != -1 ? port : "https".equals(baseUrl.getScheme()) ? 443 : 80;
  }

  @Override
  public String toString() {
    return "ProviderTarget[" + baseUrl + ", " + environment.cliName() + ", token=<redacted>]";
  }

  private static URI withTrailingSlash(URI uri) {
    String text = uri.toString();
    return text.endsWith("/") ? uri : URI.create(text + "/");
  }

  /** Builds a {@link ProviderTarget}; {@code baseUrl} and {@code token} are required. */
  public static final class Builder {
    private URI baseUrl;
    private String token;
    private String otherUserToken;
    private Environment environment = Environment.TEST;
    private URI stateChangeUrl;
    private SSLContext sslContext;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;

    private Builder() {}

    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    public Builder baseUrl(String baseUrl) {
      return baseUrl(URI.create(Objects.requireNonNull(baseUrl, "baseUrl")));
    }

    public Builder token(String token) {
      this.token = Objects.requireNonNull(token, "token");
      return this;
    }

    /** A bearer token of another user (optional; see {@link ProviderTarget#otherUserToken}). */
    public Builder otherUserToken(String otherUserToken) {
      this.otherUserToken = otherUserToken;
      return this;
    }

    public Builder environment(Environment environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    public Builder stateChangeUrl(URI stateChangeUrl) {
      this.stateChangeUrl = stateChangeUrl;
      return this;
    }

    public Builder sslContext(SSLContext sslContext) {
      this.sslContext = sslContext;
      return this;
    }

    public Builder requestTimeout(Duration requestTimeout) {
      if (requestTimeout.isNegative() || requestTimeout.isZero()) {
        throw new IllegalArgumentException("requestTimeout must be positive");
      }
      this.requestTimeout = requestTimeout;
      return this;
    }

    public ProviderTarget build() {
      return new ProviderTarget(this);
    }
  }
}
