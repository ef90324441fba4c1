package org.openbitgo.accesstoken.stub.states;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.openbitgo.accesstoken.contract.ContractFacts;
import org.openbitgo.accesstoken.server.generated.model.CreateAccessTokenRequest;
import org.openbitgo.accesstoken.stub.store.AccessTokenIssuer;
import org.openbitgo.accesstoken.stub.store.BearerTokenRegistry;

/**
 * Pact provider states of the stub, independent of any HTTP layer: a state name, its parameters and
 * an action in, a change to the running stub's accepted bearer tokens and stored tokens out. Used
 * by the JVM provider verification directly and, over HTTP, by any verifier through the opt-in
 * state-change endpoint ({@code --provider-states}). Test-only: anyone who can call it can grant a
 * token.
 *
 * <p>Setup applies the state; teardown puts the stub back as it started (the configured tokens
 * accepted, no created tokens), whatever the state was. No message here ever contains a token.
 */
public final class ProviderStates {

  /** The bearer token named by the {@code token} parameter is accepted. */
  public static final String TOKEN_ACCEPTED = "the bearer token is accepted";

  /** The bearer token named by the {@code token} parameter is not accepted (revoked if it was). */
  public static final String TOKEN_UNKNOWN = "the bearer token is unknown";

  /**
   * The bearer token named by {@code token} is accepted, and its user owns one unexpired token per
   * id of the {@code ids} parameter, created in that order (so listed in that order).
   */
  public static final String USER_HAS_TOKENS = "the bearer token's user has access tokens";

  /** The parameter every state takes: the bearer token the interaction sends. */
  public static final String TOKEN_PARAM = "token";

  /** The ids of the tokens {@link #USER_HAS_TOKENS} creates: an array of 32-hex token ids. */
  public static final String IDS_PARAM = "ids";

  /** What each state means, for error messages and documentation. */
  public static final Map<String, String> DESCRIPTIONS =
      Map.of(
          TOKEN_ACCEPTED, "the bearer token given as params.token is accepted",
          TOKEN_UNKNOWN, "the bearer token given as params.token is not accepted",
          USER_HAS_TOKENS,
              "params.token is accepted and its user owns one unexpired token per id of"
                  + " params.ids (32 hex each), created in that order");

  /** The label of each token {@link #USER_HAS_TOKENS} creates. */
  static final String STATE_TOKEN_LABEL = "provider-state";

  /** Pact's two actions on a state. */
  public enum Action {
    SETUP,
    TEARDOWN
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What setting up a state does, given the (checked) bearer token and all the parameters. */
  @FunctionalInterface
  private interface SetUp {
    void apply(String token, Map<String, ?> params);
  }

  private final BearerTokenRegistry registry;
  private final AccessTokenIssuer issuer;
  private final Runnable resetToStart;
  private final Map<String, SetUp> setUps;

  /**
   * @param registry the running stub's accepted bearer tokens
   * @param issuer creates the tokens a state says a user owns
   * @param resetToStart puts the stub back as it started (teardown)
   */
  public ProviderStates(
      BearerTokenRegistry registry, AccessTokenIssuer issuer, Runnable resetToStart) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.resetToStart = Objects.requireNonNull(resetToStart, "resetToStart");
    this.setUps =
        Map.of(
            TOKEN_ACCEPTED, (token, params) -> registry.accept(token),
            TOKEN_UNKNOWN, (token, params) -> registry.revoke(token),
            USER_HAS_TOKENS, this::userHasTokens);
  }

  private void userHasTokens(String token, Map<String, ?> params) {
    List<String> ids = idsOf(params.get(IDS_PARAM));
    for (int i = 0; i < ids.size(); i++) {
      if (issuer.store().findById(ids.get(i)).isPresent()) {
        throw new InvalidStateChange(
            "params." + IDS_PARAM + "[" + i + "]", "a token with this id exists already");
      }
    }
    registry.accept(token);
    String userId = BearerTokenRegistry.userIdFor(token);
    for (String id : ids) {
      issuer.issueWithId(id, new CreateAccessTokenRequest(STATE_TOKEN_LABEL), userId);
    }
  }

  /** {@code ids}: a JSON array (over HTTP) or a list (in the JVM) of distinct 32-hex ids. */
  private static List<String> idsOf(Object value) {
    List<?> values;
    if (value instanceof List<?> list) {
      values = list;
    } else if (value instanceof JsonNode node && node.isArray()) {
      List<Object> items = new ArrayList<>();
      node.forEach(item -> items.add(item.isTextual() ? item.asText() : item));
      values = items;
    } else {
      throw new InvalidStateChange(
          "params." + IDS_PARAM,
          "state " + quoted(USER_HAS_TOKENS) + " needs params.ids: an array of 32-hex token ids");
    }
    Set<String> ids = new LinkedHashSet<>();
    for (int i = 0; i < values.size(); i++) {
      if (!(values.get(i) instanceof String id) || !ContractFacts.TOKEN_ID.matcher(id).matches()) {
        throw new InvalidStateChange(
            "params." + IDS_PARAM + "[" + i + "]", "each id must be 32 lowercase hex digits");
      }
      if (!ids.add(id)) {
        throw new InvalidStateChange(
            "params." + IDS_PARAM + "[" + i + "]", "each id may be given once");
      }
    }
    return List.copyOf(ids);
  }

  /**
   * Applies {@code action} to {@code state}; throws {@link InvalidStateChange} for anything unknown
   * or missing.
   */
  public void apply(String state, Map<String, ?> params, Action action) {
    SetUp setUp = setUps.get(state);
    if (setUp == null) {
      throw new InvalidStateChange(
          "state",
          "unknown provider state "
              + quoted(state)
              + "; this stub knows "
              + DESCRIPTIONS.keySet().stream().sorted().toList());
    }
    Object token = params == null ? null : params.get(TOKEN_PARAM);
    if (!(token instanceof String text) || !BearerTokenRegistry.isWellFormed(text)) {
      // the value is never echoed: it is a bearer token
      throw new InvalidStateChange(
          "params." + TOKEN_PARAM,
          "state " + quoted(state) + " needs params.token: a bearer token (token68 characters)");
    }
    if (action == Action.TEARDOWN) {
      resetToStart.run();
    } else {
      setUp.apply(text, params);
    }
  }

  /**
   * Applies Pact's standard state-change request body, {@code {"state": …, "params": {…}, "action":
   * "setup" | "teardown"}} ({@code action} defaults to setup, {@code params} to none).
   */
  public void apply(byte[] requestBody) {
    JsonNode body;
    try {
      body = JSON.readTree(requestBody);
    } catch (JsonProcessingException e) {
      throw new InvalidStateChange(
          "body",
          "the state change must be a JSON object: {\"state\": …, \"params\": {…}, \"action\": \"setup\"}");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (body == null || !body.isObject()) {
      throw new InvalidStateChange(
          "body",
          "the state change must be a JSON object: {\"state\": …, \"params\": {…}, \"action\": \"setup\"}");
    }
    JsonNode state = body.get("state");
    if (state == null || !state.isTextual() || state.asText().isBlank()) {
      throw new InvalidStateChange(
          "state", "the state change needs \"state\": the provider state's name");
    }
    JsonNode params = body.get("params");
    if (params != null && !params.isNull() && !params.isObject()) {
      throw new InvalidStateChange("params", "\"params\" must be a JSON object");
    }
    apply(state.asText(), paramsOf(params), actionOf(body.get("action")));
  }

  private static Action actionOf(JsonNode action) {
    if (action == null || action.isNull()) {
      return Action.SETUP;
    }
    return switch (action.isTextual() ? action.asText() : "") {
      case "setup" -> Action.SETUP;
      case "teardown" -> Action.TEARDOWN;
      default ->
          throw new InvalidStateChange("action", "\"action\" must be \"setup\" or \"teardown\"");
    };
  }

  private static Map<String, Object> paramsOf(JsonNode params) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (params != null && params.isObject()) {
      params
          .properties()
          .forEach(
              e ->
                  values.put(
                      e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue()));
    }
    return values;
  }

  private static String quoted(String state) {
    if (state == null) {
      return "null";
    }
    // a state name is not a secret, but keep a hostile one short and on one line
    String shown = state.length() > 120 ? state.substring(0, 120) + "…" : state;
    return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"";
  }

  /**
   * A state change that cannot be applied; {@link #field()} names the offending part of the
   * request.
   */
  public static final class InvalidStateChange extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    InvalidStateChange(String field, String message) {
      super(message, null, false, false);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }
}
