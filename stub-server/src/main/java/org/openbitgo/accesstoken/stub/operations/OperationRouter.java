package org.openbitgo.accesstoken.stub.operations;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import java.util.Map;
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
 * headers of each (media types, then the bearer token), all before the body is read. An operation
 * the contract adds (e.g. listing or revoking tokens) is one more branch in {@link #route} and one
 * more endpoint class beside {@link CreateAccessTokenEndpoint}.
 */
public final class OperationRouter implements RequestRouter {

  private static final String STATE_CHANGE_PATH = "/" + ProviderStateEndpoint.PATH;

  private final BearerAuth auth;
  private final CreateAccessTokenEndpoint create;
  private final ProviderStateEndpoint stateChanges;

  /**
   * @param auth who may call an operation
   * @param create {@code POST /api/v2/user/accesstoken}
   * @param stateChanges the test-only Pact state-change endpoint, or null: then its path does not
   *     exist (404)
   */
  public OperationRouter(
      BearerAuth auth, CreateAccessTokenEndpoint create, ProviderStateEndpoint stateChanges) {
    this.auth = auth;
    this.create = create;
    this.stateChanges = stateChanges;
  }

  @Override
  public Routing route(HttpRequest request, String callerIpv4) {
    String path = HttpRequestRules.pathOf(request.uri());
    if (stateChanges != null && path.equals(STATE_CHANGE_PATH)) {
      return stateChanges.route(request);
    }
    if (path.equals(ContractFacts.OPERATION_PATH)) {
      return accessTokens(request, callerIpv4);
    }
    return Routing.answer(
        PlatformErrors.of(
            404,
            "no such resource; the only operation is POST " + ContractFacts.OPERATION_PATH,
            Map.of()));
  }

  /** The access-token collection: create ({@code POST}) and {@code OPTIONS}. */
  private Routing accessTokens(HttpRequest request, String callerIpv4) {
    HttpHeaders headers = request.headers();
    boolean options = request.method().equals(HttpMethod.OPTIONS);
    if (!options && !request.method().equals(HttpMethod.POST)) {
      return Routing.answer(
          PlatformErrors.of(405, "method not allowed; use POST", Map.of())
              .withHeader("Allow", HttpRequestRules.ALLOWED_METHODS));
    }
    if (!options) {
      Answer unacceptable = checkJsonExchange(headers);
      if (unacceptable != null) {
        return Routing.answer(unacceptable);
      }
    }
    BearerAuth.Outcome outcome =
        auth.authenticate(headers.get(HttpHeaderNames.AUTHORIZATION), callerIpv4);
    if (outcome.refusal() != null) {
      return Routing.answer(outcome.refusal());
    }
    if (options) {
      return Routing.answer(
          new Answer(200, Map.of("Allow", HttpRequestRules.ALLOWED_METHODS), null, false));
    }
    BearerAuth.Caller caller = outcome.caller();
    return Routing.readBody((body, length) -> create.create(body, length, caller));
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
    if (!MediaTypes.acceptsJson(headers.getAll(HttpHeaderNames.ACCEPT))) {
      return PlatformErrors.of(406, "the only response type is application/json", Map.of());
    }
    return null;
  }
}
