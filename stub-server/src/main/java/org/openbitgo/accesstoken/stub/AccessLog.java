package org.openbitgo.accesstoken.stub;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request, whatever its outcome: method, path, status, request id, duration.
 * Never headers (the Authorization header holds a secret), never the query or the body.
 */
final class AccessLog {

  static final Logger LOG = LoggerFactory.getLogger("org.openbitgo.accesstoken.stub.access");
  private static final int MAX_LOGGED_PATH = 200;

  private AccessLog() {}

  static void log(String method, String uri, int status, String requestId, long startedNanos) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    LOG.info("{} {} {} requestId={} {}ms", printable(method), printablePath(uri), status, requestId,
        (System.nanoTime() - startedNanos) / 1_000_000);
  }

  /** The path without the query; only visible ASCII, capped so a long URL cannot flood the log. */
  private static String printablePath(String uri) {
    if (uri == null) {
      return "-";
    }
    int query = uri.indexOf('?');
    return printable(query < 0 ? uri : uri.substring(0, query));
  }

  private static String printable(String value) {
    if (value == null) {
      return "-";
    }
    int length = Math.min(value.length(), MAX_LOGGED_PATH);
    StringBuilder clean = new StringBuilder(length + 3);
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      clean.append(c >= 0x21 && c <= 0x7e ? c : '?');
    }
    return length < value.length() ? clean.append("...").toString() : clean.toString();
  }
}
