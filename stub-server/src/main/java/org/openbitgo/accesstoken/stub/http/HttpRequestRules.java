package org.openbitgo.accesstoken.stub.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.openbitgo.accesstoken.stub.rules.Answer;
import org.openbitgo.accesstoken.stub.rules.PlatformErrors;

/**
 * What the stub reads from a request's line, target and connection before any rule of the contract:
 * the HTTP limits it enforces, the requests it refuses outright, and the parts of the target it
 * uses. Stateless; {@link HttpExchangeHandler} applies it to each request.
 */
public final class HttpRequestRules {

  /** The methods of the access-token collection (what a {@code CONNECT} is told to use). */
  public static final String ALLOWED_METHODS = "GET, POST, OPTIONS";

  /** Netty's defaults, named: the longest request line and the largest header block read. */
  static final int MAX_REQUEST_LINE_BYTES = 4096;

  static final int MAX_HEADER_BYTES = 8192;

  /** Header fields a request may carry at most once (a second one is refused, 400). */
  static final List<String> SINGLE_HEADERS = List.of("Authorization", "Content-Type");

  /** More header fields than this is not a client of this API (431). */
  public static final int MAX_HEADER_FIELDS = 100;

  /** The request line or the headers broke HTTP/1.1's grammar or the decoder's limits. */
  static Answer unparsable(Throwable cause) {
    if (cause instanceof TooLongHttpHeaderException) {
      return PlatformErrors.of(
          431,
          "the request's header fields are larger than " + MAX_HEADER_BYTES + " bytes",
          Map.of("limitBytes", MAX_HEADER_BYTES));
    }
    if (cause instanceof TooLongHttpLineException) {
      return PlatformErrors.of(
          414,
          "the request line is longer than " + MAX_REQUEST_LINE_BYTES + " bytes",
          Map.of("limitBytes", MAX_REQUEST_LINE_BYTES));
    }
    // e.g. a Content-Length that is not one number, given twice, or next to Transfer-Encoding
    return PlatformErrors.of(400, "the request is not valid HTTP/1.1", Map.of());
  }

  /**
   * Requests this server never serves and whose connection it will not keep: a tunnel ({@code
   * CONNECT}), HTTP/2's prior-knowledge preface ({@code PRI * HTTP/2.0}), another protocol version.
   * Answered at once, without waiting for a body.
   */
  static Answer refuseConnection(HttpRequest request) {
    HttpVersion version = request.protocolVersion();
    if (version.majorVersion() != 1 || version.minorVersion() > 1) {
      return PlatformErrors.of(400, "only HTTP/1.1 and HTTP/1.0 are served", Map.of());
    }
    if (request.method().equals(HttpMethod.CONNECT)) {
      return PlatformErrors.of(405, "method not allowed; use " + ALLOWED_METHODS, Map.of())
          .withHeader("Allow", ALLOWED_METHODS);
    }
    return null;
  }

  static boolean hasUserinfo(String uri) {
    int scheme = uri.startsWith("/") ? -1 : uri.indexOf("://");
    if (scheme < 0) {
      return false;
    }
    int authorityEnd = uri.indexOf('/', scheme + 3);
    return uri.substring(scheme + 3, authorityEnd < 0 ? uri.length() : authorityEnd).contains("@");
  }

  /** The path of a request target (origin or absolute form), without the query. */
  public static String pathOf(String uri) {
    String path = uri;
    if (!path.startsWith("/")) {
      // absolute form (a proxy's request): its path counts
      int scheme = path.indexOf("://");
      int slash = scheme < 0 ? -1 : path.indexOf('/', scheme + 3);
      path = slash < 0 ? "" : path.substring(slash);
    }
    int end = path.indexOf('?');
    return end < 0 ? path : path.substring(0, end);
  }

  /**
   * The caller's IPv4 address; the contract's {@code ip} is IPv4-only, so IPv6 loopback reads as
   * 127.0.0.1 and any other IPv6 caller gets no {@code ip}.
   */
  static String callerIpv4(ChannelHandlerContext context) {
    if (!(context.channel().remoteAddress() instanceof InetSocketAddress remote)) {
      return null;
    }
    InetAddress address = remote.getAddress();
    if (address instanceof Inet4Address) {
      return address.getHostAddress();
    }
    return address != null && address.isLoopbackAddress() ? "127.0.0.1" : null;
  }

  private HttpRequestRules() {}
}
