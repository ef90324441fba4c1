package org.openbitgo.accesstoken.conformance;

import static org.openbitgo.accesstoken.conformance.Check.contract;

import au.com.dius.pact.core.matchers.Mismatch;
import au.com.dius.pact.core.matchers.ResponseMatching;
import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.core.model.Response;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.opentest4j.TestAbortedException;

/**
 * Every interaction of every bundled pact, replayed against the provider and matched by Pact's own
 * response matching (Pact JVM core {@code matchers}). Provider states go to {@code
 * --state-change-url} when given; otherwise the kit arranges them through the API itself.
 */
final class PactChecks implements CheckGroup {

  /** Provider state: the bearer token in {@code params.token} is accepted. */
  static final String TOKEN_ACCEPTED = "the bearer token is accepted";

  /** Provider state: the bearer token in {@code params.token} is unknown. */
  static final String TOKEN_UNKNOWN = "the bearer token is unknown";

  /**
   * Provider state: the bearer token's user owns one token per id in {@code params.ids}. Only the
   * state-change URL can arrange it: ids are chosen by the provider when it creates a token, and
   * the interactions pin them (a revoke's path, a listed {@code id}).
   */
  static final String USER_HAS_TOKENS = "the bearer token's user has access tokens";

  /** Why an interaction under {@link #USER_HAS_TOKENS} is noted, not run, without the URL. */
  static final String NEEDS_STATE_CHANGE_URL =
      "not run: needs --state-change-url; the provider state \""
          + USER_HAS_TOKENS
          + "\" names token ids, which no API call can choose (the provider picks a new token's"
          + " id)";

  private final Supplier<List<Pact>> pacts;

  PactChecks() {
    this(BundledPacts::load);
  }

  PactChecks(Supplier<List<Pact>> pacts) {
    this.pacts = pacts;
  }

  @Override
  public List<Check> checks(Environment environment, KitOptions options) {
    if (environment != Environment.TEST) {
      // the consumers record their pacts against the test environment (a label-only create needs
      // no ipRestrict there); a production provider is judged by the other groups
      return List.of();
    }
    List<Pact> loaded = pacts.get();
    if (loaded.isEmpty()) {
      return List.of(
          contract(
              "pacts.bundled",
              "The kit carries the pacts its build produced and replays every interaction.",
              c -> {
                throw new CheckFailure(
                    "the build's pacts inside the kit (" + BundledPacts.RESOURCE_DIR + "/*.json)",
                    "this kit was built without pacts: build it with the contract tests (mvn verify"
                        + " at the root, or -pl conformance-kit -am), which write them first",
                    null);
              }));
    }
    List<Check> checks = new ArrayList<>();
    for (Pact pact : loaded) {
      for (Interaction interaction : pact.getInteractions()) {
        checks.add(
            contract(
                "pacts."
                    + pact.getConsumer().getName()
                    + "."
                    + BadInputChecks.slug(interaction.getDescription()),
                "Pact of "
                    + pact.getConsumer().getName()
                    + ": \""
                    + interaction.getDescription()
                    + "\" (given "
                    + interaction.getProviderStates().stream()
                        .map(ProviderState::getName)
                        .collect(Collectors.joining(", "))
                    + ") is answered as the pact expects.",
                c -> verify(c, pact, interaction)));
      }
    }
    return checks;
  }

  private static void verify(CheckContext c, Pact pact, Interaction interaction) {
    SynchronousRequestResponse exchangeSpec = interaction.asSynchronousRequestResponse();
    if (exchangeSpec == null) {
      throw new CheckFailure(
          "an HTTP interaction", "a message interaction, which the kit cannot replay", null);
    }
    IRequest request = exchangeSpec.getRequest();
    Map<String, String> headers = new LinkedHashMap<>();
    request.getHeaders().forEach((name, values) -> headers.put(name, String.join(", ", values)));
    URI stateChangeUrl = c.target().stateChangeUrl().orElse(null);
    for (ProviderState state : interaction.getProviderStates()) {
      if (stateChangeUrl != null) {
        changeState(c, stateChangeUrl, state, "setup");
      } else {
        arrange(c, state, headers);
      }
    }
    try {
      byte[] body = request.getBody().isPresent() ? request.getBody().unwrap() : null;
      Exchange exchange = c.http().send(request.getMethod(), pathWithQuery(request), headers, body);
      String contentType = exchange.response().header("content-type");
      byte[] answer = exchange.response().body().getBytes(StandardCharsets.UTF_8);
      Response actual =
          new Response(
              exchange.response().status(),
              exchange.response().headers(),
              answer.length == 0
                  ? OptionalBody.empty()
                  : contentType == null
                      ? OptionalBody.body(answer)
                      : OptionalBody.body(answer, ContentType.fromString(contentType)));
      List<Mismatch> mismatches = ResponseMatching.responseMismatches(pact, exchangeSpec, actual);
      if (!mismatches.isEmpty()) {
        throw new CheckFailure(
            "the answer the pact expects",
            mismatches.stream()
                .map(mismatch -> mismatch.description())
                .collect(Collectors.joining("; ")),
            exchange);
      }
    } finally {
      if (stateChangeUrl != null) {
        for (ProviderState state : interaction.getProviderStates()) {
          changeState(c, stateChangeUrl, state, "teardown");
        }
      }
    }
  }

  /**
   * Without a state-change URL: the kit's own token for "accepted", a made-up one for "unknown"; an
   * interaction that needs tokens with given ids is noted as not run (never a silent pass).
   */
  private static void arrange(CheckContext c, ProviderState state, Map<String, String> headers) {
    String token =
        switch (state.getName()) {
          case TOKEN_ACCEPTED -> c.target().token();
          case TOKEN_UNKNOWN -> c.unknownToken();
          case USER_HAS_TOKENS -> throw new TestAbortedException(NEEDS_STATE_CHANGE_URL);
          default ->
              throw new CheckFailure(
                  "a provider state the kit can arrange through the API, or --state-change-url",
                  "the state \"" + state.getName() + "\"",
                  null);
        };
    headers.keySet().removeIf(name -> name.equalsIgnoreCase("Authorization"));
    headers.put("Authorization", "Bearer " + token);
  }

  private static void changeState(CheckContext c, URI url, ProviderState state, String action) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("state", state.getName());
    body.put("params", state.getParams());
    body.put("action", action);
    Object token = state.getParams().get("token");
    if (token != null) {
      c.redactor().register(token.toString());
    }
    byte[] json;
    try {
      json = CheckContext.JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    Exchange answer =
        c.http().sendUnrecorded(url, "POST", Map.of("Content-Type", "application/json"), json);
    if (answer.response().status() / 100 != 2) {
      throw new CheckFailure(
          "2xx from the state-change endpoint for " + action + " of \"" + state.getName() + "\"",
          answer.response().summary(),
          answer);
    }
  }

  private static String pathWithQuery(IRequest request) {
    if (request.getQuery().isEmpty()) {
      return request.getPath();
    }
    return request.getPath()
        + "?"
        + request.getQuery().entrySet().stream()
            .flatMap(
                q ->
                    q.getValue().stream()
                        .map(
                            v ->
                                URLEncoder.encode(q.getKey(), StandardCharsets.UTF_8)
                                    + "="
                                    + URLEncoder.encode(
                                        v == null ? "" : v, StandardCharsets.UTF_8)))
            .collect(Collectors.joining("&"));
  }
}
