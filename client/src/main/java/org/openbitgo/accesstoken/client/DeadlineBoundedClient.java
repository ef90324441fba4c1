package org.openbitgo.accesstoken.client;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Feign's transport over {@link HttpClient}, bounded as a whole: each attempt, from sending to the
 * last byte of the body, ends by the call's deadline; a body that stalls ends once the read timeout
 * passes without a byte; a body larger than {@link #MAX_BODY_BYTES} is refused. Feign's own {@code
 * Http2Client} bounds only the wait for headers (a body that stalls or trickles holds the caller
 * forever), parses {@code Content-Length} itself with an unchecked exception, and inflates
 * compressed bodies nobody asked for.
 *
 * <p>No thread of its own: the caller's thread, which waits for the answer anyway, is the timer,
 * and the HTTP client runs its completions inline on its selector thread; {@link HttpClient#send},
 * never {@code sendAsync}, which completes every answer on the common pool (a new thread per call
 * on fewer than three cores). So nothing outlives the last call (a {@code CompletableFuture}
 * timeout would start the JDK's shared delay scheduler, a thread that never ends and that {@code
 * mvn exec:java} waits 15 s for).
 *
 * <p>Every failure leaves as an {@link IOException} (so Feign's retryer sees it) whose message and
 * causes have the call's secrets redacted: the JDK quotes a peer's invalid status line or header
 * verbatim.
 */
final class DeadlineBoundedClient implements Client, AutoCloseable {

  /** Access token answers are a few kilobytes; anything this large is not BitGo's API talking. */
  static final int MAX_BODY_BYTES = 1 << 20;

  /** Headers the JDK sets itself and refuses from callers. */
  private static final Set<String> SET_BY_THE_JDK = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

  static {
    SET_BY_THE_JDK.addAll(List.of("Connection", "Content-Length", "Expect", "Host", "Upgrade"));
  }

  private final HttpClient http;
  private final CallScope calls;

  /** The last URL sent and its parsed form: a create or revoke-by-id client sends one URL. */
  private volatile ParsedUrl lastUrl;

  private record ParsedUrl(String text, URI uri) {}

  DeadlineBoundedClient(HttpClient http, CallScope calls) {
    this.http = http;
    this.calls = calls;
  }

  /**
   * An {@link HttpClient} for this transport: HTTP/1.1, no redirects, and completions run inline
   * (no worker pool: the caller waits on its own thread, and nothing here blocks).
   */
  static HttpClient newHttpClient(Duration connectTimeout) {
    return HttpClient.newBuilder()
        // HTTP/1.1: no h2c upgrade headers on plain-HTTP stubs; one call rarely needs more.
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        // Never follow redirects: a POST carrying the bearer token must not be re-sent to
        // wherever a Location header points.
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(Runnable::run)
        .build();
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    Duration remaining = calls.remaining();
    if (calls.passed()) {
      throw new HttpTimeoutException(calls.describe() + " passed before this attempt");
    }
    WatchedBody body = new WatchedBody(request.body());
    Duration readTimeout = Duration.ofMillis(options.readTimeoutMillis());
    HttpRequest httpRequest;
    try {
      httpRequest = toHttpRequest(request, body, readTimeout, remaining);
    } catch (RuntimeException refused) {
      throw redacted(refused);
    }
    Attempt attempt = new Attempt();
    HttpResponse<LimitedBody> answer;
    byte[] bytes;
    try {
      // send, not sendAsync: sendAsync hands every answer to the common pool, which on fewer than
      // three cores is a new thread per call. send returns once the headers are in (the body
      // handler completes at once), and the caller's thread then waits for the body itself.
      answer = http.send(httpRequest, attempt);
      bytes = await(answer.body().bytes(), attempt, readTimeout);
    } catch (InterruptedException interrupted) {
      attempt.abort(new InterruptedIOException("interrupted"));
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the answer");
    } catch (IOException | RuntimeException thrown) {
      Exception failed = unwrapped(thrown);
      // The JDK's request timeout is at most the time left, so either may be the one that fired.
      boolean deadlinePassed = attempt.expired() || calls.passed();
      boolean timedOut = deadlinePassed || failed instanceof HttpTimeoutException;
      if (failed instanceof HttpConnectTimeoutException || (timedOut && body.neverSent())) {
        throw notSent(failed, deadlinePassed);
      }
      if (deadlinePassed) {
        throw passedBeforeComplete();
      }
      throw redacted(failed);
    }
    // Feign copies the headers into its own case-insensitive map
    Map<String, Collection<String>> headers = Collections.unmodifiableMap(answer.headers().map());
    return Response.builder()
        .status(answer.statusCode())
        .protocolVersion(Request.ProtocolVersion.HTTP_1_1)
        .headers(headers)
        .body(bytes)
        .request(request)
        .build();
  }

  /**
   * The failure as the transport raised it: {@link HttpClient#send} wraps an I/O failure of a type
   * it does not rebuild (an {@link EOFException}, a {@link ProtocolException}) in a plain {@link
   * IOException} with the same message.
   */
  private static Exception unwrapped(Exception thrown) {
    if (thrown.getClass() == IOException.class
        && thrown.getCause() instanceof IOException cause
        && Objects.equals(thrown.getMessage(), cause.getMessage())) {
      return cause;
    }
    return thrown;
  }

  /**
   * Waits on the caller's thread for the whole body. The JDK's request timeout (at most the time
   * left) bounds the wait for the headers; once they are in, this wait ends the body when {@code
   * readTimeout} passes without a byte, and the call's deadline bounds everything.
   */
  private byte[] await(CompletableFuture<byte[]> pending, Attempt attempt, Duration readTimeout)
      throws IOException, InterruptedException {
    while (true) {
      long deadlineLeft = calls.remaining().toNanos();
      long idleLeft = attempt.idleLeft(calls.now(), readTimeout.toNanos());
      if (deadlineLeft <= 0 || idleLeft <= 0) {
        IOException reason = deadlineLeft <= 0 ? passedBeforeComplete() : bodyStalled(readTimeout);
        attempt.expire(reason, deadlineLeft <= 0); // drops the exchange and its connection
        throw reason;
      }
      try {
        // at most a read timeout at a time: a byte may come meanwhile, restarting the idle clock
        long wait = Math.min(Math.min(deadlineLeft, idleLeft), readTimeout.toNanos());
        return pending.get(wait, TimeUnit.NANOSECONDS);
      } catch (TimeoutException notYet) {
        // a byte may have come meanwhile: measure again
      } catch (CancellationException cancelled) {
        throw new IOException("the exchange was cancelled", cancelled);
      } catch (ExecutionException failed) {
        Throwable cause = failed.getCause();
        if (cause instanceof IOException io) {
          throw io;
        }
        if (cause instanceof RuntimeException unchecked) {
          throw unchecked;
        }
        if (cause instanceof Error error) {
          throw error;
        }
        throw new IOException(cause);
      }
    }
  }

  /** Closes the HTTP client's connections and its selector thread where the JDK allows it. */
  @Override
  public void close() {
    calls.close();
    // Java 21+: HttpClient is AutoCloseable (its selector thread ends now); on Java 17 that thread,
    // a daemon, ends once the closed client is garbage-collected.
    if (http instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception ignored) {
        // closing is best effort: nothing is left to report it to
      }
    }
  }

  /**
   * A timeout that ended the attempt while connecting, or with the headers only: BitGo cannot have
   * acted on a create without its body, so it is reported as a connect timeout, which the retryer
   * may try again. (The JDK itself reports its request timeout during a connect that way.)
   */
  private IOException notSent(Throwable failed, boolean deadlinePassed) {
    if (failed instanceof HttpConnectTimeoutException && !deadlinePassed) {
      return redacted(failed);
    }
    HttpConnectTimeoutException notSent =
        new HttpConnectTimeoutException(
            (deadlinePassed ? calls.describe() : "the read timeout")
                + " passed before the request body was sent: no connection, or the headers only");
    notSent.initCause(redacted(failed));
    return notSent;
  }

  private HttpTimeoutException passedBeforeComplete() {
    return new HttpTimeoutException(calls.describe() + " passed before the answer was complete");
  }

  private static HttpTimeoutException bodyStalled(Duration readTimeout) {
    return new HttpTimeoutException(
        "read timeout of "
            + readTimeout.toMillis()
            + " ms passed without a byte of the body: the peer stalled mid-answer");
  }

  /**
   * One attempt's body handler, which the caller's wait (or an interrupt) can end: the body fails
   * and its subscription is cancelled, which closes the connection.
   */
  private final class Attempt implements HttpResponse.BodyHandler<LimitedBody> {
    private LimitedBody body;
    private IOException abortedBy;
    private boolean expired;

    @Override
    public synchronized HttpResponse.BodySubscriber<LimitedBody> apply(
        HttpResponse.ResponseInfo info) {
      body = new LimitedBody(calls::now);
      if (abortedBy != null) {
        body.abort(abortedBy);
      }
      return body;
    }

    /**
     * Nanoseconds left before the body counts as stalled; unbounded before it begins (the JDK's
     * request timeout bounds the wait for the headers).
     */
    synchronized long idleLeft(long now, long readTimeoutNanos) {
      return body == null ? Long.MAX_VALUE : body.lastProgress() + readTimeoutNanos - now;
    }

    /** Ends the attempt for a timeout; {@code deadline} says whether it was the call's. */
    void expire(IOException reason, boolean deadline) {
      synchronized (this) {
        expired = deadline;
      }
      abort(reason);
    }

    synchronized void abort(IOException reason) {
      if (abortedBy == null) {
        abortedBy = reason;
      }
      if (body != null) {
        body.abort(abortedBy);
      }
    }

    synchronized boolean expired() {
      return expired;
    }
  }

  /**
   * The request body, watched: the JDK subscribes to it only once a connection is made and the
   * headers are on their way, so a body nobody subscribed to was never sent.
   */
  private static final class WatchedBody implements HttpRequest.BodyPublisher {
    private final HttpRequest.BodyPublisher bytes;
    private final boolean empty;
    private volatile boolean subscribed;

    WatchedBody(byte[] body) {
      // the JDK sends an empty body without subscribing to it: no proof of anything
      this.empty = body == null || body.length == 0;
      this.bytes =
          empty
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(body);
    }

    /** Whether a request with a body certainly did not send it; never true for no body. */
    boolean neverSent() {
      return !empty && !subscribed;
    }

    @Override
    public long contentLength() {
      return bytes.contentLength();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
      subscribed = true;
      bytes.subscribe(subscriber);
    }
  }

  private HttpRequest toHttpRequest(
      Request request, WatchedBody body, Duration readTimeout, Duration remaining) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uriOf(request.url()))
            // the JDK's timeout covers the wait for the headers only; await covers the body
            .timeout(readTimeout.compareTo(remaining) < 0 ? readTimeout : remaining)
            .method(request.httpMethod().name(), body);
    boolean accept = false;
    for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
      String name = header.getKey();
      if (!SET_BY_THE_JDK.contains(name)) {
        accept |= name.equalsIgnoreCase("Accept");
        for (String value : header.getValue()) {
          builder.header(name, value);
        }
      }
    }
    if (!accept) {
      builder.header("Accept", "*/*");
    }
    return builder.build();
  }

  /** Parsing a URL took a tenth of the transport's own time per call: the last one is kept. */
  private URI uriOf(String url) {
    ParsedUrl last = lastUrl;
    if (last != null && last.text().equals(url)) {
      return last.uri();
    }
    URI uri = URI.create(url);
    lastUrl = new ParsedUrl(url, uri);
    return uri;
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
   * Collects the body, giving up (and closing the connection) past {@link #MAX_BODY_BYTES}. It is
   * itself the response's body, ready with the headers, so that {@link HttpClient#send} returns
   * then; its {@link #bytes()} complete with the last byte.
   */
  private static final class LimitedBody implements HttpResponse.BodySubscriber<LimitedBody> {
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final LongSupplier ticker;
    private volatile Flow.Subscription subscription;
    private volatile long lastProgress;

    LimitedBody(LongSupplier ticker) {
      this.ticker = ticker;
      this.lastProgress = ticker.getAsLong();
    }

    /** When the headers, or the last bytes of the body, arrived. */
    long lastProgress() {
      return lastProgress;
    }

    /** Fails the body and, once subscribed, drops the exchange and its connection. */
    void abort(IOException reason) {
      if (body.completeExceptionally(reason) && subscription != null) {
        subscription.cancel();
      }
    }

    @Override
    public CompletionStage<LimitedBody> getBody() {
      return CompletableFuture.completedStage(this);
    }

    /** The whole body; completed on the HTTP client's selector thread. */
    CompletableFuture<byte[]> bytes() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      if (body.isDone()) {
        subscription.cancel(); // aborted before the body began
      } else {
        subscription.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      lastProgress = ticker.getAsLong();
      for (ByteBuffer buffer : buffers) {
        if (body.isDone()) {
          return;
        }
        if (bytes.size() + buffer.remaining() > MAX_BODY_BYTES) {
          subscription.cancel();
          body.completeExceptionally(
              new IOException("response body exceeds " + MAX_BODY_BYTES + " bytes"));
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable failure) {
      body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      body.complete(bytes.toByteArray());
    }
  }
}
