package org.openbitgo.accesstoken.stub.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.openbitgo.accesstoken.contract.ContractFacts;
import org.openbitgo.accesstoken.stub.http.HttpRequestRules;
import org.openbitgo.accesstoken.stub.http.MediaTypes;
import org.openbitgo.accesstoken.stub.http.RequestRouter;
import org.openbitgo.accesstoken.stub.http.Routing;
import org.openbitgo.accesstoken.stub.rules.Answer;
import org.openbitgo.accesstoken.stub.rules.PlatformErrors;
import org.openbitgo.accesstoken.stub.states.ProviderStateEndpoint;

/**
 * Which operation answers a request, from its path and method, and the contract's rules on the
 * headers of each (media types, then the bearer token), all before the body is read. The collection
 * {@code /api/v2/user/accesstoken} answers create ({@code POST}) and list ({@code GET}); one token,
 * {@code /api/v2/user/accesstoken/{id}}, answers revoke ({@code DELETE}). An operation the contract
 * adds is one more branch here and one more endpoint class beside these.
 */
public final class OperationRouter implements RequestRouter {

  private static final String STATE_CHANGE_PATH = "/" + ProviderStateEndpoint.PATH;

  /** The methods of the collection path; also what {@code CONNECT} is told. */
  static final String COLLECTION_METHODS = HttpRequestRules.ALLOWED_METHODS;

  static final String TOKEN_METHODS = "DELETE, OPTIONS";

  private static final String TOKEN_PATH_PREFIX = ContractFacts.OPERATION_PATH + "/";

  private final BearerAuth auth;
  private final CreateAccessTokenEndpoint create;
  private final ListAccessTokensEndpoint list;
  private final RevokeAccessTokenEndpoint revoke;
  private final ProviderStateEndpoint stateChanges;

  /**
   * @param auth who may call an operation
   * @param operations what the operations work with
   * @param mapper reads request bodies
   * @param stateChanges the test-only Pact state-change endpoint, or null: then its path does not
   *     exist (404)
   */
  public OperationRouter(
      BearerAuth auth,
      AccessTokenOperations operations,
      ObjectMapper mapper,
      ProviderStateEndpoint stateChanges) {
    this.auth = auth;
    this.create = new CreateAccessTokenEndpoint(mapper, operations);
    this.list = new ListAccessTokensEndpoint(operations);
    this.revoke = new RevokeAccessTokenEndpoint(operations);
    this.stateChanges = stateChanges;
  }

  @Override
  public Routing route(HttpRequest request, String callerIpv4) {
    String path = HttpRequestRules.pathOf(request.uri());
    if (stateChanges != null && path.equals(STATE_CHANGE_PATH)) {
      return stateChanges.route(request);
    }
    if (path.equals(ContractFacts.OPERATION_PATH)) {
      return collection(request, callerIpv4);
    }
    if (path.startsWith(TOKEN_PATH_PREFIX)
        && path.length() > TOKEN_PATH_PREFIX.length()
        && path.indexOf('/', TOKEN_PATH_PREFIX.length()) < 0) {
      return token(request, path.substring(TOKEN_PATH_PREFIX.length()), callerIpv4);
    }
    return Routing.answer(
        PlatformErrors.of(
            404,
            "no such resource; the operations are GET and POST "
                + ContractFacts.OPERATION_PATH
                + " and DELETE "
                + TOKEN_PATH_PREFIX
                + "{id}",
            Map.of()));
  }

  /** The access-token collection: create ({@code POST}), list ({@code GET}) and {@code OPTIONS}. */
  private Routing collection(HttpRequest request, String callerIpv4) {
    HttpMethod method = request.method();
    if (method.equals(HttpMethod.POST)) {
      Answer unacceptable = checkJsonExchange(request.headers());
      return authenticated(
          request,
          unacceptable,
          callerIpv4,
          caller -> Routing.readBody((body, length) -> create.create(body, length, caller)));
    }
    if (method.equals(HttpMethod.GET)) {
      String target = request.uri();
      return authenticated(
          request,
          checkJsonAnswer(request.headers()),
          callerIpv4,
          caller -> afterBody(() -> list.list(target, caller)));
    }
    return optionsOr405(request, callerIpv4, COLLECTION_METHODS);
  }

  /** One token: revoke ({@code DELETE}) and {@code OPTIONS}. */
  private Routing token(HttpRequest request, String id, String callerIpv4) {
    if (request.method().equals(HttpMethod.DELETE)) {
      return authenticated(
          request,
          checkJsonAnswer(request.headers()),
          callerIpv4,
          caller -> afterBody(() -> revoke.revoke(id, caller)));
    }
    return optionsOr405(request, callerIpv4, TOKEN_METHODS);
  }

  private Routing optionsOr405(HttpRequest request, String callerIpv4, String allowed) {
    if (!request.method().equals(HttpMethod.OPTIONS)) {
      return Routing.answer(
          PlatformErrors.of(405, "method not allowed; use " + allowed, Map.of())
              .withHeader("Allow", allowed));
    }
    return authenticated(
        request,
        null,
        callerIpv4,
        caller -> Routing.answer(new Answer(200, Map.of("Allow", allowed), null, false)));
  }

  /**
   * The refusal of the headers if any, else the bearer token's, else what {@code then} routes for
   * the caller.
   */
  private Routing authenticated(
      HttpRequest request,
      Answer headersRefusal,
      String callerIpv4,
      Function<BearerAuth.Caller, Routing> then) {
    if (headersRefusal != null) {
      return Routing.answer(headersRefusal);
    }
    BearerAuth.Outcome outcome =
        auth.authenticate(request.headers().get(HttpHeaderNames.AUTHORIZATION), callerIpv4);
    if (outcome.refusal() != null) {
      return Routing.answer(outcome.refusal());
    }
    return then.apply(outcome.caller());
  }

  /**
   * An operation without a request body still reads whatever body comes (and ignores it), so the
   * connection stays usable for the next request.
   */
  private static Routing afterBody(Supplier<Answer> answer) {
    return Routing.readBody((body, length) -> answer.get());
  }

  /** A JSON body in UTF-8, and a JSON answer acceptable to the caller; or the refusal. */
  private static Answer checkJsonExchange(HttpHeaders headers) {
    String contentType = headers.get(HttpHeaderNames.CONTENT_TYPE);
    if (!MediaTypes.isJson(contentType)) {
      return PlatformErrors.of(415, "request body must be application/json", Map.of());
    }
    if (!MediaTypes.isUtf8(contentType)) {
      return PlatformErrors.of(
          415, "request body must be application/json in UTF-8", Map.of("charset", "utf-8"));
    }
    return checkJsonAnswer(headers);
  }

  /** A JSON answer acceptable to the caller; or the refusal. */
  private static Answer checkJsonAnswer(HttpHeaders headers) {
    if (!MediaTypes.acceptsJson(headers.getAll(HttpHeaderNames.ACCEPT))) {
      return PlatformErrors.of(406, "the only response type is application/json", Map.of());
    }
    return null;
  }
}
