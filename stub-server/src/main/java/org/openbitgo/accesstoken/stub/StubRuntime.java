package org.openbitgo.accesstoken.stub;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.atomic.AtomicBoolean;

/** What every connection of one server shares: its settings and the contract's logic. */
final class StubRuntime {

  private final StubServerConfig config;
  private final ObjectMapper mapper;
  private final BearerAuth auth;
  private final CreateAccessTokenEndpoint endpoint;
  private final ProviderStateEndpoint providerStateEndpoint;
  private final AtomicBoolean stopping = new AtomicBoolean();

  StubRuntime(
      StubServerConfig config,
      BearerTokenRegistry registry,
      InMemoryAccessTokenStore store,
      ProviderStates providerStates) {
    this.config = config;
    this.mapper = StrictContractJson.newMapper();
    this.auth =
        new BearerAuth(
            registry,
            store,
            new FixedWindowRateLimiter(config.rateLimitPerMinute(), config.clock()),
            config.clock());
    this.endpoint =
        new CreateAccessTokenEndpoint(
            mapper,
            ContractValidation.startInBackground(),
            new CreateAccessTokenRules(config.environment()),
            new AccessTokenIssuer(config.environment(), store, config.clock()));
    // test-only and opt-in: without the option the path does not exist (404)
    this.providerStateEndpoint =
        config.providerStatesEndpoint() ? new ProviderStateEndpoint(providerStates) : null;
  }

  StubServerConfig config() {
    return config;
  }

  ObjectMapper mapper() {
    return mapper;
  }

  BearerAuth auth() {
    return auth;
  }

  CreateAccessTokenEndpoint endpoint() {
    return endpoint;
  }

  /**
   * The Pact state-change endpoint, or null when the server runs without {@code --provider-states}.
   */
  ProviderStateEndpoint providerStateEndpoint() {
    return providerStateEndpoint;
  }

  /** Set once the server is closing: answers then say {@code Connection: close}. */
  boolean isStopping() {
    return stopping.get();
  }

  void stop() {
    stopping.set(true);
  }
}
