package org.openbitgo.accesstoken.server.generated;

import org.openbitgo.accesstoken.contract.BaseUnitAmount;
import org.openbitgo.accesstoken.contract.GeneratedModelsRoundTripContract;
import org.openbitgo.accesstoken.server.generated.model.AccessToken;
import org.openbitgo.accesstoken.server.generated.model.CreateAccessTokenRequest;
import org.openbitgo.accesstoken.server.generated.model.PlatformError;
import org.openbitgo.accesstoken.server.generated.model.UnlockSpendingLimit;

/** The generated JAX-RS models carry every documented field of the spec's examples unchanged. */
class GeneratedModelRoundTripTest
    extends GeneratedModelsRoundTripContract<CreateAccessTokenRequest, AccessToken> {

  @Override
  protected Class<CreateAccessTokenRequest> requestModel() {
    return CreateAccessTokenRequest.class;
  }

  @Override
  protected Class<AccessToken> tokenModel() {
    return AccessToken.class;
  }

  @Override
  protected Class<?> errorModel() {
    return PlatformError.class;
  }

  @Override
  protected CreateAccessTokenRequest requestWithLabel(String label) {
    return new CreateAccessTokenRequest().label(label);
  }

  @Override
  protected Object unlockSpendingLimit(BaseUnitAmount txValue, BaseUnitAmount txValueLimit) {
    return new UnlockSpendingLimit().txValue(txValue).txValueLimit(txValueLimit);
  }

  @Override
  protected AccessToken tokenWithSecret(String id, String secret) {
    return new AccessToken().id(id).token(secret);
  }

  @Override
  protected BaseUnitAmount secondSpendingLimit(CreateAccessTokenRequest request) {
    return request.getSpendingLimits().get(1).getTxValueLimit();
  }

  @Override
  protected BaseUnitAmount ethUnlockLimit(AccessToken token) {
    return token.getUnlock().getSpendingLimits().get("eth").getTxValueLimit();
  }
}
