package org.openbitgo.accesstoken.conformance;

import org.openbitgo.accesstoken.stub.StubEnvironment;
import org.openbitgo.accesstoken.stub.StubServer;
import org.openbitgo.accesstoken.stub.StubServerConfig;

/** Test only: the in-process stub servers the tests judge, or put behind broken proxies. */
final class Stubs {

  private Stubs() {}

  static StubServer start(StubEnvironment environment) {
    return StubServer.start(
        StubServerConfig.builder()
            .host("127.0.0.1")
            .port(0)
            .environment(environment)
            .acceptedToken(Breakages.STUB_TOKEN)
            .acceptedToken(Breakages.OTHER_USER_TOKEN)
            .providerStatesEndpoint(true)
            .build());
  }

  /** The stub's token, and another user's for the two-user checks. */
  static ProviderTarget target(java.net.URI baseUrl, Environment environment) {
    return ProviderTarget.builder()
        .baseUrl(baseUrl)
        .token(Breakages.STUB_TOKEN)
        .otherUserToken(Breakages.OTHER_USER_TOKEN)
        .environment(environment)
        .build();
  }

  /** A fixed seed and fewer bodies than the default: every kind drawn, the build kept quick. */
  static KitOptions.Builder quickOptions() {
    return KitOptions.builder().seed(19).invalidBodies(48);
  }
}
