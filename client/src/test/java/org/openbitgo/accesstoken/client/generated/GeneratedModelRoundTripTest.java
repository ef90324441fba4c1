package org.openbitgo.accesstoken.client.generated;

import org.openbitgo.accesstoken.client.generated.model.AccessToken;
import org.openbitgo.accesstoken.contract.GeneratedModelsRoundTripContract;

/** The generated Feign models carry every documented field of the spec's examples unchanged. */
class GeneratedModelRoundTripTest extends GeneratedModelsRoundTripContract {

  GeneratedModelRoundTripTest() {
    super(AccessToken.class.getPackageName());
  }
}
