package org.openbitgo.accesstoken.contracttests.verification;

import static org.openbitgo.accesstoken.contracttests.ContractNames.*;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openbitgo.accesstoken.stub.StubEnvironment;
import org.openbitgo.accesstoken.stub.StubServer;
import org.openbitgo.accesstoken.stub.StubServerConfig;
import org.openbitgo.accesstoken.stub.states.ProviderStates;

/**
 * Provider verification: replays every interaction of every consumer's pact in the pacts folder
 * (Java and TypeScript) against the real stub server, started in-process on a free loopback port.
 * Provider states are applied by the stub's own {@link ProviderStates}, the same logic its {@code
 * --provider-states} endpoint serves to verifiers in other languages.
 */
@Provider(PROVIDER)
@PactFolder("${pact.rootDir}")
class StubServerHonoursPactTest {

  static StubServer server;

  @BeforeAll
  static void startStubServer() {
    server =
        StubServer.start(
            StubServerConfig.builder()
                .host("127.0.0.1")
                .port(0)
                .environment(StubEnvironment.TEST)
                .build());
  }

  @AfterAll
  static void stopStubServer() {
    server.close();
  }

  @BeforeEach
  void pointPactAtTheStubServer(PactVerificationContext context) {
    server.reset();
    context.setTarget(new HttpTestTarget("127.0.0.1", server.port()));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void interactionHoldsAgainstTheStubServer(PactVerificationContext context) {
    context.verifyInteraction();
  }

  @State(STATE_TOKEN_VALID)
  void bearerTokenIsAccepted(Map<String, Object> params) {
    server.providerStates().apply(STATE_TOKEN_VALID, params, ProviderStates.Action.SETUP);
  }

  @State(STATE_USER_HAS_TOKENS)
  void bearerTokensUserHasTokens(Map<String, Object> params) {
    server.providerStates().apply(STATE_USER_HAS_TOKENS, params, ProviderStates.Action.SETUP);
  }

  @State(STATE_TOKEN_UNKNOWN)
  void bearerTokenIsUnknown(Map<String, Object> params) {
    server.providerStates().apply(STATE_TOKEN_UNKNOWN, params, ProviderStates.Action.SETUP);
  }
}
