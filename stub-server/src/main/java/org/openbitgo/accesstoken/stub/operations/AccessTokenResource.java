package org.openbitgo.accesstoken.stub.operations;

import org.openbitgo.accesstoken.server.generated.api.AccessTokenApi;
import org.openbitgo.accesstoken.server.generated.model.AccessToken;
import org.openbitgo.accesstoken.server.generated.model.CreateAccessTokenRequest;
import org.openbitgo.accesstoken.stub.rules.ContractValidation;
import org.openbitgo.accesstoken.stub.rules.CreateAccessTokenRules;
import org.openbitgo.accesstoken.stub.store.AccessTokenIssuer;

/**
 * The in-memory implementation of the generated {@link AccessTokenApi}, one per request (it knows
 * its caller). By the time it runs, {@link BearerAuth} has authenticated the caller and {@link
 * ContractValidation} has checked the request against the interface's Bean Validation constraints;
 * the remaining contract rules are checked here.
 */
final class AccessTokenResource implements AccessTokenApi {

  private final CreateAccessTokenRules rules;
  private final AccessTokenIssuer issuer;
  private final BearerAuth.Caller caller;

  AccessTokenResource(
      CreateAccessTokenRules rules, AccessTokenIssuer issuer, BearerAuth.Caller caller) {
    this.rules = rules;
    this.issuer = issuer;
    this.caller = caller;
  }

  @Override
  public AccessToken createAccessToken(CreateAccessTokenRequest request) {
    rules.check(request);
    return issuer.issue(request, caller.userId(), caller.ipv4());
  }
}
