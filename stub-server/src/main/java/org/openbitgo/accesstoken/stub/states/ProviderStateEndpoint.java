package org.openbitgo.accesstoken.stub.states;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import java.util.Arrays;
import java.util.Map;
import org.openbitgo.accesstoken.stub.http.MediaTypes;
import org.openbitgo.accesstoken.stub.http.Routing;
import org.openbitgo.accesstoken.stub.rules.Answer;
import org.openbitgo.accesstoken.stub.rules.PlatformErrors;

/**
 * The HTTP face of {@link ProviderStates}: {@code POST /_pact/provider-states} with Pact's standard
 * state-change body. Served only with {@code --provider-states}; no bearer token needed (verifiers
 * send none). All the logic is in {@link ProviderStates}.
 */
public final class ProviderStateEndpoint {

  /** The path, relative to the server's root. */
  public static final String PATH = "_pact/provider-states";

  private final ProviderStates states;

  public ProviderStateEndpoint(ProviderStates states) {
    this.states = states;
  }

  /**
   * A state change is a POST with any body (its JSON is judged when read), and no bearer token,
   * since Pact verifiers send none to it.
   */
  public Routing route(HttpRequest request) {
    if (!request.method().equals(HttpMethod.POST)) {
      return Routing.answer(
          PlatformErrors.of(405, "method not allowed; use POST", Map.of())
              .withHeader("Allow", "POST"));
    }
    if (!MediaTypes.acceptsJson(request.headers().getAll(HttpHeaderNames.ACCEPT))) {
      return Routing.answer(
          PlatformErrors.of(406, "the only response type is application/json", Map.of()));
    }
    return Routing.readBody(this::change);
  }

  private Answer change(byte[] body, int length) {
    try {
      states.apply(Arrays.copyOf(body, length));
      // an empty object: no values for the verifier to inject into the interaction
      return Answer.ok(Map.of());
    } catch (ProviderStates.InvalidStateChange e) {
      return PlatformErrors.invalidRequest(e.field(), e.getMessage());
    }
  }
}
