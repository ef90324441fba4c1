package org.openbitgo.accesstoken.stub.operations;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openbitgo.accesstoken.stub.rules.Answer;
import org.openbitgo.accesstoken.stub.rules.InvalidRequestException;
import org.openbitgo.accesstoken.stub.rules.PlatformErrors;

/**
 * {@code GET /api/v2/user/accesstoken?limit=&prevId=} once the caller is known: the query read into
 * the generated method's parameters, their Bean Validation constraints, then one page of the
 * caller's user's unexpired tokens. Other query parameters are ignored, as unknown body fields are.
 */
public final class ListAccessTokensEndpoint {

  static final String LIMIT = "limit";
  static final String PREV_ID = "prevId";

  /** An integer as a query writes it; its range is the generated constraints' to judge. */
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,100}");

  private final AccessTokenOperations operations;

  public ListAccessTokensEndpoint(AccessTokenOperations operations) {
    this.operations = operations;
  }

  Answer list(String requestTarget, BearerAuth.Caller caller) {
    Map<String, List<String>> query;
    try {
      query = new QueryStringDecoder(requestTarget).parameters();
    } catch (IllegalArgumentException e) {
      return PlatformErrors.invalidRequest(
          "query", "the query string is not valid percent-encoding");
    }
    try {
      Integer limit = limitOf(single(query, LIMIT));
      String prevId = single(query, PREV_ID);
      AccessTokenResource resource = new AccessTokenResource(operations, caller);
      Answer invalid = operations.validation().checkList(resource, limit, prevId);
      return invalid != null ? invalid : Answer.ok(resource.listAccessTokens(limit, prevId));
    } catch (InvalidRequestException e) {
      return PlatformErrors.invalidRequest(e.field(), e.getMessage());
    }
  }

  /** The parameter's one value, or null when absent; given twice, the request is ambiguous. */
  private static String single(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    if (values == null) {
      return null;
    }
    if (values.size() > 1) {
      throw new InvalidRequestException(name, name + " must be given at most once");
    }
    return values.get(0);
  }

  /**
   * The limit as an {@code Integer}; one beyond {@code int} is clamped, which the range constraints
   * then refuse with the range in the message.
   */
  private static Integer limitOf(String value) {
    if (value == null) {
      return null;
    }
    if (!INTEGER.matcher(value).matches()) {
      throw new InvalidRequestException(LIMIT, LIMIT + " must be an integer");
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException beyondInt) {
      return value.startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE;
    }
  }
}
