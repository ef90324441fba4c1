package org.openbitgo.accesstoken.stub.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import org.openbitgo.accesstoken.contract.ContractFacts;
import org.openbitgo.accesstoken.server.generated.model.PlatformError;
import org.openbitgo.accesstoken.stub.rules.Answer;
import org.openbitgo.accesstoken.stub.rules.JsonPath;
import org.openbitgo.accesstoken.stub.rules.PlatformErrors;
import org.openbitgo.accesstoken.stub.store.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP/1.1 connection: each request's framing is checked first (size limits, {@code Host}, the
 * target), then the {@link RequestRouter} decides from the headers who answers; the body is
 * collected without holding a thread, and every answer is the contract's JSON. The connection stays
 * open after any answer to a request whose body was read in full; it is closed only when the rest
 * of the bytes cannot be trusted (framing errors, an over-limit body) or the client asked for it.
 */
final class HttpExchangeHandler extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(HttpExchangeHandler.class);

  /** A caller's own request id is reused only if it is short and harmless in a log line. */
  private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** A full create's answer is about 1 KiB; the buffer grows for a longer list. */
  private static final int ANSWER_BUFFER_BYTES = 2048;

  private final HttpTransport transport;
  private final RequestDeadline deadline;

  // the request in progress on this connection
  private HttpRequest head;
  private String requestId;
  private long startedNanos;
  private Routing routing;
  private byte[] body = new byte[0];
  private int bodyLength;
  private boolean closing;

  HttpExchangeHandler(HttpTransport transport, RequestDeadline deadline) {
    this.transport = transport;
    this.deadline = deadline;
  }

  @Override
  public void channelRead(ChannelHandlerContext context, Object message) {
    try {
      if (closing) {
        return; // the answer that closes the connection is on its way: ignore what follows
      }
      if (message instanceof HttpRequest request) {
        begin(context, request);
      }
      if (message instanceof HttpContent content && head != null) {
        if (content.decoderResult().isFailure()) {
          finish(
              context,
              PlatformErrors.invalidRequest(JsonPath.WHOLE_BODY, "the request body is malformed")
                  .thenClose());
          return;
        }
        if (routing.answerNow() == null) {
          append(content.content());
          if (bodyLength > transport.maxRequestBodyBytes()) {
            finish(context, tooLarge());
            return;
          }
        } else {
          // a refused request's body is counted and dropped: past the limit, the refusal is
          // answered now and the connection closed, as for any over-limit body
          bodyLength += content.content().readableBytes();
          if (bodyLength > transport.maxRequestBodyBytes()) {
            finish(context, routing.answerNow().thenClose());
            return;
          }
        }
        if (content instanceof LastHttpContent) {
          finish(
              context,
              routing.answerNow() != null
                  ? routing.answerNow()
                  : routing.afterBody().answer(body, bodyLength));
        }
      }
    } catch (RuntimeException e) {
      // a bug in the stub: logged here, a bare 500 for the caller. The type and where it was
      // thrown only: its message may quote the request (a label, the otp)
      LOG.error(
          "unexpected failure while handling a request: {} at {}",
          e.getClass().getName(),
          e.getStackTrace().length == 0 ? "an unknown place" : e.getStackTrace()[0]);
      if (head != null) {
        finish(context, PlatformErrors.of(500, "internal error", Map.of()).thenClose());
      } else {
        context.close();
      }
    } finally {
      io.netty.util.ReferenceCountUtil.release(message);
    }
  }

  private void begin(ChannelHandlerContext context, HttpRequest request) {
    head = request;
    startedNanos = System.nanoTime();
    String callerRequestId = request.headers().get(ContractFacts.REQUEST_ID_HEADER);
    requestId =
        callerRequestId != null && SAFE_REQUEST_ID.matcher(callerRequestId).matches()
            ? callerRequestId
            : Secrets.randomHex(8);
    bodyLength = 0;
    routing = null;
    if (request.decoderResult().isFailure()) {
      // the request line or headers could not be parsed: nothing after them can be trusted
      finish(context, HttpRequestRules.unparsable(request.decoderResult().cause()).thenClose());
      return;
    }
    Answer refusal = HttpRequestRules.refuseConnection(request);
    if (refusal != null) {
      finish(context, refusal.thenClose());
      return;
    }
    Answer badFraming = checkFraming(request);
    routing =
        badFraming != null
            ? Routing.answer(badFraming)
            : transport.router().route(request, HttpRequestRules.callerIpv4(context));
    Answer refused = routing.answerNow();
    boolean continueExpected = HttpUtil.is100ContinueExpected(request);
    if (refused == null) {
      if (continueExpected) {
        context.writeAndFlush(
            new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
      }
    } else if (refused.closeConnection() || continueExpected) {
      // Decided from the headers, and the body cannot be left to arrive: an over-limit size is
      // not read at all, and a client waiting for 100 Continue gets the final status at once
      // (RFC 9110 section 10.1.1). The body it may still send cannot be told from a next request,
      // so the connection closes.
      finish(context, refused.closeConnection() ? refused : refused.thenClose());
    }
  }

  /** What makes the request unfit for any operation: its size, its headers' count, its target. */
  private Answer checkFraming(HttpRequest request) {
    HttpHeaders headers = request.headers();
    if (HttpUtil.getContentLength(request, -1L) > transport.maxRequestBodyBytes()) {
      return tooLarge();
    }
    if (headers.size() > HttpRequestRules.MAX_HEADER_FIELDS) {
      return PlatformErrors.of(
          431,
          "the request has more than " + HttpRequestRules.MAX_HEADER_FIELDS + " header fields",
          Map.of("limit", HttpRequestRules.MAX_HEADER_FIELDS));
    }
    // RFC 9112 section 3.2: an HTTP/1.1 request has exactly one Host
    if (request.protocolVersion().equals(HttpVersion.HTTP_1_1)
        && headers.getAll(HttpHeaderNames.HOST).size() != 1) {
      return PlatformErrors.of(
          400, "an HTTP/1.1 request needs exactly one Host header", Map.of("header", "Host"));
    }
    // Netty reads "gzip, chunked" as chunked and hands on the body undecoded: only chunked is
    // served, and a coding it would ignore leaves the framing untrusted
    for (String coding : headers.getAll(HttpHeaderNames.TRANSFER_ENCODING)) {
      if (!coding.trim().equalsIgnoreCase(HttpHeaderValues.CHUNKED.toString())) {
        return PlatformErrors.of(
                400,
                "the only transfer coding served is chunked",
                Map.of("header", "Transfer-Encoding"))
            .thenClose();
      }
    }
    // a proxy in front may pick the other one of two: the request means two things
    for (String once : HttpRequestRules.SINGLE_HEADERS) {
      if (headers.getAll(once).size() > 1) {
        return PlatformErrors.of(
            400, "the request has more than one " + once + " header", Map.of("header", once));
      }
    }
    if (HttpRequestRules.hasUserinfo(request.uri())) {
      // RFC 9110 section 4.2.4: userinfo in an http URI is to be treated as an error
      return PlatformErrors.of(
          400, "the request target must not carry userinfo (user@host)", Map.of());
    }
    return null;
  }

  private Answer tooLarge() {
    int limit = transport.maxRequestBodyBytes();
    // the rest of the body is not read: the connection cannot carry another request
    return PlatformErrors.of(
            413, "request body is larger than " + limit + " bytes", Map.of("limitBytes", limit))
        .thenClose();
  }

  private void append(ByteBuf content) {
    int readable = content.readableBytes();
    if (bodyLength + readable > body.length) {
      body =
          Arrays.copyOf(
              body,
              Math.max(
                  bodyLength + readable,
                  Math.min(body.length * 2 + 1024, transport.maxRequestBodyBytes() + 1)));
    }
    int copied = Math.min(readable, body.length - bodyLength);
    content.readBytes(body, bodyLength, copied);
    bodyLength += readable;
  }

  /** Answers the request in progress: its last bytes have arrived, or it must end now. */
  private void finish(ChannelHandlerContext context, Answer answer) {
    HttpRequest request = head;
    deadline.answered();
    boolean keepAlive =
        request != null
            && !answer.closeConnection()
            && HttpUtil.isKeepAlive(request)
            && !transport.isStopping();
    FullHttpResponse response = render(context, answer);
    HttpHeaders headers = response.headers();
    if (!keepAlive) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      closing = true;
    } else if (request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    // logged before the answer leaves, so the line exists once the caller has read it
    AccessLog.log(
        request == null ? null : request.method().name(),
        request == null ? null : request.uri(),
        answer.status(),
        requestId,
        startedNanos,
        transport.knownSecret());
    head = null;
    routing = null;
    if (body.length > 4096) {
      body = new byte[0]; // a large buffer is not kept for the life of the connection
    }
    if (keepAlive) {
      context.writeAndFlush(response, context.voidPromise());
      pauseReadingWhileUnwritable(context);
    } else {
      context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }

  /**
   * A peer that pipelines requests and does not read the answers would otherwise have them piled up
   * in memory without bound: reading stops while the answers waiting to be written exceed the
   * channel's high water mark, and resumes once they drain below the low one.
   */
  private static void pauseReadingWhileUnwritable(ChannelHandlerContext context) {
    if (!context.channel().isWritable()) {
      context.channel().config().setAutoRead(false);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext context) {
    if (context.channel().isWritable() && !context.channel().config().isAutoRead()) {
      context.channel().config().setAutoRead(true); // reads again, the waiting requests first
    }
    context.fireChannelWritabilityChanged();
  }

  private FullHttpResponse render(ChannelHandlerContext context, Answer answer) {
    if (answer.entity() instanceof PlatformError error) {
      error.setRequestId(requestId);
    }
    ByteBuf json;
    if (answer.entity() == null) {
      json = Unpooled.EMPTY_BUFFER;
    } else if (answer.entity() instanceof EncodedBody encoded) {
      json = Unpooled.wrappedBuffer(encoded.bytes());
    } else {
      // written straight into a pooled buffer: no byte[] per answer for the collector to copy
      json = context.alloc().buffer(ANSWER_BUFFER_BYTES);
      try {
        transport
            .mapper()
            .writeValue((OutputStream) new ByteBufOutputStream(json), answer.entity());
      } catch (IOException e) {
        json.release();
        LOG.error("could not write an answer: {}", e.getClass().getName(), e);
        return render(context, PlatformErrors.of(500, "internal error", Map.of()));
      } catch (RuntimeException e) {
        json.release(); // the caller answers 500 and must not leak the pooled buffer
        throw e;
      }
    }
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(answer.status()), json);
    HttpHeaders headers = response.headers();
    if (answer.entity() instanceof EncodedBody encoded) {
      headers.set(HttpHeaderNames.CONTENT_TYPE, encoded.mediaType());
    } else if (answer.entity() != null) {
      headers.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
    }
    headers.setInt(HttpHeaderNames.CONTENT_LENGTH, json.readableBytes());
    headers.set(ContractFacts.REQUEST_ID_HEADER, requestId);
    // a 200 carries a secret
    headers.set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
    answer.headers().forEach(headers::set);
    return response;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext context, Object event) {
    if (event instanceof IdleStateEvent) {
      context.close(); // an idle keep-alive connection
    } else if (event == RequestDeadline.EXPIRED && !closing) {
      if (head == null) {
        // the headers are still incomplete: the answer is for a request not yet seen
        startedNanos = System.nanoTime();
        requestId = Secrets.randomHex(8);
      }
      finish(
          context,
          (transport.isStopping()
                  ? PlatformErrors.of(
                      503, "the server is shutting down; retry on a new connection", Map.of())
                  : PlatformErrors.of(
                      408,
                      "the request did not arrive within "
                          + transport.requestDeadline().toSeconds()
                          + " s",
                      Map.of("limitSeconds", transport.requestDeadline().toSeconds())))
              .thenClose());
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    // a reset by the peer and the like: nothing to answer, nothing to log. Anything else closes
    // the connection too, but says so (the failure's type only: a message may quote the request)
    if (!(cause instanceof IOException)) {
      LOG.warn("closed a connection after an unexpected {}", cause.getClass().getName());
    }
    context.close();
  }
}
