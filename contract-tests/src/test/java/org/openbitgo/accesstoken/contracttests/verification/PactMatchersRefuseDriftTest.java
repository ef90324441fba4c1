package org.openbitgo.accesstoken.contracttests.verification;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.matchers.BodyMismatch;
import au.com.dius.pact.core.matchers.Mismatch;
import au.com.dius.pact.core.matchers.ResponseMatching;
import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.IRequest;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.Response;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import au.com.dius.pact.core.model.generators.Generators;
import au.com.dius.pact.core.model.matchingrules.MatchingRulesImpl;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openbitgo.accesstoken.contracttests.ContractNames;
import org.openbitgo.accesstoken.stub.StubServer;
import org.openbitgo.accesstoken.stub.StubServerConfig;

/**
 * The provider side of the pact can fail: the real stub server's answer to the full-create
 * interaction passes Pact's matching, and the same answer with one field drifted does not. This is
 * the comparison provider verification runs on every interaction.
 */
class PactMatchersRefuseDriftTest {

  static final String FULL_CREATE = "a create request with every documented field";
  static final ObjectMapper JSON = new ObjectMapper();

  static StubServer server;
  static Pact pact;
  static SynchronousRequestResponse fullCreate;
  static HttpResponse<String> realAnswer;

  @BeforeAll
  static void replayTheFullCreateAgainstTheStubServer() throws Exception {
    pact = DefaultPactReader.INSTANCE.loadPact(ContractNames.pactFile().toFile());
    fullCreate =
        pact.getInteractions().stream()
            .filter(i -> i.getDescription().equals(FULL_CREATE))
            .findFirst()
            .orElseThrow()
            .asSynchronousRequestResponse();
    IRequest request = fullCreate.getRequest();
    String bearer = request.getHeaders().get("Authorization").get(0).substring("Bearer ".length());
    server =
        StubServer.start(
            StubServerConfig.builder().host("127.0.0.1").port(0).acceptedToken(bearer).build());
    realAnswer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(server.baseUri() + request.getPath().substring(1)))
                    .header("Authorization", "Bearer " + bearer)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(request.getBody().valueAsString()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theRealAnswerMatches() {
    assertThat(mismatches(body -> {})).isEmpty();
  }

  @Test
  void refusesAProviderReturningAWrongType() {
    assertThat(mismatches(body -> body.put("isExtensible", "false")))
        .anyMatch(m -> m.contains("isExtensible"));
  }

  @Test
  void refusesAnAmountThatLostItsStringForm() {
    assertThat(
            mismatches(
                body ->
                    ((ObjectNode) body.at("/unlock/spendingLimits/eth"))
                        .put("txValueLimit", 1.2345678901234568E29)))
        .anyMatch(m -> m.contains("txValueLimit"));
  }

  @Test
  void refusesATimestampWithoutMilliseconds() {
    assertThat(mismatches(body -> body.put("created", "2026-11-27T10:15:30Z")))
        .anyMatch(m -> m.contains("created"));
  }

  @Test
  void refusesATimestampWithNanoseconds() {
    assertThat(mismatches(body -> body.put("expires", "2026-11-27T10:15:30.123456789Z")))
        .anyMatch(m -> m.contains("expires"));
  }

  @Test
  void refusesATimestampWithAnOffsetInsteadOfUtc() {
    assertThat(mismatches(body -> body.put("created", "2026-11-27T11:15:30.000+01:00")))
        .anyMatch(m -> m.contains("created"));
  }

  /** Pact's mismatches between the interaction and the real answer after {@code drift}. */
  private static List<String> mismatches(Consumer<ObjectNode> drift) {
    try {
      assertThat(realAnswer.statusCode()).isEqualTo(200);
      ObjectNode body = (ObjectNode) JSON.readTree(realAnswer.body());
      drift.accept(body);
      Map<String, List<String>> headers = new HashMap<>(realAnswer.headers().map());
      Response actual =
          new Response(
              realAnswer.statusCode(),
              headers,
              OptionalBody.body(JSON.writeValueAsString(body), ContentType.Companion.getJSON()),
              new MatchingRulesImpl(),
              new Generators(new HashMap<>()));
      List<Mismatch> mismatches = ResponseMatching.responseMismatches(pact, fullCreate, actual);
      return mismatches.stream()
          .map(
              m ->
                  m instanceof BodyMismatch bodyMismatch
                      ? bodyMismatch.getPath() + ": " + m.description()
                      : m.description())
          .collect(Collectors.toList());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
