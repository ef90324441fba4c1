package org.openbitgo.accesstoken.stub.http;

import io.netty.handler.codec.http.HttpRequest;

/**
 * The layer above the transport: given a request's line and headers (already checked as HTTP/1.1:
 * size limits, {@code Host}, the target), says which operation answers it. Called on the event loop
 * once per request, before any byte of the body is read, so it must not block.
 */
public interface RequestRouter {

  /**
   * @param request the request line and headers
   * @param callerIpv4 the caller's IPv4 address, or null when it has none (see {@link
   *     HttpRequestRules#callerIpv4})
   */
  Routing route(HttpRequest request, String callerIpv4);
}
