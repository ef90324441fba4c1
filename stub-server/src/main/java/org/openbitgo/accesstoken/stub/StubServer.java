package org.openbitgo.accesstoken.stub;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openbitgo.accesstoken.contract.ContractFacts;
import org.openbitgo.accesstoken.stub.http.HttpTransport;
import org.openbitgo.accesstoken.stub.http.RequestRouter;
import org.openbitgo.accesstoken.stub.http.Routing;
import org.openbitgo.accesstoken.stub.operations.AccessTokenOperations;
import org.openbitgo.accesstoken.stub.operations.BearerAuth;
import org.openbitgo.accesstoken.stub.operations.OperationRouter;
import org.openbitgo.accesstoken.stub.rules.ContractValidation;
import org.openbitgo.accesstoken.stub.rules.CreateAccessTokenRules;
import org.openbitgo.accesstoken.stub.rules.StrictContractJson;
import org.openbitgo.accesstoken.stub.states.ProviderStateEndpoint;
import org.openbitgo.accesstoken.stub.states.ProviderStates;
import org.openbitgo.accesstoken.stub.store.AccessTokenIssuer;
import org.openbitgo.accesstoken.stub.store.BearerTokenRegistry;
import org.openbitgo.accesstoken.stub.store.FixedWindowRateLimiter;
import org.openbitgo.accesstoken.stub.store.InMemoryAccessTokenStore;
import org.openbitgo.accesstoken.stub.store.Secrets;

/**
 * A running stub server: the in-memory reference implementation of the contract, served over
 * HTTP/1.1 by Netty. Start one in a test with
 *
 * <pre>{@code
 * try (StubServer server = StubServer.start(StubServerConfig.builder().port(0).build())) {
 *   server.acceptToken("my-test-token");           // a provider state: this bearer token is valid
 *   URI endpoint = server.endpointUri();           // http://127.0.0.1:<port>/api/v2/user/accesstoken
 * }
 * }</pre>
 *
 * This class puts the layers together: the HTTP transport ({@code …stub.http}) hands each request
 * to the operations ({@code …stub.operations}), which apply the contract's rules ({@code
 * …stub.rules}) and the provider states ({@code …stub.states}) to the in-memory store ({@code
 * …stub.store}).
 *
 * <p>The hooks ({@link #acceptToken}, {@link #revokeToken}, {@link #revokeAllTokens}, {@link
 * #reset}) take effect for the next request; they are thread-safe.
 */
public final class StubServer implements AutoCloseable {

  /** The one operation's path, relative to {@link #baseUri()}. */
  public static final String ACCESS_TOKEN_PATH = ContractFacts.OPERATION_PATH.substring(1);

  /**
   * Open connections at most: below the process's file-descriptor limit (a peer opening connections
   * it never uses would otherwise exhaust it, and with it every accept), at most 10,000.
   */
  static final int MAX_CONNECTIONS = AcceptFailures.connectionCap(10_000);

  /** How long {@link #close()} waits for the requests in progress before answering them 503. */
  static final Duration STOP_GRACE = Duration.ofSeconds(2);

  private final StubServerConfig config;
  private final HttpTransport transport;
  private final EventLoopGroup acceptor;
  private final EventLoopGroup workers;
  private final Channel listener;

  /** Every open connection, for {@link #close()} to stop them one by one. */
  private final ChannelGroup channels =
      new DefaultChannelGroup("stub-connections", GlobalEventExecutor.INSTANCE);

  private final BearerTokenRegistry registry;
  private final InMemoryAccessTokenStore store;
  private final List<String> initialTokens;
  private final ProviderStates providerStates;
  private final URI baseUri;

  private StubServer(
      StubServerConfig config,
      BearerTokenRegistry registry,
      InMemoryAccessTokenStore store,
      List<String> initialTokens,
      RequestRouter pages) {
    this.config = config;
    this.registry = registry;
    this.store = store;
    this.initialTokens = List.copyOf(initialTokens);
    AccessTokenIssuer issuer =
        new AccessTokenIssuer(config.environment().origin(), store, config.clock());
    this.providerStates = new ProviderStates(registry, issuer, this::reset);
    ObjectMapper mapper = StrictContractJson.newMapper(config.maxRequestBodyBytes());
    this.transport =
        new HttpTransport(
            pagesFirst(pages, router(config, mapper, registry, issuer, providerStates)),
            mapper,
            config.maxRequestBodyBytes(),
            config.requestDeadline(),
            this::isKnownSecret);
    // one thread accepts; one event loop per core reads, answers and writes (no request blocks)
    this.acceptor = new NioEventLoopGroup(1, new DefaultThreadFactory("stub-accept", true));
    this.workers =
        new NioEventLoopGroup(
            Runtime.getRuntime().availableProcessors(),
            new DefaultThreadFactory("stub-http", true));
    io.netty.channel.ChannelFuture bound =
        new ServerBootstrap()
            .group(acceptor, workers)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .handler(new AcceptFailures())
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    if (channels.size() >= MAX_CONNECTIONS) {
                      // past the cap a new connection is closed at once: the descriptors left
                      // keep the server accepting, and the connections it has keep being served
                      AcceptFailures.connectionRefused(MAX_CONNECTIONS);
                      channel.close();
                      return;
                    }
                    channels.add(channel);
                    transport.initChannel(channel);
                  }
                })
            .bind(config.host(), config.port())
            .awaitUninterruptibly();
    if (!bound.isSuccess()) {
      shutDownEventLoops();
      throw new UncheckedIOException(
          "could not listen on " + config.host() + ":" + config.port(),
          bound.cause() instanceof IOException io ? io : new IOException(bound.cause()));
    }
    this.listener = bound.channel();
    int port = ((InetSocketAddress) listener.localAddress()).getPort();
    this.baseUri = URI.create("http://" + uriHost(config.host()) + ":" + port + "/");
  }

  /** The operations this server answers, over the rules and the store, as {@code config} says. */
  private static OperationRouter router(
      StubServerConfig config,
      ObjectMapper mapper,
      BearerTokenRegistry registry,
      AccessTokenIssuer issuer,
      ProviderStates providerStates) {
    InMemoryAccessTokenStore store = issuer.store();
    BearerAuth auth =
        new BearerAuth(
            registry,
            store,
            new FixedWindowRateLimiter(config.rateLimitPerMinute(), config.clock()),
            config.clock());
    AccessTokenOperations operations =
        new AccessTokenOperations(
            ContractValidation.startInBackground(),
            new CreateAccessTokenRules(config.environment() == StubEnvironment.PROD),
            issuer,
            store,
            config.clock());
    // test-only and opt-in: without the option the path does not exist (404)
    ProviderStateEndpoint stateChanges =
        config.providerStatesEndpoint() ? new ProviderStateEndpoint(providerStates) : null;
    return new OperationRouter(auth, operations, mapper, stateChanges);
  }

  /** {@code pages} asked first; its null passes the request on to {@code operations}. */
  private static RequestRouter pagesFirst(RequestRouter pages, RequestRouter operations) {
    if (pages == null) {
      return operations;
    }
    return (request, callerIpv4) -> {
      Routing page = pages.route(request, callerIpv4);
      return page != null ? page : operations.route(request, callerIpv4);
    };
  }

  /**
   * Binds and starts a server. With no accepted tokens in {@code config}, one is generated (see
   * {@link #initialTokens()}).
   */
  public static StubServer start(StubServerConfig config) {
    return start(config, null);
  }

  /**
   * Like {@link #start(StubServerConfig)}, with {@code pages} asked first about every request: the
   * application's own pages (its {@code GET /docs}), outside the contract. A {@link Routing} from
   * it answers the request; null passes the request on to the contract's operations.
   */
  public static StubServer start(StubServerConfig config, RequestRouter pages) {
    BearerTokenRegistry registry = new BearerTokenRegistry();
    List<String> initialTokens = new ArrayList<>(config.acceptedTokens());
    if (initialTokens.isEmpty()) {
      initialTokens.add(Secrets.newTokenSecret());
    }
    initialTokens.forEach(registry::accept);
    return new StubServer(
        config,
        registry,
        new InMemoryAccessTokenStore(config.maxStoredTokens()),
        initialTokens,
        pages);
  }

  /** Root of the server, e.g. {@code http://127.0.0.1:8080/}. */
  public URI baseUri() {
    return baseUri;
  }

  /**
   * The Create access token endpoint, e.g. {@code http://127.0.0.1:8080/api/v2/user/accesstoken}.
   */
  public URI endpointUri() {
    return baseUri.resolve(ACCESS_TOKEN_PATH);
  }

  /** An accepted bearer token, or the secret of a token this server issued and still holds. */
  private boolean isKnownSecret(String candidate) {
    String hash = Secrets.sha256Hex(candidate);
    return registry.userIdOfHash(hash).isPresent() || store.holdsSecretHash(hash);
  }

  /** The bound port (the free port chosen when the config asked for 0). */
  public int port() {
    return baseUri.getPort();
  }

  /** Whether the test-only Pact state-change endpoint is served ({@code --provider-states}). */
  public boolean providerStatesEnabled() {
    return config.providerStatesEndpoint();
  }

  /**
   * Where the test-only Pact state-change endpoint is, e.g. {@code
   * http://127.0.0.1:8080/_pact/provider-states}; served only when {@link
   * #providerStatesEnabled()}.
   */
  public URI providerStatesUri() {
    return baseUri.resolve(ProviderStateEndpoint.PATH);
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

  /**
   * The Pact provider states of this server (the same ones its {@code --provider-states} endpoint
   * applies), for a verification that runs in the same JVM.
   */
  public ProviderStates providerStates() {
    return providerStates;
  }

  /** The created tokens (hashes of their secrets only), for assertions in tests. */
  public InMemoryAccessTokenStore store() {
    return store;
  }

  /**
   * Stops accepting connections and closes idle ones at once. A request in progress is still
   * answered if it arrives whole within {@link #STOP_GRACE}; otherwise it gets a 503 {@code
   * PlatformError}. Every answer from then on closes its connection. Returns once every connection
   * is closed.
   */
  @Override
  public void close() {
    transport.stop();
    listener.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    for (Channel channel : channels) {
      HttpTransport.stopConnection(channel, STOP_GRACE);
    }
    channels.newCloseFuture().awaitUninterruptibly(STOP_GRACE.toMillis() + 1_000);
    shutDownEventLoops();
  }

  private void shutDownEventLoops() {
    acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    workers
        .shutdownGracefully(100, 2_000, TimeUnit.MILLISECONDS)
        .awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  private static String uriHost(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
