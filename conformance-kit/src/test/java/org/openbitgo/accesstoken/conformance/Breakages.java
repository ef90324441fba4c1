package org.openbitgo.accesstoken.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openbitgo.accesstoken.conformance.BrokenProvider.Answer;
import org.openbitgo.accesstoken.conformance.BrokenProvider.Breakage;

/** Test only: the ways a provider breaks the contract, each one rule. */
final class Breakages {

  /** The token the stubs behind the proxies accept. */
  static final String STUB_TOKEN = "conformance-kit-test-token";

  /** A second token the stubs accept: another user (the stub makes each token its own user). */
  static final String OTHER_USER_TOKEN = "conformance-kit-other-user-token";

  private Breakages() {}

  /** The twelve kinds of issue 19, each with the check that must name it. */
  static Map<String, BrokenKind> twelve() {
    Map<String, BrokenKind> kinds = new LinkedHashMap<>();
    kinds.put(
        "missing-required-field",
        new BrokenKind(onCreated(b -> b.remove("isExtensible")), "spec.every-answer-valid"));
    kinds.put(
        "wrong-type",
        new BrokenKind(onCreated(b -> b.put("isExtensible", "false")), "spec.every-answer-valid"));
    kinds.put(
        "500-instead-of-400",
        new BrokenKind(status(s -> s == 400, 500), "bad-input.wrong-type-400"));
    kinds.put("html-error-page", new BrokenKind(htmlErrors(), "spec.every-answer-valid"));
    kinds.put(
        "invalid-input-accepted",
        new BrokenKind(invalidInputAccepted(), "bad-input.bad-iprestrict-400"));
    kinds.put("token-echoed-in-error", new BrokenKind(tokenEchoed(), "auth.token-never-echoed"));
    kinds.put(
        "wrong-content-type",
        new BrokenKind(
            (request, stub) -> stub.forward(request).withHeader("content-type", "text/plain"),
            "spec.every-answer-valid"));
    kinds.put("amount-lost-digits", new BrokenKind(amountsThroughDouble(), "create.amounts-exact"));
    kinds.put(
        "no-request-id",
        new BrokenKind(onErrors(b -> b.remove("requestId")), "spec.every-answer-valid"));
    kinds.put(
        "unknown-token-accepted", new BrokenKind(anyBearerAccepted(), "auth.unknown-token-401"));
    kinds.put(
        "label-not-echoed",
        new BrokenKind(onCreated(b -> b.put("label", "access token")), "create.echoes-label"));
    kinds.put(
        "same-id-for-every-token",
        new BrokenKind(
            onCreated(b -> b.put("id", "0123456789abcdef0123456789abcdef")),
            "create.ids-unique-per-call"));
    return kinds;
  }

  /** The three kinds of issue 20 (list and revoke), each with the check that must name it. */
  static Map<String, BrokenKind> listAndRevoke() {
    Map<String, BrokenKind> kinds = new LinkedHashMap<>();
    kinds.put(
        "list-shows-the-secret",
        new BrokenKind(listShowsTheSecret(), "list.created-token-listed-without-secret"));
    kinds.put(
        "revoked-token-still-authenticates",
        new BrokenKind(revokeAnsweredButNotDone(), "revoke.revoked-token-401"));
    kinds.put(
        "paging-repeats-a-token",
        new BrokenKind(pagingRepeatsAToken(), "list.paging-visits-each-token-once"));
    return kinds;
  }

  /** Found by a provider team's review of the kit, each with the check that must name it. */
  static Map<String, BrokenKind> reviewFindings() {
    Map<String, BrokenKind> kinds = new LinkedHashMap<>();
    kinds.put(
        "token-echoed-json-escaped",
        new BrokenKind(tokenEchoedEscaped(), "auth.token-never-echoed"));
    // a string amount answered as a JSON integer: not the integer a client sent, kept
    kinds.put(
        "string-amount-answered-as-number",
        new BrokenKind(
            onCreated(
                b -> {
                  JsonNode eth = b.path("unlock").path("spendingLimits").path("eth");
                  if (eth.path("txValueLimit").isTextual()) {
                    ((ObjectNode) eth)
                        .put(
                            "txValueLimit",
                            new java.math.BigInteger(eth.get("txValueLimit").asText()));
                  }
                }),
            "spec.every-answer-valid"));
    // what the validator alone reads past: it takes the first value and the last of two names
    kinds.put(
        "bytes-after-the-json",
        new BrokenKind(
            (request, stub) -> {
              Answer answer = stub.forward(request);
              return answer.status() == 200 ? answer.withBody(answer.body() + " {\"x") : answer;
            },
            "spec.every-answer-valid"));
    kinds.put(
        "a-name-given-twice",
        new BrokenKind(
            (request, stub) -> {
              Answer answer = stub.forward(request);
              return answer.status() == 200 && answer.body().startsWith("{")
                  ? answer.withBody("{\"isExtensible\":true," + answer.body().substring(1))
                  : answer;
            },
            "spec.every-answer-valid"));
    kinds.put(
        "token-echoed-json-in-json",
        new BrokenKind(tokenEchoedInsideJson(), "auth.token-never-echoed"));
    kinds.put(
        "token-echoed-percent-encoded-in-a-header",
        new BrokenKind(
            onUnauthorizedHeader(
                "Location", auth -> "https://login.example/?retry=" + percentEncoded(auth)),
            "auth.token-never-echoed"));
    kinds.put(
        "token-echoed-in-a-header",
        new BrokenKind(
            onUnauthorizedHeader("x-debug-auth", auth -> auth), "auth.token-never-echoed"));
    return kinds;
  }

  /**
   * The 401 body quotes the presented token as a JSON writer may escape it: each {@code -} as a
   * backslash-u escape, the same JSON string. PHP's {@code json_encode} escapes {@code /} alike.
   */
  static Breakage tokenEchoedEscaped() {
    return onUnauthorized(
        (answer, authorization) -> {
          ObjectNode body = (ObjectNode) read(answer.body());
          body.put("error", "ECHO");
          String escaped = authorization.replace("-", "\\u002D").replace("/", "\\/");
          return answer.withBody(body.toString().replace("ECHO", "not accepted: " + escaped));
        });
  }

  /**
   * The 401 body quotes the presented token inside a JSON document held as a string (a log record,
   * a wrapped upstream error) whose writer escaped every character as a backslash-u escape; on the
   * wire each of those backslashes is escaped again. No presented token appears in any spelling a
   * single JSON writer produces.
   */
  static Breakage tokenEchoedInsideJson() {
    return onUnauthorized(
        (answer, authorization) -> {
          StringBuilder escaped = new StringBuilder();
          authorization.chars().forEach(c -> escaped.append(String.format("\\u%04x", c)));
          ObjectNode body = (ObjectNode) read(answer.body());
          body.put("error", "{\"upstream\":\"rejected " + escaped + "\"}");
          return answer.withBody(body.toString());
        });
  }

  /** A 401 with one more header, its value made from the request's Authorization header. */
  static Breakage onUnauthorizedHeader(String name, UnaryOperator<String> fromAuthorization) {
    return onUnauthorized(
        (answer, authorization) -> answer.withHeader(name, fromAuthorization.apply(authorization)));
  }

  /** A 401 to a request with an Authorization header, changed by {@code change}. */
  static Breakage onUnauthorized(BiFunction<Answer, String, Answer> change) {
    return (request, stub) -> {
      Answer answer = stub.forward(request);
      String authorization = request.header("Authorization");
      return answer.status() == 401 && authorization != null
          ? change.apply(answer, authorization)
          : answer;
    };
  }

  /** Every UTF-8 byte as {@code %XX}, as an encoder that encodes more than it must writes it. */
  static String percentEncoded(String text) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      encoded.append(String.format("%%%02X", b & 0xff));
    }
    return encoded.toString();
  }

  /** Every create answered with its headers and half its body, then nothing. */
  static Breakage createStallsMidBody() {
    return (request, stub) -> {
      Answer answer = stub.forward(request);
      return request.method().equals("POST") && answer.status() == 200
          ? answer.withHeader(BrokenProvider.STALL_MID_BODY, "yes")
          : answer;
    };
  }

  /** A broken provider and the check that must catch it. */
  record BrokenKind(Breakage breakage, String caughtBy) {}

  static Breakage none() {
    return (request, stub) -> stub.forward(request);
  }

  /** Changes the JSON body of every 200. */
  static Breakage onCreated(Consumer<ObjectNode> change) {
    return onJson(status -> status == 200, change);
  }

  /** Changes the JSON body of every error answer. */
  static Breakage onErrors(Consumer<ObjectNode> change) {
    return onJson(status -> status >= 400, change);
  }

  /** Changes the JSON body of every 200 to a revoke. */
  static Breakage onRevoked(Consumer<ObjectNode> change) {
    Breakage onOk = onCreated(change);
    return (request, stub) ->
        request.method().equals("DELETE") ? onOk.answer(request, stub) : stub.forward(request);
  }

  static Breakage onJson(IntPredicate statuses, Consumer<ObjectNode> change) {
    return (request, stub) -> {
      Answer answer = stub.forward(request);
      if (!statuses.test(answer.status())) {
        return answer;
      }
      ObjectNode body = (ObjectNode) read(answer.body());
      change.accept(body);
      return answer.withBody(body.toString());
    };
  }

  static Breakage status(IntPredicate from, int to) {
    return (request, stub) -> {
      Answer answer = stub.forward(request);
      return from.test(answer.status()) ? answer.withStatus(to) : answer;
    };
  }

  static Breakage htmlErrors() {
    return (request, stub) -> {
      Answer answer = stub.forward(request);
      return answer.status() < 400
          ? answer
          : answer
              .withHeader("content-type", "text/html")
              .withBody("<html><body><h1>Error " + answer.status() + "</h1></body></html>");
    };
  }

  /** A create the stub refuses is answered as if it had been valid. */
  static Breakage invalidInputAccepted() {
    return (request, stub) -> {
      Answer answer = stub.forward(request);
      if (answer.status() != 400) {
        return answer;
      }
      return stub.forward(
          request
              .withHeader("Content-Type", "application/json")
              .withBody(
                  "{\"label\":\"accepted anyway\",\"duration\":600,\"ipRestrict\":[\"203.0.113.7\"]}"));
    };
  }

  /** A 401 whose message quotes the Authorization header it refused. */
  static Breakage tokenEchoed() {
    return (request, stub) -> {
      Answer answer = stub.forward(request);
      if (answer.status() != 401 || request.header("Authorization") == null) {
        return answer;
      }
      ObjectNode body = (ObjectNode) read(answer.body());
      body.put("error", "not accepted: " + request.header("Authorization"));
      return answer.withBody(body.toString());
    };
  }

  /** Every amount of a 200 read as a double. */
  static Breakage amountsThroughDouble() {
    return onCreated(
        body -> {
          JsonNode limits = body.path("unlock").path("spendingLimits");
          limits
              .properties()
              .forEach(
                  coin -> {
                    JsonNode limit = coin.getValue().get("txValueLimit");
                    ((ObjectNode) coin.getValue())
                        .put("txValueLimit", new BigDecimal(limit.asText()).doubleValue());
                  });
        });
  }

  /** Any Authorization (or none) is served as the stub's token. */
  static Breakage anyBearerAccepted() {
    return (request, stub) ->
        stub.forward(request.withHeader("Authorization", "Bearer " + STUB_TOKEN));
  }

  /** Every token's secret, remembered from its create, shown again in every list. */
  static Breakage listShowsTheSecret() {
    Map<String, String> secrets = new ConcurrentHashMap<>();
    return (request, stub) -> {
      Answer answer = stub.forward(request);
      if (answer.status() != 200) {
        return answer;
      }
      ObjectNode body = (ObjectNode) read(answer.body());
      if (request.method().equals("POST")) {
        secrets.put(body.path("id").asText(), body.path("token").asText());
        return answer;
      }
      if (request.method().equals("GET")) {
        body.path("accessTokens")
            .forEach(
                token -> {
                  String secret = secrets.get(token.path("id").asText());
                  if (secret != null) {
                    ((ObjectNode) token).put("token", secret);
                  }
                });
      }
      return answer.withBody(body.toString());
    };
  }

  /**
   * A revoke answered with the token's listed document, as if revoked, but never done: the token
   * still authenticates and stays listed.
   */
  static Breakage revokeAnsweredButNotDone() {
    return (request, stub) -> {
      if (!request.method().equals("DELETE")) {
        return stub.forward(request);
      }
      String id = request.path().substring(request.path().lastIndexOf('/') + 1);
      Answer page =
          stub.forward(
              new BrokenProvider.Incoming(
                  "GET",
                  "/api/v2/user/accesstoken?limit=200",
                  request.withHeader("Accept", "application/json").headers(),
                  new byte[0]));
      if (page.status() == 200) {
        for (JsonNode token : read(page.body()).path("accessTokens")) {
          if (token.path("id").asText().equals(id)) {
            ObjectNode document = (ObjectNode) token;
            document.put("expires", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
            return page.withBody(document.toString());
          }
        }
      }
      return stub.forward(request);
    };
  }

  /** Each page after the first starts with the previous page's last token again. */
  static Breakage pagingRepeatsAToken() {
    Map<String, JsonNode> lastOfPage = new ConcurrentHashMap<>();
    return (request, stub) -> {
      Answer answer = stub.forward(request);
      if (!request.method().equals("GET") || answer.status() != 200) {
        return answer;
      }
      ObjectNode body = (ObjectNode) read(answer.body());
      ArrayNode tokens = (ArrayNode) body.path("accessTokens");
      Matcher cursor = Pattern.compile("prevId=([0-9a-f]{32})").matcher(request.path());
      JsonNode previous = cursor.find() ? lastOfPage.get(cursor.group(1)) : null;
      if (tokens.isEmpty()) {
        return answer;
      }
      if (body.has("nextBatchPrevId")) {
        lastOfPage.put(body.path("nextBatchPrevId").asText(), tokens.get(tokens.size() - 1));
      }
      if (previous != null) {
        tokens.set(0, previous);
      }
      return answer.withBody(body.toString());
    };
  }

  /** A second revoke of the same id is answered 404, as if the token were gone. */
  static Breakage secondRevokeNotFound() {
    Set<String> revoked = ConcurrentHashMap.newKeySet();
    return (request, stub) -> {
      Answer answer = stub.forward(request);
      if (request.method().equals("DELETE")
          && answer.status() == 200
          && !revoked.add(request.path())) {
        return answer
            .withStatus(404)
            .withBody(
                "{\"name\":\"NotFound\",\"error\":\"no access token with this id\","
                    + "\"requestId\":\""
                    + answer.headers().get("x-request-id")
                    + "\",\"context\":{\"field\":\"id\"}}");
      }
      return answer;
    };
  }

  /** Serves until the first refused body, then answers every request 503. */
  static Breakage breaksAfterBadInput() {
    AtomicBoolean broken = new AtomicBoolean();
    return (request, stub) -> {
      if (broken.get()) {
        return new Answer(
            503,
            Map.of("content-type", "application/json"),
            "{\"error\":\"down\",\"requestId\":\"x\",\"context\":{}}");
      }
      Answer answer = stub.forward(request);
      if (answer.status() == 400) {
        broken.set(true);
      }
      return answer;
    };
  }

  static Breakage header(String name, String value) {
    return (request, stub) -> stub.forward(request).withHeader(name, value);
  }

  static TextNode text(String value) {
    return TextNode.valueOf(value);
  }

  static JsonNode read(String json) {
    try {
      return CheckContext.JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
