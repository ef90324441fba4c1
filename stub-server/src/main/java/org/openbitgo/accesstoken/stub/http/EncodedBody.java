package org.openbitgo.accesstoken.stub.http;

import io.netty.handler.codec.http.HttpHeaderValues;

/**
 * An answer's entity already encoded, sent as is with its media type instead of written from a
 * model: a create's answer (its JSON written once, for the store) or an application's own pages
 * outside the contract (the stub application's {@code GET /docs}).
 *
 * @param mediaType the {@code Content-Type} sent, e.g. {@code text/html; charset=utf-8}
 * @param bytes the body
 */
public record EncodedBody(String mediaType, byte[] bytes) {

  /** JSON, with the {@code Content-Type} every other JSON answer has. */
  public static EncodedBody json(byte[] bytes) {
    return new EncodedBody(HttpHeaderValues.APPLICATION_JSON.toString(), bytes);
  }

  /** The media type and length only: the bytes may hold a token's secret. */
  @Override
  public String toString() {
    return "EncodedBody[" + mediaType + ", " + bytes.length + " bytes]";
  }
}
