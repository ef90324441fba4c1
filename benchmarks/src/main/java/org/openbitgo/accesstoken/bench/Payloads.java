package org.openbitgo.accesstoken.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The JSON every benchmark sends and reads, so all of them measure the same bytes. */
final class Payloads {

  /** The bearer token the stub server is started with; Prism accepts any bearer token. */
  static final String BEARER_TOKEN = "bench-token";

  static final String PATH = "/api/v2/user/accesstoken";

  /**
   * A full create request: every field of the spec's {@code full} example (scopes, duration, IP
   * restrictions, enterprise, spending limits as integer and as string, ERC-20 limit, otp).
   */
  static final String FULL_REQUEST = resource("full-request.json");

  /** A full 200 answer of the stub server to {@link #FULL_REQUEST} (captured once). */
  static final String FULL_RESPONSE = resource("full-response.json");

  /** Bodies the stub must answer with 400 (the soak's mix). */
  static final String[] INVALID_BODIES = {
    "{\"label\":\"x\",\"ipRestrict\":[\"1.2.3.400\"]}",
    "{\"label\":\"\"}",
    "{\"label\":\"x\",\"duration\":\"60\"}",
    "[1,2,3]",
    "{\"label\":\"x\",\"scope\":[\"no-such-scope\"]}",
    "not json",
  };

  private Payloads() {}

  private static String resource(String name) {
    try (InputStream in = Payloads.class.getResourceAsStream("/bench/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource /bench/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One complete HTTP/1.1 request, headers as the Feign client sends them.
   *
   * @param authorization the whole Authorization value, or null to send none
   */
  static byte[] rawPost(int port, String authorization, String body) {
    byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(256);
    head.append("POST ").append(PATH).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(ServerProcess.HOST).append(':').append(port).append("\r\n");
    if (authorization != null) {
      head.append("Authorization: ").append(authorization).append("\r\n");
    }
    head.append("Content-Type: application/json\r\n");
    head.append("Accept: application/json\r\n");
    head.append("Content-Length: ").append(bodyBytes.length).append("\r\n\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] request = new byte[headBytes.length + bodyBytes.length];
    System.arraycopy(headBytes, 0, request, 0, headBytes.length);
    System.arraycopy(bodyBytes, 0, request, headBytes.length, bodyBytes.length);
    return request;
  }
}
