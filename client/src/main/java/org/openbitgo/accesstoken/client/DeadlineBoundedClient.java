package org.openbitgo.accesstoken.client;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.DefaultConnectionKeepAliveStrategy;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.ConnectionEndpoint;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.impl.DefaultConnectionReuseStrategy;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.protocol.HttpProcessor;
import org.apache.hc.core5.http.protocol.HttpProcessorBuilder;
import org.apache.hc.core5.http.protocol.RequestContent;
import org.apache.hc.core5.http.protocol.RequestTargetHost;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Feign's transport: blocking HTTP/1.1 over Apache HttpClient 5's connection pool, on the caller's
 * thread, bounded as a whole. Each attempt, from connecting to the last byte of the body, ends by
 * the call's deadline; an answer that stalls ends once the read timeout passes without a byte; a
 * body larger than {@link #MAX_BODY_BYTES} is refused.
 *
 * <p>Why not the JDK's {@code HttpClient}, which this replaced: it hands every exchange between the
 * caller and its selector thread, and on a small machine those hand-offs cost more than the rest of
 * a call (a plain JDK client made a third of the calls a blocking socket made against the stub;
 * benchmarks/README.md). Why only HttpClient 5's pool and HTTP/1.1 codec, not its {@code
 * CloseableHttpClient}: its execution chain would retry, redirect, keep cookies and inflate bodies,
 * all of which this client must not do, and its timeouts bound each read, not the call.
 *
 * <p>No thread of its own: connecting, writing and reading happen on the caller's thread, and the
 * pool starts none, so nothing outlives the last call. Each plain socket is a {@link
 * CallBoundSocket}: every connect and every read on it (the TLS handshake's included) also ends by
 * the call's deadline. Before each request the connection is peeked at, without waiting: bytes the
 * peer sent unasked would otherwise be read as the answer. HttpClient 5's header and wire logs,
 * which would print the {@code Authorization} header at DEBUG, are never written.
 *
 * <p>Every failure leaves as an {@link IOException} (so Feign's retryer sees it) whose message and
 * causes have the call's secrets redacted: a parser quotes a peer's invalid status line or header
 * verbatim.
 */
final class DeadlineBoundedClient implements Client, AutoCloseable {

  /** Access token answers are a few kilobytes; anything this large is not BitGo's API talking. */
  static final int MAX_BODY_BYTES = 1 << 20;

  /** Headers the transport sets itself from the request; a caller's would contradict them. */
  private static final Set<String> SET_BY_THE_TRANSPORT =
      new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

  static {
    SET_BY_THE_TRANSPORT.addAll(
        List.of("Connection", "Content-Length", "Expect", "Host", "Transfer-Encoding", "Upgrade"));
  }

  /** Sets {@code Host} and {@code Content-Length}; nothing else is added to a request. */
  private static final HttpProcessor REQUEST_HEADERS =
      HttpProcessorBuilder.create().add(new RequestTargetHost()).add(new RequestContent()).build();

  private static final HttpRequestExecutor EXCHANGE = new HttpRequestExecutor();

  private final PoolingHttpClientConnectionManager connections;
  private final CallScope calls;

  /** The last URL sent and its parsed form: every create and every first page share one URL. */
  private volatile ParsedUrl lastUrl;

  private record ParsedUrl(String text, HttpRoute route, HttpHost host, String pathAndQuery) {}

  DeadlineBoundedClient(CallScope calls) {
    this.calls = calls;
    this.connections =
        new CallBoundPool(calls)
            .setConnectionFactory(new QuietConnections())
            // the JDK's HttpClient had no limit; past this, callers wait (within their deadline)
            .setMaxConnTotal(MAX_CONNECTIONS)
            .setMaxConnPerRoute(MAX_CONNECTIONS)
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    // idle this long, a connection is checked before reuse: the peer may be gone
                    .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                    .build())
            .build();
  }

  private static final int MAX_CONNECTIONS = 256;

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    if (calls.passed()) {
      throw new HttpTimeoutException(calls.describe() + " passed before this attempt");
    }
    Duration readTimeout = Duration.ofMillis(options.readTimeoutMillis());
    ParsedUrl url;
    try {
      url = parsed(request.url());
    } catch (RuntimeException refused) {
      throw redacted(refused);
    }
    while (true) {
      Leased leased = connected(url.route(), options, readTimeout);
      try {
        return exchange(leased, request, url, readTimeout);
      } catch (UnsolicitedBytes dropped) {
        // a pooled connection the peer wrote to unasked: nothing was sent on it, and it is closed
        // now, so the next lease cannot return it (a new connection is never retried this way)
      }
    }
  }

  /** A connected endpoint, and whether the pool had it from an earlier call. */
  private record Leased(ConnectionEndpoint endpoint, boolean reused) {}

  /** One request and its whole answer on a connected endpoint, which is released or dropped. */
  private Response exchange(Leased leased, Request request, ParsedUrl url, Duration readTimeout)
      throws IOException {
    ConnectionEndpoint endpoint = leased.endpoint();
    boolean keptForReuse = false;
    boolean headersIn = false;
    try {
      // a new request each time: sending one adds its Host and Content-Length headers
      ClassicHttpRequest httpRequest = toHttpRequest(request, url);
      endpoint.setSocketTimeout(Timeout.ofMilliseconds(Math.max(1, readTimeout.toMillis())));
      HttpClientContext context = HttpClientContext.create();
      REQUEST_HEADERS.process(httpRequest, httpRequest.getEntity(), context);
      ClassicHttpResponse answer =
          endpoint.execute(
              "call",
              httpRequest,
              (outgoing, connection, exchangeContext) -> {
                // Bytes the peer sent unasked (after an earlier answer's body, while the connection
                // was idle, or on connecting) would be read as this answer: the connection is
                // dropped unused. Every connection is ours (QuietConnections).
                if (((QuietConnection) connection).holdsUnreadBytes(leased.reused())) {
                  if (leased.reused()) {
                    throw new UnsolicitedBytes();
                  }
                  throw new ConnectException(
                      "the server sent bytes before any request: nothing was sent");
                }
                if (calls.passed()) {
                  throw notSent("before the request was sent", null);
                }
                return EXCHANGE.execute(outgoing, connection, exchangeContext);
              },
              context);
      headersIn = true;
      byte[] body = bodyOf(answer.getEntity());
      Response response =
          Response.builder()
              .status(answer.getCode())
              .protocolVersion(Request.ProtocolVersion.HTTP_1_1)
              .headers(headersOf(answer))
              .body(body)
              .request(request)
              .build();
      if (DefaultConnectionReuseStrategy.INSTANCE.keepAlive(httpRequest, answer, context)) {
        connections.release(
            endpoint,
            null,
            DefaultConnectionKeepAliveStrategy.INSTANCE.getKeepAliveDuration(answer, context));
        keptForReuse = true;
      }
      return response;
    } catch (UnsolicitedBytes dropped) {
      throw dropped;
    } catch (SocketTimeoutException timedOut) {
      if (calls.passed()) {
        throw passedBeforeComplete();
      }
      throw headersIn ? bodyStalled(readTimeout) : noAnswer(readTimeout);
    } catch (IOException | HttpException | RuntimeException failed) {
      throw redacted(failed);
    } finally {
      if (!keptForReuse) {
        drop(endpoint); // a failed or unfinished exchange leaves the connection in doubt
      }
    }
  }

  private void drop(ConnectionEndpoint endpoint) {
    endpoint.close(CloseMode.IMMEDIATE);
    connections.release(endpoint, null, TimeValue.ZERO_MILLISECONDS);
  }

  /** A pooled connection that held bytes nobody asked for: dropped before anything was sent. */
  private static final class UnsolicitedBytes extends IOException {
    UnsolicitedBytes() {
      super("the pooled connection held bytes nobody asked for");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this; // never leaves this class: a stack trace would only cost
    }
  }

  /**
   * A pooled connection to the route, connected within the first of the connect timeout, the read
   * timeout and the call's deadline. Any failure here means nothing was sent.
   */
  private Leased connected(HttpRoute route, Request.Options options, Duration readTimeout)
      throws IOException {
    Timeout leaseWait = positive(calls.remaining());
    ConnectionEndpoint endpoint;
    try {
      endpoint = connections.lease("call", route, leaseWait, null).get(leaseWait);
    } catch (TimeoutException poolExhausted) {
      throw notSent("before one of the " + MAX_CONNECTIONS + " connections was free", null);
    } catch (IllegalStateException poolClosed) {
      // close() ran while this call was under way (a retry, say): the retryer stops here
      throw new ClientClosedException();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a connection");
    } catch (ExecutionException failed) {
      throw redacted(failed.getCause() == null ? failed : failed.getCause());
    }
    if (endpoint.isConnected()) {
      return new Leased(endpoint, true);
    }
    Duration connectTimeout = Duration.ofMillis(options.connectTimeoutMillis());
    Duration bound = min(min(connectTimeout, readTimeout), calls.remaining());
    try {
      connections.connect(endpoint, positive(bound), HttpClientContext.create());
      return new Leased(endpoint, false);
    } catch (IOException | RuntimeException failed) {
      drop(endpoint);
      throw connectFailed(failed);
    }
  }

  /** Thrown when {@link #close()} ends a call under way; the retryer does not retry it. */
  static final class ClientClosedException extends IOException {
    ClientClosedException() {
      super("the client was closed while this call was under way");
    }
  }

  /** A failure to connect, as the retryer reads it: a connect timeout or refusal is "not sent". */
  private IOException connectFailed(Exception failed) {
    if (calls.passed()) {
      return notSent("before the request body was sent: no connection", failed);
    }
    // a socket's own timeout, or HttpClient 5's ConnectTimeoutException: both interrupted I/O
    if (failed instanceof InterruptedIOException) {
      HttpConnectTimeoutException timedOut =
          new HttpConnectTimeoutException("HTTP connect timed out");
      timedOut.initCause(redacted(failed));
      return timedOut;
    }
    if (failed instanceof ConnectException) {
      return redacted(failed);
    }
    // anything else while connecting (a name not resolved, a certificate refused, a handshake cut,
    // a
    // socket error before the first byte) sent nothing either
    ConnectException notConnected =
        new ConnectException(
            failed instanceof UnknownHostException
                ? "the host name could not be resolved"
                : failed instanceof SSLException
                    ? "the TLS handshake failed"
                    : "could not connect");
    notConnected.initCause(redacted(failed));
    return notConnected;
  }

  /**
   * The call deadline passed {@code when}: BitGo cannot have acted on a request never sent, so it
   * is reported as a connect timeout, which the retryer may try again.
   */
  private IOException notSent(String when, Throwable failed) {
    HttpConnectTimeoutException notSent =
        new HttpConnectTimeoutException(calls.describe() + " passed " + when);
    if (failed != null) {
      notSent.initCause(redacted(failed));
    }
    return notSent;
  }

  /**
   * The whole body, read on the caller's thread; each read is bounded by the read timeout and by
   * the call's deadline (see {@link CallBoundSocket}).
   */
  private static byte[] bodyOf(HttpEntity entity) throws IOException {
    if (entity == null) {
      return new byte[0];
    }
    long declared = entity.getContentLength();
    if (declared > MAX_BODY_BYTES) {
      throw new IOException("response body exceeds " + MAX_BODY_BYTES + " bytes");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
    byte[] chunk = new byte[8192];
    InputStream in = entity.getContent();
    for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
      if (bytes.size() + read > MAX_BODY_BYTES) {
        throw new IOException("response body exceeds " + MAX_BODY_BYTES + " bytes");
      }
      bytes.write(chunk, 0, read);
    }
    return bytes.toByteArray();
  }

  private static Map<String, Collection<String>> headersOf(ClassicHttpResponse answer) {
    // Feign copies these into its own case-insensitive map
    Map<String, Collection<String>> headers = new LinkedHashMap<>();
    for (Header header : answer.getHeaders()) {
      headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
    }
    return headers;
  }

  /** Closes every pooled connection; later calls are refused. */
  @Override
  public void close() {
    calls.close();
    connections.close(CloseMode.IMMEDIATE);
  }

  private HttpTimeoutException passedBeforeComplete() {
    return new HttpTimeoutException(calls.describe() + " passed before the answer was complete");
  }

  private static HttpTimeoutException noAnswer(Duration readTimeout) {
    return new HttpTimeoutException(
        "read timeout of " + readTimeout.toMillis() + " ms passed without an answer");
  }

  private static HttpTimeoutException bodyStalled(Duration readTimeout) {
    return new HttpTimeoutException(
        "read timeout of "
            + readTimeout.toMillis()
            + " ms passed without a byte of the body: the peer stalled mid-answer");
  }

  private static ClassicHttpRequest toHttpRequest(Request request, ParsedUrl url) {
    BasicClassicHttpRequest httpRequest =
        new BasicClassicHttpRequest(request.httpMethod().name(), url.host(), url.pathAndQuery());
    boolean accept = false;
    for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
      String name = header.getKey();
      if (!SET_BY_THE_TRANSPORT.contains(name)) {
        accept |= name.equalsIgnoreCase("Accept");
        for (String value : header.getValue()) {
          httpRequest.addHeader(name, value);
        }
      }
    }
    if (!accept) {
      httpRequest.addHeader("Accept", "*/*");
    }
    byte[] body = request.body();
    if (body != null || request.httpMethod().isWithBody()) {
      // the content type is the caller's header, not the entity's
      httpRequest.setEntity(new ByteArrayEntity(body == null ? new byte[0] : body, null));
    }
    return httpRequest;
  }

  /** Parsing a URL took a tenth of the transport's own time per call: the last one is kept. */
  private ParsedUrl parsed(String url) {
    ParsedUrl last = lastUrl;
    if (last != null && last.text().equals(url)) {
      return last;
    }
    URI uri = URI.create(url);
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
    HttpHost host = new HttpHost(uri.getScheme(), uri.getHost(), port);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery();
    ParsedUrl parsed =
        new ParsedUrl(
            url, new HttpRoute(host, null, https), host, query == null ? path : path + "?" + query);
    lastUrl = parsed;
    return parsed;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** At least a millisecond: a socket timeout of 0 would mean none at all. */
  private static Timeout positive(Duration duration) {
    return Timeout.ofMilliseconds(Math.max(1, ceilMillis(duration.toNanos())));
  }

  private static long ceilMillis(long nanos) {
    return (nanos + 999_999) / 1_000_000;
  }

  /**
   * The failure as an {@link IOException} with the call's secrets gone from its message and its
   * causes'. An exception with nothing to redact is kept as it is, type and all; otherwise each one
   * in the chain is copied with its redacted message, as the same type for the JDK's I/O exceptions
   * the retryer and callers tell apart, as an {@link IOException} naming the original type for any
   * other (HttpClient 5's parser exceptions, which quote what the peer sent).
   */
  private IOException redacted(Throwable failure) {
    SecretRedactor secrets = calls.secrets();
    if (failure instanceof IOException io && !holdsSecret(io, secrets)) {
      return io;
    }
    Throwable copy = redactedCopy(failure, secrets, 0);
    return copy instanceof IOException io
        ? io
        : new IOException("unusable answer (" + copy + ")", copy);
  }

  private static boolean holdsSecret(Throwable failure, SecretRedactor secrets) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage();
      if (message != null && !message.equals(secrets.redact(message))) {
        return true;
      }
    }
    return false;
  }

  private static Throwable redactedCopy(Throwable original, SecretRedactor secrets, int depth) {
    String message = secrets.redact(original.getMessage());
    Throwable copy = sameTypeWith(original, message);
    copy.setStackTrace(original.getStackTrace());
    Throwable cause = original.getCause();
    if (cause != null && cause != original && depth < 8) {
      copy.initCause(redactedCopy(cause, secrets, depth + 1));
    }
    return copy;
  }

  /** Most specific type first: each is a subtype of the ones below it. */
  private static Throwable sameTypeWith(Throwable original, String message) {
    if (original instanceof ConnectException) {
      return new ConnectException(message);
    } else if (original instanceof ProtocolException) {
      return new ProtocolException(message);
    } else if (original instanceof EOFException) {
      return new EOFException(message);
    } else if (original instanceof InterruptedIOException) {
      return new InterruptedIOException(message);
    }
    return new IOException(original.getClass().getName() + ": " + message);
  }

  /**
   * HttpClient 5's HTTP/1.1 connections without its header and wire logs (which print every header,
   * {@code Authorization} included, at DEBUG) and with limits on what a peer may send.
   */
  private static final class QuietConnections
      implements HttpConnectionFactory<ManagedHttpClientConnection> {
    private static final Http1Config LIMITS =
        Http1Config.custom().setMaxLineLength(32 * 1024).setMaxHeaderCount(256).build();
    private static final AtomicLong COUNT = new AtomicLong();

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
      QuietConnection connection = new QuietConnection("bitgo-" + COUNT.incrementAndGet());
      if (socket != null) {
        connection.bind(socket);
      }
      return connection;
    }
  }

  private static final class QuietConnection extends DefaultManagedHttpClientConnection {
    /** The plain socket under this connection (under TLS too). */
    private CallBoundSocket socket;

    QuietConnection(String id) {
      super(id, null, null, QuietConnections.LIMITS, null, null, null, null);
    }

    @Override
    public void bind(Socket socket) throws IOException {
      this.socket = (CallBoundSocket) socket; // CallBoundPool's operator makes every plain socket
      bind(new SocketHolder(socket)); // not HttpClient 5's wire-logging holder
    }

    @Override
    public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
      this.socket = (CallBoundSocket) socket;
      bind(new SocketHolder(sslSocket, socket));
    }

    /**
     * Whether the peer has sent bytes nobody asked for: left after an answer's body, written while
     * the connection was idle, or sent on connecting. Never waits. Under TLS an incomplete record
     * gives no data yet, but on a {@code reused} connection its bytes came unasked all the same (on
     * a new TLS 1.3 connection, session tickets legitimately do).
     */
    boolean holdsUnreadBytes(boolean reused) throws IOException {
      socket.peekedBytes = 0;
      socket.peeking = true;
      try {
        return isDataAvailable(Timeout.ONE_MILLISECOND) || (reused && socket.peekedBytes > 0);
      } finally {
        socket.peeking = false;
      }
    }

    @Override
    protected void onRequestSubmitted(ClassicHttpRequest request) {
      // not logged: the headers hold the bearer token
    }

    @Override
    protected void onResponseReceived(ClassicHttpResponse response) {
      // not logged: a hostile peer may echo secrets in headers
    }
  }

  /** The connection pool, whose plain sockets are {@link CallBoundSocket}s. */
  private static final class CallBoundPool extends PoolingHttpClientConnectionManagerBuilder {
    private final CallScope calls;

    CallBoundPool(CallScope calls) {
      this.calls = calls;
    }

    @Override
    protected HttpClientConnectionOperator createConnectionOperator(
        SchemePortResolver ports, DnsResolver dns, TlsSocketStrategy tls) {
      return new DefaultHttpClientConnectionOperator(
          proxy -> new CallBoundSocket(calls),
          ports,
          dns,
          RegistryBuilder.<TlsSocketStrategy>create()
              .register(
                  URIScheme.HTTPS.id, tls != null ? tls : DefaultClientTlsStrategy.createDefault())
              .build());
    }
  }

  /**
   * A socket bounded by the call its thread is making: each connect (one per address of the host)
   * and each read (the TLS handshake's, the headers', the body's) waits at most what is left of the
   * call's deadline, besides its own timeout.
   */
  private static final class CallBoundSocket extends Socket {
    /** The client's calls: the one under way on the caller's thread bounds this socket. */
    private final CallScope calls;

    /** Set while a connection only checks for unread bytes: a read then never waits. */
    boolean peeking;

    /** The bytes read from the network during the last peek. */
    long peekedBytes;

    private InputStream input;

    CallBoundSocket(CallScope calls) {
      this.calls = calls;
    }

    @Override
    public void connect(SocketAddress address, int timeout) throws IOException {
      long left = leftMillis(calls);
      super.connect(address, timeout == 0 ? (int) left : (int) Math.min(timeout, left));
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
      if (input == null) {
        input = new CallBoundInput(super.getInputStream(), this);
      }
      return input;
    }
  }

  /** Milliseconds left of the call, at least 1; a timeout if none are. */
  private static long leftMillis(CallScope call) throws SocketTimeoutException {
    long left = call.remaining().toNanos();
    if (left <= 0) {
      throw new SocketTimeoutException("the call deadline passed");
    }
    return Math.min(Integer.MAX_VALUE, ceilMillis(left));
  }

  /** Thrown on every call's peek at an idle connection: without a stack trace, it costs nothing. */
  private static final class NothingUnread extends SocketTimeoutException {
    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  private static final class CallBoundInput extends FilterInputStream {
    private final CallBoundSocket socket;

    CallBoundInput(InputStream in, CallBoundSocket socket) {
      super(in);
      this.socket = socket;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (socket.peeking) {
        if (in.available() <= 0) {
          throw new NothingUnread(); // the peek reads a timeout as "no data"
        }
        int read = in.read(buffer, offset, length); // bytes are there: it cannot wait
        socket.peekedBytes += Math.max(0, read);
        return read;
      }
      long left = leftMillis(socket.calls);
      int timeout = socket.getSoTimeout();
      if (timeout != 0 && timeout <= left) {
        return in.read(buffer, offset, length);
      }
      socket.setSoTimeout((int) left);
      try {
        return in.read(buffer, offset, length);
      } finally {
        socket.setSoTimeout(timeout);
      }
    }
  }
}
