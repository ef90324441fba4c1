package org.openbitgo.accesstoken.stub.http;

import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.openbitgo.accesstoken.contract.ContractFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request, whatever its outcome: method, path, status, request id, duration. Never
 * headers (the Authorization header holds a secret), never the query or the body, and never a
 * secret put in the path by mistake (a token's secret where its public id belongs, a bearer token
 * as a path): a path segment that is a secret this server knows, or long enough to be someone
 * else's, is logged as {@code <redacted>}.
 */
final class AccessLog {

  static final Logger LOG = LoggerFactory.getLogger("org.openbitgo.accesstoken.stub.access");
  private static final int MAX_LOGGED_PATH = 200;

  private AccessLog() {}

  /** A public id, logged as it is: 32 lowercase hex (the spec's {@code TokenId}). */
  private static final Pattern TOKEN_ID = Pattern.compile("[0-9a-f]{32}");

  /** RFC 6750 token68 characters: what a bearer token is made of. */
  private static final Pattern TOKEN68 = Pattern.compile("[A-Za-z0-9._~+/-]+=*");

  /**
   * A path segment this long that is not a public id is redacted even if this server does not know
   * it: no path of the contract or of the stub's pages has one, and a token's secret has 67.
   */
  static final int LONGEST_LOGGED_SEGMENT = 24;

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
    // the operations' own paths, nearly every request: nothing to redact
    boolean operation = path.equals(ContractFacts.OPERATION_PATH) || isRevokePathWithAnId(path);
    appendPrintable(line, operation ? path : redacted(path, knownSecret));
  }

  private static boolean isRevokePathWithAnId(String path) {
    int prefix = ContractFacts.OPERATION_PATH.length() + 1;
    return path.length() == prefix + 32
        && path.startsWith(ContractFacts.OPERATION_PATH)
        && path.charAt(prefix - 1) == '/'
        && TOKEN_ID.matcher(path.substring(prefix)).matches();
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
      boolean secret =
          segment.length() >= ContractFacts.BEARER_TOKEN_MIN_LENGTH
              && !TOKEN_ID.matcher(segment).matches()
              && (segment.length() > LONGEST_LOGGED_SEGMENT
                  || TOKEN68.matcher(segment).matches() && knownSecret.test(segment));
      kept.append(secret ? "<redacted>" : segment);
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
