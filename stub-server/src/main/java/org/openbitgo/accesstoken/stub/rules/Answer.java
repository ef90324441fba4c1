package org.openbitgo.accesstoken.stub.rules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the stub answers to one request: a status, the headers particular to it, and the entity: a
 * model written as JSON (such as an {@code AccessTokenList}, an {@code AccessTokenInfo} or a {@code
 * PlatformError}) or bytes already encoded (an {@code EncodedBody}: a create's answer, a page). The
 * request id, {@code Cache-Control} and the framing headers are added when it is written.
 *
 * @param closeConnection true when the rest of the request cannot be trusted or was not read (the
 *     connection is closed after the answer)
 */
public record Answer(
    int status, Map<String, String> headers, Object entity, boolean closeConnection) {

  public static Answer ok(Object entity) {
    return new Answer(200, Map.of(), entity, false);
  }

  /** The same answer, followed by closing the connection. */
  public Answer thenClose() {
    return new Answer(status, headers, entity, true);
  }

  /** The same answer with one more header. */
  public Answer withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Answer(status, Map.copyOf(more), entity, closeConnection);
  }
}
