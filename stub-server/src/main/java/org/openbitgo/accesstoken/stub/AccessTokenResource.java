package org.openbitgo.accesstoken.stub;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.openbitgo.accesstoken.server.generated.api.AccessTokenApi;
import org.openbitgo.accesstoken.server.generated.model.AccessToken;
import org.openbitgo.accesstoken.server.generated.model.CreateAccessTokenRequest;

/**
 * The in-memory implementation of the generated {@link AccessTokenApi}. By the time this runs,
 * {@link BearerAuthFilter} has authenticated the caller and Jersey has checked the body against the
 * generated models' Bean Validation constraints; the remaining contract rules are checked here.
 */
final class AccessTokenResource implements AccessTokenApi {

  private final CreateAccessTokenRules rules;
  private final AccessTokenIssuer issuer;

  @Inject private Provider<ContainerRequestContext> currentRequest;

  AccessTokenResource(CreateAccessTokenRules rules, AccessTokenIssuer issuer) {
    this.rules = rules;
    this.issuer = issuer;
  }

  @Override
  public AccessToken createAccessToken(CreateAccessTokenRequest request) {
    rules.check(request);
    ContainerRequestContext context = currentRequest.get();
    return issuer.issue(
        request,
        (String) context.getProperty(RequestAttributes.USER_ID),
        (String) context.getProperty(RequestAttributes.CALLER_IP));
  }
}
