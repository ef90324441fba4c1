package org.openbitgo.accesstoken.client;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Feign's transport over {@link HttpClient}, bounded as a whole: each attempt, from sending to the
 * last byte of the body, ends by the call's deadline, and a body larger than {@link
 * #MAX_BODY_BYTES} is refused. Feign's own {@code Http2Client} bounds only the wait for headers (a
 * body that stalls or trickles holds the caller forever), parses {@code Content-Length} itself with
 * an unchecked exception, and inflates compressed bodies nobody asked for.
 *
 * <p>Every failure leaves as an {@link IOException} (so Feign's retryer sees it) whose message and
 * causes have the secrets redacted: the JDK quotes a peer's invalid status line or header verbatim.
 */
final class DeadlineBoundedClient implements Client {

  /** Access token answers are a few kilobytes; anything this large is not BitGo's API talking. */
  static final int MAX_BODY_BYTES = 1 << 20;

  /** Headers the JDK sets itself and refuses from callers. */
  private static final Set<String> SET_BY_THE_JDK = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

  static {
    SET_BY_THE_JDK.addAll(List.of("Connection", "Content-Length", "Expect", "Host", "Upgrade"));
  }

  private final HttpClient http;
  private final CallDeadline deadline;
  private final SecretRedactor redactor;

  DeadlineBoundedClient(HttpClient http, CallDeadline deadline, SecretRedactor redactor) {
    this.http = http;
    this.deadline = deadline;
    this.redactor = redactor;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    Duration remaining = deadline.remaining();
    if (deadline.passed()) {
      throw new HttpTimeoutException(deadline.describe() + " passed before this attempt");
    }
    WatchedBody body = new WatchedBody(request.body());
    HttpRequest httpRequest;
    try {
      httpRequest = toHttpRequest(request, body, options, remaining);
    } catch (RuntimeException refused) {
      throw redacted(refused, request);
    }
    // Sent on the caller's thread: sendAsync would hand every answer to the common pool, which
    // on a 2-core machine is a new thread per call. The JDK's own timeout (at most the time left)
    // bounds the wait for the headers; this timer bounds the body, which may stall after them.
    Attempt attempt = new Attempt();
    CompletableFuture<Void> timer =
        new CompletableFuture<Void>().orTimeout(remaining.toNanos(), TimeUnit.NANOSECONDS);
    timer.whenComplete((none, late) -> attempt.expire(late));
    HttpResponse<byte[]> answer;
    try {
      answer = http.send(httpRequest, attempt);
    } catch (InterruptedException interrupted) {
      attempt.abort(new InterruptedIOException("interrupted"));
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the answer");
    } catch (IOException | RuntimeException failed) {
      // The JDK's request timeout is at most the time left, so either may be the one that fired.
      boolean deadlinePassed = attempt.expired() || deadline.passed();
      boolean timedOut = deadlinePassed || failed instanceof HttpTimeoutException;
      if (failed instanceof HttpConnectTimeoutException || (timedOut && body.neverSent())) {
        throw notSent(failed, request, deadlinePassed);
      }
      if (deadlinePassed) {
        throw passedBeforeComplete();
      }
      throw redacted(failed, request);
    } finally {
      timer.complete(null); // unschedules the timer
    }
    Map<String, Collection<String>> headers = new LinkedHashMap<>();
    answer.headers().map().forEach(headers::put);
    return Response.builder()
        .status(answer.statusCode())
        .protocolVersion(Request.ProtocolVersion.HTTP_1_1)
        .headers(headers)
        .body(answer.body())
        .request(request)
        .build();
  }

  /**
   * A timeout that ended the attempt while connecting, or with the headers only: BitGo cannot have
   * acted on a create without its body, so it is reported as a connect timeout, which the retryer
   * may try again. (The JDK itself reports its request timeout during a connect that way.)
   */
  private IOException notSent(Throwable failed, Request request, boolean deadlinePassed) {
    if (failed instanceof HttpConnectTimeoutException && !deadlinePassed) {
      return redacted(failed, request);
    }
    HttpConnectTimeoutException notSent =
        new HttpConnectTimeoutException(
            (deadlinePassed ? deadline.describe() : "the read timeout")
                + " passed before the request body was sent: no connection, or the headers only");
    notSent.initCause(redacted(failed, request));
    return notSent;
  }

  private HttpTimeoutException passedBeforeComplete() {
    return new HttpTimeoutException(deadline.describe() + " passed before the answer was complete");
  }

  /**
   * One attempt's body handler, which the deadline timer (or an interrupt) can end: the body fails
   * and its subscription is cancelled, which closes the connection.
   */
  private final class Attempt implements HttpResponse.BodyHandler<byte[]> {
    private LimitedBody body;
    private IOException abortedBy;
    private boolean expired;

    @Override
    public synchronized HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
      body = new LimitedBody();
      if (abortedBy != null) {
        body.abort(abortedBy);
      }
      return body;
    }

    /** The timer's end: only a timeout aborts; completing the timer normally means we are done. */
    void expire(Throwable late) {
      if (late instanceof TimeoutException) {
        synchronized (this) {
          expired = true;
        }
        abort(passedBeforeComplete());
      }
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

  private static HttpRequest toHttpRequest(
      Request request, WatchedBody body, Request.Options options, Duration remaining) {
    Duration readTimeout = Duration.ofMillis(options.readTimeoutMillis());
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(request.url()))
            // the JDK's timeout covers the wait for the headers only; the deadline covers the rest
            .timeout(readTimeout.compareTo(remaining) < 0 ? readTimeout : remaining)
            .method(request.httpMethod().name(), body);
    request
        .headers()
        .forEach(
            (name, values) -> {
              if (!SET_BY_THE_JDK.contains(name)) {
                values.forEach(value -> builder.header(name, value));
              }
            });
    if (request.headers().keySet().stream().noneMatch("Accept"::equalsIgnoreCase)) {
      builder.header("Accept", "*/*");
    }
    return builder.build();
  }

  /**
   * The failure as an {@link IOException} with the secrets gone from its message and its causes'.
   * An exception with nothing to redact is kept as it is, type and all; otherwise each one in the
   * chain is copied with its redacted message, as the same type where that type allows it.
   */
  private IOException redacted(Throwable failure, Request request) {
    SecretRedactor secrets = redactor.forRequest(request);
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
    Throwable copy;
    try {
      copy = original.getClass().getConstructor(String.class).newInstance(message);
    } catch (ReflectiveOperationException | RuntimeException noSuchConstructor) {
      copy = new IOException(original.getClass().getName() + ": " + message);
    }
    copy.setStackTrace(original.getStackTrace());
    Throwable cause = original.getCause();
    if (cause != null && cause != original && depth < 8) {
      copy.initCause(redactedCopy(cause, secrets, depth + 1));
    }
    return copy;
  }

  /** Collects the body, giving up (and closing the connection) past {@link #MAX_BODY_BYTES}. */
  private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private volatile Flow.Subscription subscription;

    /** Fails the body and, once subscribed, drops the exchange and its connection. */
    void abort(IOException reason) {
      if (body.completeExceptionally(reason) && subscription != null) {
        subscription.cancel();
      }
    }

    @Override
    public CompletionStage<byte[]> getBody() {
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
