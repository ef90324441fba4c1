package org.openbitgo.accesstoken.stub;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The HTTP face of {@link ProviderStates}: {@code POST /_pact/provider-states} with Pact's
 * standard state-change body. Registered only with {@code --provider-states}; no bearer token
 * needed (verifiers send none). All the logic is in {@link ProviderStates}.
 */
@Path(ProviderStateResource.PATH)
// public: Jersey invokes resource methods reflectively (the contract resource goes through its public interface)
public final class ProviderStateResource {

  static final String PATH = "_pact/provider-states";

  private final ProviderStates states;

  ProviderStateResource(ProviderStates states) {
    this.states = states;
  }

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public Response change(byte[] body) {
    try {
      states.apply(body);
      // an empty object: no values for the verifier to inject into the interaction
      return Response.ok(Map.of(), MediaType.APPLICATION_JSON_TYPE).build();
    } catch (ProviderStates.InvalidStateChange e) {
      return PlatformErrors.invalidRequest(e.field(), e.getMessage());
    }
  }
}
