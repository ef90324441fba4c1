package org.openbitgo.accesstoken.stub.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.flow.FlowControlHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * HTTP/1.1 for one server: what every connection shares (the router above it, the JSON writer, the
 * limits) and the handlers each new connection gets. Which operation answers a request is the
 * {@link RequestRouter}'s business; this layer owns the bytes, the framing and the deadlines.
 */
public final class HttpTransport {

  /**
   * Requests decoded ahead of their answers on one connection. While reading is paused (answers
   * waiting to be written), the requests of the last read wait in the {@link FlowControlHandler}:
   * at most one read's bytes, 64 KiB, so at most 4,096 of the shortest request a keep-alive
   * connection answers (16 bytes). Netty's default of 128 closed a pipelining client that reads
   * slowly; this one, with room to spare, is never reached.
   */
  static final int MAX_PIPELINE_DEPTH = 8192;

  /** A keep-alive connection with no traffic for this long is closed. */
  static final int IDLE_SECONDS = 60;

  private final RequestRouter router;
  private final ObjectMapper mapper;
  private final int maxRequestBodyBytes;
  private final Duration requestDeadline;
  private final Predicate<String> knownSecret;
  private final AtomicBoolean stopping = new AtomicBoolean();

  /**
   * @param router decides which operation answers each request
   * @param mapper writes every answer's entity as JSON
   * @param maxRequestBodyBytes a larger body is answered 413 and its connection closed
   * @param requestDeadline how long one request may take to arrive whole (408 after it)
   * @param knownSecret whether a string is a secret of this server (an accepted bearer token, an
   *     issued token's secret), which the access log must not write even where a path holds it
   */
  public HttpTransport(
      RequestRouter router,
      ObjectMapper mapper,
      int maxRequestBodyBytes,
      Duration requestDeadline,
      Predicate<String> knownSecret) {
    // a transport without either would fail on its first request, far from this mistake
    this.router = Objects.requireNonNull(router, "router");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.maxRequestBodyBytes = maxRequestBodyBytes;
    this.requestDeadline = requestDeadline;
    this.knownSecret = Objects.requireNonNull(knownSecret, "knownSecret");
  }

  /** Whether a string is a secret this server knows: the access log never writes one. */
  Predicate<String> knownSecret() {
    return knownSecret;
  }

  /** Sets up a newly accepted connection. */
  public void initChannel(Channel channel) {
    RequestDeadline deadline = new RequestDeadline(requestDeadline);
    channel
        .pipeline()
        .addLast(
            new IdleStateHandler(0, 0, IDLE_SECONDS),
            deadline,
            new HttpServerCodec(
                new HttpDecoderConfig()
                    .setMaxInitialLineLength(HttpRequestRules.MAX_REQUEST_LINE_BYTES)
                    .setMaxHeaderSize(HttpRequestRules.MAX_HEADER_BYTES)
                    .setMaxChunkSize(8192),
                MAX_PIPELINE_DEPTH),
            // while reading is paused (a peer that does not read its answers), the requests
            // already decoded from the last read wait here instead of being answered
            new FlowControlHandler(),
            new HttpExchangeHandler(this, deadline));
  }

  /** From now on every answer closes its connection. */
  public void stop() {
    stopping.set(true);
  }

  /**
   * Stops one connection: closed at once when idle; a request in progress is answered if it arrives
   * whole within {@code grace}, otherwise 503.
   */
  public static void stopConnection(Channel channel, Duration grace) {
    RequestDeadline deadline = channel.pipeline().get(RequestDeadline.class);
    if (deadline != null) {
      channel.eventLoop().execute(() -> deadline.stop(grace));
    }
  }

  RequestRouter router() {
    return router;
  }

  ObjectMapper mapper() {
    return mapper;
  }

  int maxRequestBodyBytes() {
    return maxRequestBodyBytes;
  }

  Duration requestDeadline() {
    return requestDeadline;
  }

  boolean isStopping() {
    return stopping.get();
  }
}
