package org.openbitgo.accesstoken.server.generated;

import org.openbitgo.accesstoken.contract.GeneratedModelsRoundTripContract;
import org.openbitgo.accesstoken.server.generated.model.AccessToken;

/** The generated JAX-RS models carry every documented field of the spec's examples unchanged. */
class GeneratedModelRoundTripTest extends GeneratedModelsRoundTripContract {

  GeneratedModelRoundTripTest() {
    super(AccessToken.class.getPackageName());
  }
}
