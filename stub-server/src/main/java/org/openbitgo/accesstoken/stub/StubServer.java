package org.openbitgo.accesstoken.stub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.validation.ValidationFeature;

/**
 * A running stub server: the in-memory reference implementation of the contract, served over
 * HTTP by Jersey on Grizzly. Start one in a test with
 *
 * <pre>{@code
 * try (StubServer server = StubServer.start(StubServerConfig.builder().port(0).build())) {
 *   server.acceptToken("my-test-token");           // a provider state: this bearer token is valid
 *   URI endpoint = server.endpointUri();           // http://127.0.0.1:<port>/api/v2/user/accesstoken
 * }
 * }</pre>
 *
 * The hooks ({@link #acceptToken}, {@link #revokeToken}, {@link #revokeAllTokens}, {@link
 * #reset}) take effect for the next request; they are thread-safe.
 */
public final class StubServer implements AutoCloseable {

  /** The one operation's path, relative to {@link #baseUri()}. */
  public static final String ACCESS_TOKEN_PATH = "api/v2/user/accesstoken";

  private final StubServerConfig config;
  private final HttpServer httpServer;
  private final BearerTokenRegistry registry;
  private final InMemoryAccessTokenStore store;
  private final List<String> initialTokens;
  private final URI baseUri;

  private StubServer(
      StubServerConfig config,
      HttpServer httpServer,
      BearerTokenRegistry registry,
      InMemoryAccessTokenStore store,
      List<String> initialTokens) {
    this.config = config;
    this.httpServer = httpServer;
    this.registry = registry;
    this.store = store;
    this.initialTokens = List.copyOf(initialTokens);
    NetworkListener listener = httpServer.getListeners().iterator().next();
    this.baseUri = URI.create("http://" + uriHost(config.host()) + ":" + listener.getPort() + "/");
  }

  /**
   * Binds and starts a server. With no accepted tokens in {@code config}, one is generated (see
   * {@link #initialTokens()}).
   */
  public static StubServer start(StubServerConfig config) {
    quietenJulLoggers();
    BearerTokenRegistry registry = new BearerTokenRegistry();
    List<String> initialTokens = new ArrayList<>(config.acceptedTokens());
    if (initialTokens.isEmpty()) {
      initialTokens.add(Secrets.newTokenSecret());
    }
    initialTokens.forEach(registry::accept);
    InMemoryAccessTokenStore store = new InMemoryAccessTokenStore(config.maxStoredTokens());

    ResourceConfig application = application(config, registry, store);
    URI bindUri = URI.create("http://" + uriHost(config.host()) + ":" + config.port() + "/");
    HttpServer httpServer = GrizzlyHttpServerFactory.createHttpServer(bindUri, application, false);
    httpServer
        .getListeners()
        .forEach(
            listener -> {
              listener.registerAddOn(new UpgradeIgnoringAddOn());
              // Grizzly closes a keep-alive connection after 256 requests by default; load tests and
              // long-lived clients would pay a reconnect for nothing.
              listener.getKeepAlive().setMaxRequestsCount(-1);
            });
    try {
      httpServer.start();
    } catch (IOException e) {
      httpServer.shutdownNow();
      throw new UncheckedIOException(
          "could not listen on " + config.host() + ":" + config.port(), e);
    }
    return new StubServer(config, httpServer, registry, store, initialTokens);
  }

  private static ResourceConfig application(
      StubServerConfig config, BearerTokenRegistry registry, InMemoryAccessTokenStore store) {
    ResourceConfig application = new ResourceConfig();
    // Only what is registered here runs: no feature sneaks in from the classpath (Jersey would
    // otherwise auto-register Jackson's exception mappers, which answer in their own format).
    application.property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
    application.property(CommonProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
    application.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    application.property(ServerProperties.BV_SEND_ERROR_IN_RESPONSE, false);
    application.register(JacksonFeature.withoutExceptionMappers());
    application.register(new ContractObjectMapperProvider());
    application.register(ValidationFeature.class);

    application.register(new RequestIntakeFilter(config.maxRequestBodyBytes()));
    application.register(
        new BearerAuthFilter(
            registry,
            store,
            new FixedWindowRateLimiter(config.rateLimitPerMinute(), config.clock()),
            config.clock()));
    application.register(new ResponseFinishingFilter());
    application.register(new AccessLogListener());
    ErrorMappers.all().forEach(application::register);

    application.register(
        new AccessTokenResource(
            new CreateAccessTokenRules(config.environment()),
            new AccessTokenIssuer(config.environment(), store, config.clock())));
    return application;
  }

  /** Root of the server, e.g. {@code http://127.0.0.1:8080/}. */
  public URI baseUri() {
    return baseUri;
  }

  /** The Create access token endpoint, e.g. {@code http://127.0.0.1:8080/api/v2/user/accesstoken}. */
  public URI endpointUri() {
    return baseUri.resolve(ACCESS_TOKEN_PATH);
  }

  /** The bound port (the free port chosen when the config asked for 0). */
  public int port() {
    return baseUri.getPort();
  }

  public StubEnvironment environment() {
    return config.environment();
  }

  /** The bearer tokens accepted at start: the configured ones, or the one generated. */
  public List<String> initialTokens() {
    return initialTokens;
  }

  /** Accepts {@code token} as {@code Authorization: Bearer <token>} from now on. */
  public void acceptToken(String token) {
    registry.accept(token);
  }

  /** Stops accepting {@code token} (tokens created through the API stay valid until reset). */
  public void revokeToken(String token) {
    registry.revoke(token);
  }

  /** Accepts no configured bearer token any more: every request gets 401 until one is accepted. */
  public void revokeAllTokens() {
    registry.revokeAll();
  }

  /** Back to the state after start: only {@link #initialTokens()} accepted, the store empty. */
  public void reset() {
    registry.revokeAll();
    initialTokens.forEach(registry::accept);
    store.clear();
  }

  /** The created tokens (hashes of their secrets only), for assertions in tests. */
  public InMemoryAccessTokenStore store() {
    return store;
  }

  /** Stops accepting connections, lets running requests finish (up to two seconds), and stops. */
  @Override
  public void close() {
    try {
      httpServer.shutdown(2, TimeUnit.SECONDS).get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      httpServer.shutdownNow();
    } catch (ExecutionException | TimeoutException e) {
      httpServer.shutdownNow();
    }
  }

  private static String uriHost(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /**
   * Grizzly and Jersey log through java.util.logging; their INFO chatter (and Jersey's warnings
   * about the generated interface's annotations) would drown the one-line-per-request log.
   */
  private static void quietenJulLoggers() {
    for (java.util.logging.Logger logger : QUIETENED_JUL_LOGGERS) {
      logger.setLevel(Level.SEVERE);
    }
  }

  /** Held strongly: java.util.logging forgets the level of a logger that is garbage collected. */
  private static final List<java.util.logging.Logger> QUIETENED_JUL_LOGGERS =
      List.of(
          java.util.logging.Logger.getLogger("org.glassfish"),
          java.util.logging.Logger.getLogger("org.hibernate.validator"));
}
