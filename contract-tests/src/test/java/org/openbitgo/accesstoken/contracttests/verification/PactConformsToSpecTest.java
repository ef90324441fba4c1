package org.openbitgo.accesstoken.contracttests.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.openbitgo.accesstoken.contracttests.ContractNames;

/** Every interaction the consumer pinned is allowed by the OpenAPI spec, and drift is refused. */
class PactConformsToSpecTest {

  static final PactSpecConformance CONFORMANCE =
      new PactSpecConformance(ContractNames.specLocation());
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  @Test
  void everyConsumerTheBuildRunsHasAPactInTheFolder() {
    for (String consumer : ContractNames.expectedConsumers()) {
      File pact = ContractNames.pactFile(consumer).toFile();
      assertThat(pact).as("the %s consumer tests write their pact first", consumer).exists();
      assertThat(PactSpecConformance.interactionCount(pact)).as(consumer).isGreaterThanOrEqualTo(4);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyInteractionOfEveryPactInTheFolderConformsToTheSpec() {
    List<Path> pacts = ContractNames.allPactFiles();
    assertThat(pacts).isNotEmpty();
    return pacts.stream()
        .map(
            pact ->
                DynamicTest.dynamicTest(
                    pact.getFileName().toString(),
                    () -> assertThat(CONFORMANCE.violations(pact.toFile())).isEmpty()));
  }

  @Test
  void refusesAPactExpectingAResponseFieldTheSpecLacks() throws IOException {
    File drifted =
        editInteraction(
            "a create request with a label only",
            interaction -> responseBody(interaction).put("nickname", "bob"));

    assertThat(CONFORMANCE.violations(drifted))
        .singleElement()
        .asString()
        .contains("a create request with a label only (response)")
        .contains("nickname");
  }

  @Test
  void refusesAPactSendingARequestFieldTheSpecLacks() throws IOException {
    File drifted =
        editInteraction(
            "a create request with a label only",
            interaction ->
                ((ObjectNode) interaction.at("/request/body/content")).put("colour", "blue"));

    assertThat(CONFORMANCE.violations(drifted))
        .anyMatch(v -> v.contains("(request)") && v.contains("colour"));
  }

  @Test
  void refusesAPactExpectingAWrongType() throws IOException {
    File drifted =
        editInteraction(
            "a create request with every documented field",
            interaction -> responseBody(interaction).put("isExtensible", "no"));

    assertThat(CONFORMANCE.violations(drifted)).anyMatch(v -> v.contains("isExtensible"));
  }

  @Test
  void refusesAnErrorResponseMissingItsRequestId() throws IOException {
    File drifted =
        editInteraction(
            "a create request with an unknown bearer token",
            interaction -> responseBody(interaction).remove("requestId"));

    assertThat(CONFORMANCE.violations(drifted)).anyMatch(v -> v.contains("requestId"));
  }

  private static ObjectNode responseBody(ObjectNode interaction) {
    return (ObjectNode) interaction.at("/response/body/content");
  }

  /** A copy of the consumer pact with one interaction edited, written to a temporary file. */
  private File editInteraction(String description, java.util.function.Consumer<ObjectNode> edit)
      throws IOException {
    ObjectNode pact = (ObjectNode) JSON.readTree(ContractNames.pactFile().toFile());
    boolean found = false;
    for (var interaction : pact.withArray("interactions")) {
      if (interaction.get("description").asText().equals(description)) {
        edit.accept((ObjectNode) interaction);
        found = true;
      }
    }
    assertThat(found).as("interaction '%s' is in the pact", description).isTrue();
    Path copy = temp.resolve("drifted-pact.json");
    Files.writeString(copy, JSON.writeValueAsString(pact));
    return copy.toFile();
  }
}
