package org.openbitgo.accesstoken.stub.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request, whatever its outcome: method, path, status, request id, duration. Never
 * headers (the Authorization header holds a secret), never the query or the body.
 */
final class AccessLog {

  static final Logger LOG = LoggerFactory.getLogger("org.openbitgo.accesstoken.stub.access");
  private static final int MAX_LOGGED_PATH = 200;

  private AccessLog() {}

  static void log(String method, String uri, int status, String requestId, long startedNanos) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    // one string, built here: cheaper than SLF4J's placeholder formatting of five arguments
    StringBuilder line = new StringBuilder(128);
    appendPrintable(line, method);
    line.append(' ');
    appendPrintablePath(line, uri);
    line.append(' ')
        .append(status)
        .append(" requestId=")
        .append(requestId)
        .append(' ')
        .append((System.nanoTime() - startedNanos) / 1_000_000)
        .append("ms");
    LOG.info(line.toString());
  }

  /** The path without the query; only visible ASCII, capped so a long URL cannot flood the log. */
  private static void appendPrintablePath(StringBuilder line, String uri) {
    if (uri == null) {
      line.append('-');
      return;
    }
    int query = uri.indexOf('?');
    appendPrintable(line, query < 0 ? uri : uri.substring(0, query));
  }

  private static void appendPrintable(StringBuilder line, String value) {
    if (value == null) {
      line.append('-');
      return;
    }
    int length = Math.min(value.length(), MAX_LOGGED_PATH);
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      line.append(c >= 0x21 && c <= 0x7e ? c : '?');
    }
    if (length < value.length()) {
      line.append("...");
    }
  }
}
