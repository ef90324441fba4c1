package org.openbitgo.accesstoken.stub;

import java.util.Map;

/**
 * The HTTP face of {@link ProviderStates}: {@code POST /_pact/provider-states} with Pact's standard
 * state-change body. Served only with {@code --provider-states}; no bearer token needed (verifiers
 * send none). All the logic is in {@link ProviderStates}.
 */
final class ProviderStateEndpoint {

  /** The path, relative to the server's root. */
  static final String PATH = "_pact/provider-states";

  private final ProviderStates states;

  ProviderStateEndpoint(ProviderStates states) {
    this.states = states;
  }

  Answer change(byte[] body, int length) {
    try {
      states.apply(java.util.Arrays.copyOf(body, length));
      // an empty object: no values for the verifier to inject into the interaction
      return Answer.ok(Map.of());
    } catch (ProviderStates.InvalidStateChange e) {
      return PlatformErrors.invalidRequest(e.field(), e.getMessage());
    }
  }
}
