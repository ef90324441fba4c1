package org.openbitgo.accesstoken.client;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the whole response body inside {@link Client#execute}. A connection that breaks
 * mid-body then fails like any other I/O error (one path through the retryer, which never retries
 * it) instead of surfacing later as a decoding error; and the error decoder and the logger work on
 * bytes already in memory.
 */
final class BufferingClient implements Client {

  /** Access token answers are a few kilobytes; anything this large is not BitGo's API talking. */
  static final int MAX_BODY_BYTES = 1 << 20;

  private final Client delegate;

  BufferingClient(Client delegate) {
    this.delegate = delegate;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    Response response = delegate.execute(request, options);
    if (response.body() == null) {
      return response;
    }
    try (InputStream in = response.body().asInputStream()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        throw new IOException("response body exceeds " + MAX_BODY_BYTES + " bytes");
      }
      return response.toBuilder().body(body).build();
    }
  }
}
