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
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.DefaultConnectionKeepAliveStrategy;
import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.ConnectionEndpoint;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Http1Config;
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
 * pool starts none, so nothing outlives the last call. HttpClient 5's header and wire logs, which
 * would print the {@code Authorization} header at DEBUG, are never written.
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

  /**
   * The current attempt's deadline on the caller's thread, which is the one reading: the socket's
   * reads are bounded by it as well as by the read timeout, headers included.
   */
  private static final ThreadLocal<CallScope> READING_FOR = new ThreadLocal<>();

  private final PoolingHttpClientConnectionManager connections;
  private final CallScope calls;

  /** The last URL sent and its parsed form: a create or revoke-by-id client sends one URL. */
  private volatile ParsedUrl lastUrl;

  private record ParsedUrl(String text, HttpRoute route, HttpHost host, String pathAndQuery) {}

  DeadlineBoundedClient(CallScope calls) {
    this.calls = calls;
    this.connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setConnectionFactory(new QuietConnections())
            // the JDK's HttpClient had no limit; past this, callers wait (within their deadline)
            .setMaxConnTotal(MAX_CONNECTIONS)
            .setMaxConnPerRoute(MAX_CONNECTIONS)
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    // a connection idle this long is checked before reuse: the peer may have closed
                    // it
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
    ClassicHttpRequest httpRequest;
    try {
      url = parsed(request.url());
      httpRequest = toHttpRequest(request, url);
    } catch (RuntimeException refused) {
      throw redacted(refused);
    }
    ConnectionEndpoint endpoint = connected(url.route(), options, readTimeout);
    boolean released = false;
    boolean headersIn = false;
    READING_FOR.set(calls);
    try {
      endpoint.setSocketTimeout(Timeout.ofMilliseconds(Math.max(1, readTimeout.toMillis())));
      HttpClientContext context = HttpClientContext.create();
      REQUEST_HEADERS.process(httpRequest, httpRequest.getEntity(), context);
      ClassicHttpResponse answer =
          endpoint.execute("call", httpRequest, EXCHANGE::execute, context);
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
        released = true;
      }
      return response;
    } catch (SocketTimeoutException timedOut) {
      if (calls.passed()) {
        throw passedBeforeComplete();
      }
      throw headersIn ? bodyStalled(readTimeout) : noAnswer(readTimeout);
    } catch (IOException | HttpException | RuntimeException failed) {
      throw redacted(failed);
    } finally {
      READING_FOR.remove();
      if (!released) {
        // a failed or unfinished exchange leaves the connection in an unknown state: drop it
        endpoint.close(CloseMode.IMMEDIATE);
        connections.release(endpoint, null, TimeValue.ZERO_MILLISECONDS);
      }
    }
  }

  /**
   * A pooled connection to the route, connected within the first of the connect timeout, the read
   * timeout and the call's deadline. Any failure here means nothing was sent.
   */
  private ConnectionEndpoint connected(
      HttpRoute route, Request.Options options, Duration readTimeout) throws IOException {
    Timeout leaseWait = positive(calls.remaining());
    ConnectionEndpoint endpoint;
    try {
      endpoint = connections.lease("call", route, leaseWait, null).get(leaseWait);
    } catch (TimeoutException poolExhausted) {
      HttpConnectTimeoutException notSent =
          new HttpConnectTimeoutException(
              calls.describe()
                  + " passed before one of the "
                  + MAX_CONNECTIONS
                  + " connections was free: nothing was sent");
      throw notSent;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a connection");
    } catch (ExecutionException failed) {
      throw redacted(failed.getCause() == null ? failed : failed.getCause());
    }
    if (endpoint.isConnected()) {
      return endpoint;
    }
    Duration connectTimeout = Duration.ofMillis(options.connectTimeoutMillis());
    Duration bound = min(min(connectTimeout, readTimeout), calls.remaining());
    try {
      connections.connect(endpoint, positive(bound), HttpClientContext.create());
      return endpoint;
    } catch (IOException | RuntimeException failed) {
      endpoint.close(CloseMode.IMMEDIATE);
      connections.release(endpoint, null, TimeValue.ZERO_MILLISECONDS);
      throw connectFailed(failed);
    }
  }

  /** A failure to connect, as the retryer reads it: a connect timeout or refusal is "not sent". */
  private IOException connectFailed(Exception failed) {
    if (failed instanceof SocketTimeoutException || failed instanceof InterruptedIOException) {
      if (calls.passed()) {
        return notSent(failed);
      }
      HttpConnectTimeoutException timedOut =
          new HttpConnectTimeoutException("HTTP connect timed out");
      timedOut.initCause(redacted(failed));
      return timedOut;
    }
    if (failed instanceof UnknownHostException) {
      ConnectException unresolved = new ConnectException("the host name could not be resolved");
      unresolved.initCause(redacted(failed));
      return unresolved;
    }
    if (failed instanceof ConnectException || failed instanceof SSLException) {
      return redacted(failed);
    }
    // anything else while connecting (a socket error before the first byte) sent nothing either
    ConnectException notConnected = new ConnectException("could not connect");
    notConnected.initCause(redacted(failed));
    return notConnected;
  }

  /**
   * The whole body, read on the caller's thread; each read is bounded by the read timeout and by
   * the call's deadline (see {@link DeadlineBoundedInput}).
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

  /**
   * A timeout that ended the attempt while connecting: BitGo cannot have acted on a request never
   * sent, so it is reported as a connect timeout, which the retryer may try again.
   */
  private IOException notSent(Throwable failed) {
    HttpConnectTimeoutException notSent =
        new HttpConnectTimeoutException(
            calls.describe() + " passed before the request body was sent: no connection");
    notSent.initCause(redacted(failed));
    return notSent;
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
   * in the chain is copied with its redacted message, as the same type for the I/O exceptions the
   * JDK's HTTP client throws, as an {@link IOException} naming the original type for any other.
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
    if (original instanceof HttpConnectTimeoutException) {
      return new HttpConnectTimeoutException(message);
    } else if (original instanceof HttpTimeoutException) {
      return new HttpTimeoutException(message);
    } else if (original instanceof ConnectException) {
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
    QuietConnection(String id) {
      super(id, null, null, QuietConnections.LIMITS, null, null, null, null);
    }

    @Override
    public void bind(Socket socket) throws IOException {
      bind(new DeadlineBoundedSocket(socket));
    }

    @Override
    public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
      bind(new DeadlineBoundedSocket(sslSocket, socket));
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

  /** A socket whose reads also end by the reading call's deadline. */
  private static final class DeadlineBoundedSocket extends SocketHolder {
    DeadlineBoundedSocket(Socket socket) {
      super(socket);
    }

    DeadlineBoundedSocket(SSLSocket sslSocket, Socket socket) {
      super(sslSocket, socket);
    }

    @Override
    protected InputStream getInputStream(Socket socket) throws IOException {
      return new DeadlineBoundedInput(socket.getInputStream(), socket);
    }
  }

  /**
   * Each read waits at most the socket's timeout (the read timeout, or the pool's short stale
   * check) and at most what is left of the reading call's deadline.
   */
  private static final class DeadlineBoundedInput extends FilterInputStream {
    private final Socket socket;

    DeadlineBoundedInput(InputStream in, Socket socket) {
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
      CallScope call = READING_FOR.get();
      if (call == null) {
        return in.read(buffer, offset, length);
      }
      long left = call.remaining().toNanos();
      if (left <= 0) {
        throw new SocketTimeoutException("the call deadline passed");
      }
      int timeout = socket.getSoTimeout();
      long leftMillis = Math.min(Integer.MAX_VALUE, ceilMillis(left));
      if (timeout != 0 && timeout <= leftMillis) {
        return in.read(buffer, offset, length);
      }
      socket.setSoTimeout((int) leftMillis);
      try {
        return in.read(buffer, offset, length);
      } finally {
        socket.setSoTimeout(timeout);
      }
    }
  }
}
