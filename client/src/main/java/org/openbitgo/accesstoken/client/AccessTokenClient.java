package org.openbitgo.accesstoken.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.InvocationHandlerFactory;
import feign.Logger;
import feign.Request;
import feign.RequestInterceptor;
import feign.jackson.JacksonEncoder;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.openbitgo.accesstoken.client.generated.api.AccessTokenApi;
import org.openbitgo.accesstoken.client.generated.model.AccessToken;
import org.openbitgo.accesstoken.client.generated.model.AccessTokenInfo;
import org.openbitgo.accesstoken.client.generated.model.AccessTokenList;
import org.openbitgo.accesstoken.client.generated.model.CreateAccessTokenRequest;
import org.openbitgo.accesstoken.contract.ContractFacts;

/**
 * The entry point: a configured, thread-safe client for BitGo's access token API: create, list and
 * revoke.
 *
 * <pre>{@code
 * AccessTokenClient client = AccessTokenClient.builder()
 *     .environment(BitGoEnvironment.TEST)
 *     .accessToken(System.getenv("BITGO_ACCESS_TOKEN"))
 *     .build();
 * AccessToken created = client.createAccessToken(request);
 * try (Stream<AccessTokenInfo> tokens = client.listAll()) {   // every page, fetched as needed
 *   tokens.filter(t -> t.getLabel().startsWith("ci-")).forEach(t -> client.revoke(t.getId()));
 * }
 * }</pre>
 *
 * <p>{@link #api()} is the generated Feign interface itself, wired with bearer auth, the contract's
 * JSON settings, typed errors, safe retries and redacting logs.
 */
public final class AccessTokenClient implements AutoCloseable {

  private final AccessTokenApi api;
  private final DeadlineBoundedClient transport;
  private final String description;

  private AccessTokenClient(
      AccessTokenApi api, DeadlineBoundedClient transport, String description) {
    this.api = api;
    this.transport = transport;
    this.description = description;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The generated API, for callers who want {@code createAccessTokenWithHttpInfo} (status and
   * headers) or to drive the generated client directly.
   */
  public AccessTokenApi api() {
    return api;
  }

  /**
   * Creates a long-lived access token. The result holds the token's secret ({@code getToken()}),
   * shown only this once.
   *
   * @throws BitGoApiException BitGo answered with a non-2xx status
   * @throws BitGoTransportException no HTTP answer arrived (see {@link
   *     BitGoTransportException#requestMayHaveBeenSent()})
   */
  public AccessToken createAccessToken(CreateAccessTokenRequest request) {
    return api.createAccessToken(Objects.requireNonNull(request, "request"));
  }

  /**
   * One page of the caller's user's unexpired tokens (never their secrets). Most callers want
   * {@link #listAll()}, which pages for them.
   *
   * @param limit at most this many tokens, 1 to 200; null for the server's page size (100)
   * @param prevId null for the first page, else the previous page's {@code getNextBatchPrevId()}
   * @throws BitGoApiException e.g. 400 for a {@code limit} out of range or an unknown cursor
   * @throws BitGoTransportException no HTTP answer arrived, even after the retries a read allows
   */
  public AccessTokenList list(Integer limit, String prevId) {
    return api.listAccessTokens(limit, prevId);
  }

  /**
   * Every unexpired token of the caller's user, fetching pages of the server's size (100) only as
   * the stream is consumed. A token that stays alive while the stream is consumed appears exactly
   * once; one created or revoked meanwhile may or may not. Errors surface while consuming, as
   * {@link BitGoApiException} or {@link BitGoTransportException}.
   */
  public Stream<AccessTokenInfo> listAll() {
    return TokenPages.stream(api, null);
  }

  /** {@link #listAll()}, fetching {@code pageSize} tokens a call (1 to 200). */
  public Stream<AccessTokenInfo> listAll(int pageSize) {
    if (pageSize < 1 || pageSize > TokenPages.MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "pageSize must be from 1 to " + TokenPages.MAX_PAGE_SIZE + ", got " + pageSize);
    }
    return TokenPages.stream(api, pageSize);
  }

  /**
   * Revokes one of the caller's tokens by its public id (its document's {@code getId()}, never its
   * secret). It stops authenticating at once. Revoking a token that is already revoked or expired
   * answers its document again, so retrying is safe (and the client retries a revoke whose answer
   * was lost).
   *
   * @return the revoked token's document, {@code expires} at the time of revocation
   * @throws IllegalArgumentException {@code id} is not 32 lowercase hex digits (nothing is sent;
   *     the message does not show it, in case a secret was passed by mistake)
   * @throws BitGoApiException 404 when no token of the caller's user has this id
   */
  public AccessTokenInfo revoke(String id) {
    if (id == null || !ContractFacts.TOKEN_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "id must be a token's public id, 32 lowercase hex digits (its document's id), not its"
              + " secret");
    }
    return api.revokeAccessToken(id);
  }

  /**
   * Revokes the caller's one unexpired token with this label, as BitGo's SDK does: lists every
   * token, refuses when none or several have the label, then revokes that one by id.
   *
   * @throws LabelNotUniqueException no token, or more than one, has the label; nothing is revoked
   */
  public AccessTokenInfo revokeByLabel(String label) {
    Objects.requireNonNull(label, "label");
    List<String> ids;
    try (Stream<AccessTokenInfo> tokens = listAll(TokenPages.MAX_PAGE_SIZE)) {
      ids = tokens.filter(t -> label.equals(t.getLabel())).map(AccessTokenInfo::getId).toList();
    }
    if (ids.size() != 1) {
      throw new LabelNotUniqueException(label, ids);
    }
    return api.revokeAccessToken(ids.get(0));
  }

  /**
   * Refuses new calls ({@link IllegalStateException}) and releases the HTTP client's pooled
   * connections. The client starts no thread of its own; the JDK's HTTP client has one selector
   * thread (a daemon), which on Java 21+ ends here and on Java 17 once the closed client is
   * garbage-collected. Calls under way finish. Closing twice does nothing more.
   */
  @Override
  public void close() {
    transport.close();
  }

  @Override
  public String toString() {
    return "AccessTokenClient" + description;
  }

  /**
   * Builds an {@link AccessTokenClient}; only the environment (or base URL) and token are required.
   */
  public static final class Builder {

    private URI baseUrl;
    private String accessToken;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofSeconds(60);
    private Logger.Level logLevel = Logger.Level.NONE;
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private boolean allowPlainHttp;
    private RateLimitRetryer.Sleeper sleeper = RateLimitRetryer.Sleeper.SYSTEM;
    private Clock clock = Clock.systemUTC();
    private LongSupplier ticker = System::nanoTime;

    private Builder() {}

    // Where the calls go

    /** The BitGo platform to call. Required unless {@link #baseUrl(String)} is set. */
    public Builder environment(BitGoEnvironment environment) {
      this.baseUrl = Objects.requireNonNull(environment, "environment").baseUrl();
      return this;
    }

    /**
     * Any base URL instead of an environment, e.g. a stub server or a Pact mock server. Plain
     * {@code http} is accepted only for loopback hosts unless {@link #allowPlainHttp(boolean)}.
     */
    public Builder baseUrl(String baseUrl) {
      return baseUrl(URI.create(Objects.requireNonNull(baseUrl, "baseUrl")));
    }

    /** See {@link #baseUrl(String)}. */
    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /**
     * Allows {@code http://} to non-loopback hosts (e.g. a stub server in another container). Off
     * by default: the bearer token would cross the network in clear text.
     */
    public Builder allowPlainHttp(boolean allowPlainHttp) {
      this.allowPlainHttp = allowPlainHttp;
      return this;
    }

    // As whom

    /**
     * The token sent as {@code Authorization: Bearer <token>}. Required; refused here if blank, too
     * short to redact or not RFC 6750 token68 (the message never shows it).
     */
    public Builder accessToken(String accessToken) {
      this.accessToken = validToken(accessToken);
      return this;
    }

    // How long a call may take

    /** Time allowed to open a connection; default 10 s. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = requirePositiveMillis(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * Time allowed without progress once the request is sent: for the response headers to arrive,
     * then between two reads of the body (a body that stalls ends this long after its last byte);
     * default 30 s. A body that keeps coming, however slowly, is bounded by {@link
     * #callTimeout(Duration)} instead.
     */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = requirePositiveMillis(readTimeout, "readTimeout");
      return this;
    }

    /**
     * Time allowed for a whole call, from invocation to the last byte of the answer, retries and
     * the waits between them included; default 60 s. A server that sends headers and then stalls or
     * trickles the body cannot hold a call longer than this; when it passes, the call throws a
     * {@link BitGoTransportException} caused by an {@link java.net.http.HttpTimeoutException}, and
     * a retry whose wait would end after it is not attempted.
     */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = requirePositiveMillis(callTimeout, "callTimeout");
      return this;
    }

    // Retries

    /**
     * Attempts in total for requests that are safe to retry (429; connection refused, or any
     * timeout before the request was sent); default 3. 1 disables retries.
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Backoff between retries when BitGo gives no {@code Retry-After}: {@code initial} (default 500
     * ms), doubled at each retry with jitter, never longer than {@code max} (default 30 s). A
     * {@code Retry-After} longer than {@code max} is not waited for: the 429 is thrown at once and
     * its {@link BitGoApiException#retryAfter()} tells the caller.
     */
    public Builder backoff(Duration initial, Duration max) {
      requirePositiveMillis(initial, "initial backoff");
      if (requirePositiveMillis(max, "max backoff").compareTo(initial) < 0) {
        throw new IllegalArgumentException(
            "max backoff " + max + " is shorter than the initial backoff " + initial);
      }
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    // Logging

    /**
     * How much Feign logs, on SLF4J logger {@code org.openbitgo.accesstoken.client.http} at DEBUG;
     * default {@code NONE}. Secrets are redacted at every level.
     */
    public Builder logLevel(Logger.Level logLevel) {
      this.logLevel = Objects.requireNonNull(logLevel, "logLevel");
      return this;
    }

    // For tests

    /** For tests: observe retry delays instead of sleeping. */
    Builder sleeper(RateLimitRetryer.Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** For tests: the clock against which an HTTP-date {@code Retry-After} is read. */
    Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * For tests: the monotonic time, in nanoseconds, against which the call deadline is measured.
     */
    Builder ticker(LongSupplier ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /**
     * @throws IllegalArgumentException the token is blank or malformed, or the base URL unusable
     * @throws IllegalStateException no environment or base URL was given
     */
    public AccessTokenClient build() {
      String token = validToken(accessToken);
      String url = validBaseUrl(baseUrl, allowPlainHttp);

      ObjectMapper mapper = ClientJson.newObjectMapper();
      CallScope calls = new CallScope(callTimeout, ticker, new SecretRedactor(List.of(token)));
      DeadlineBoundedClient transport = new DeadlineBoundedClient(calls);
      String authorization = "Bearer " + token;
      RequestInterceptor bearerAuth = template -> template.header("Authorization", authorization);

      AccessTokenApi api =
          Feign.builder()
              .client(transport)
              .options(new Request.Options(connectTimeout, readTimeout, false))
              .encoder(new JacksonEncoder(mapper))
              .decoder(new ModelDecoder(mapper))
              .responseInterceptor(new UnreadableAnswerInterceptor())
              .errorDecoder(new PlatformErrorDecoder(mapper, calls, clock))
              .retryer(
                  new RateLimitRetryer(
                      maxAttempts,
                      initialBackoff,
                      maxBackoff,
                      sleeper,
                      () -> ThreadLocalRandom.current().nextDouble(),
                      calls))
              .requestInterceptor(bearerAuth)
              .logger(new RedactingLogger(calls))
              .logLevel(logLevel)
              .invocationHandlerFactory(
                  (target, dispatch) ->
                      calls.around(new InvocationHandlerFactory.Default().create(target, dispatch)))
              .target(AccessTokenApi.class, url);
      return new AccessTokenClient(api, transport, describe(url));
    }

    @Override
    public String toString() {
      return "AccessTokenClient.Builder" + describe(baseUrl == null ? null : baseUrl.toString());
    }

    private String describe(String url) {
      return "[baseUrl="
          + url
          + ", accessToken="
          + (accessToken == null || accessToken.isBlank() ? "<unset>" : SecretRedactor.REDACTED)
          + ", connectTimeout="
          + connectTimeout
          + ", readTimeout="
          + readTimeout
          + ", callTimeout="
          + callTimeout
          + ", logLevel="
          + logLevel
          + ", maxAttempts="
          + maxAttempts
          + ", initialBackoff="
          + initialBackoff
          + ", maxBackoff="
          + maxBackoff
          + "]";
    }

    private static String validToken(String token) {
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException("accessToken must not be blank");
      }
      // The spec's bearer-token rule (x-bearer-token), as the contract's servers check it:
      // anything else would corrupt (or inject into) the Authorization header, and a shorter
      // value could not be told apart from ordinary words when redacting logs. The message never
      // echoes the value.
      if (!ContractFacts.isBearerToken(token)) {
        throw new IllegalArgumentException(
            "accessToken must be " + ContractFacts.bearerTokenRule());
      }
      return token;
    }

    private static String validBaseUrl(URI baseUrl, boolean allowPlainHttp) {
      if (baseUrl == null) {
        throw new IllegalStateException("set environment(...) or baseUrl(...)");
      }
      String scheme =
          baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("https") && !scheme.equals("http")) {
        throw new IllegalArgumentException("baseUrl must be an http(s) URL, got " + baseUrl);
      }
      if (baseUrl.getRawUserInfo() != null) {
        // never echo it: it is a credential
        throw new IllegalArgumentException("baseUrl must not carry user info (user:password@)");
      }
      if (baseUrl.getHost() == null
          || baseUrl.getQuery() != null
          || baseUrl.getFragment() != null) {
        throw new IllegalArgumentException(
            "baseUrl must have a host and no query or fragment, got " + baseUrl);
      }
      if (scheme.equals("http") && !allowPlainHttp && !isLoopback(baseUrl.getHost())) {
        throw new IllegalArgumentException(
            "refusing to send the access token over plain http to "
                + baseUrl.getHost()
                + "; use https, or allowPlainHttp(true) for a trusted network");
      }
      String url = baseUrl.toString();
      return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * By name only: a DNS lookup here could be slow or spoofed. A loopback address must be the
     * whole host: {@code 127.0.0.1.example.com} is not one.
     */
    private static boolean isLoopback(String host) {
      return host.equalsIgnoreCase("localhost")
          || LOOPBACK_IPV4.matcher(host).matches()
          || host.equals("[::1]")
          || host.equals("::1");
    }

    private static final java.util.regex.Pattern LOOPBACK_IPV4 =
        java.util.regex.Pattern.compile("127(\\.\\d{1,3}){3}");

    private static Duration requirePositiveMillis(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.toMillis() < 1 || value.toMillis() > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            name + " must be between 1 ms and ~24 days, got " + value);
      }
      return value;
    }
  }
}
