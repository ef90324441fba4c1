package org.openbitgo.accesstoken.stub.http;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.openbitgo.accesstoken.contract.ContractFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request, whatever its outcome: method, path, status, request id, duration. Never
 * headers (the Authorization header holds a secret), never the query or the body, and never a
 * secret put in the path by mistake (a token's secret where its public id belongs, a bearer token
 * as a path, percent-encoded, decorated or split by its {@code /}): a path segment is written only
 * when it is one of the words of the server's own paths or a public id that is not a secret this
 * server knows; any other is logged as {@code <redacted>}.
 */
final class AccessLog {

  static final Logger LOG = LoggerFactory.getLogger("org.openbitgo.accesstoken.stub.access");
  private static final int MAX_LOGGED_PATH = 200;

  private AccessLog() {}

  /** A public id: 32 lowercase hex (the spec's {@code TokenId}). */
  private static final Pattern TOKEN_ID = Pattern.compile("[0-9a-f]{32}");

  /**
   * The words of the paths this server serves: the operations', the stub application's docs page
   * ({@code /docs}) and Pact's state-change endpoint ({@code /_pact/provider-states}; a test keeps
   * it equal to {@code ProviderStateEndpoint.PATH}, which this package cannot import).
   */
  static final Set<String> OWN_PATH_WORDS =
      Set.copyOf(
          Arrays.asList((ContractFacts.OPERATION_PATH + "/docs/_pact/provider-states").split("/")));

  static void log(
      String method,
      String uri,
      int status,
      String requestId,
      long startedNanos,
      Predicate<String> knownSecret) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    // one string, built here: cheaper than SLF4J's placeholder formatting of five arguments
    StringBuilder line = new StringBuilder(128);
    appendPrintable(line, method);
    line.append(' ');
    appendPrintablePath(line, uri, knownSecret);
    line.append(' ')
        .append(status)
        .append(" requestId=")
        .append(requestId)
        .append(' ')
        .append((System.nanoTime() - startedNanos) / 1_000_000)
        .append("ms");
    LOG.info(line.toString());
  }

  /**
   * The path without the query, its secrets redacted; only visible ASCII, capped so a long URL
   * cannot flood the log.
   */
  private static void appendPrintablePath(
      StringBuilder line, String uri, Predicate<String> knownSecret) {
    if (uri == null) {
      line.append('-');
      return;
    }
    int query = uri.indexOf('?');
    String path = query < 0 ? uri : uri.substring(0, query);
    // the create's and the list's path, nearly every request: nothing to redact, nothing to hash
    appendPrintable(
        line, path.equals(ContractFacts.OPERATION_PATH) ? path : redacted(path, knownSecret));
  }

  /** {@code path} with each segment that is, or may be, a secret replaced by {@code <redacted>}. */
  static String redacted(String path, Predicate<String> knownSecret) {
    String[] segments = path.split("/", -1);
    StringBuilder kept = new StringBuilder(path.length());
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      if (i > 0) {
        kept.append('/');
      }
      // not "any short segment": a bearer token may hold '/', and its pieces would be short
      boolean written =
          segment.isEmpty()
              || OWN_PATH_WORDS.contains(segment)
              // a public id, unless it is also an accepted token (32 hex is a token68 string)
              || TOKEN_ID.matcher(segment).matches() && !knownSecret.test(segment);
      kept.append(written ? segment : "<redacted>");
    }
    return kept.toString();
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
