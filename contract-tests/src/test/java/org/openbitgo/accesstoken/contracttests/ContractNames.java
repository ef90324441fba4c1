package org.openbitgo.accesstoken.contracttests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.openbitgo.accesstoken.contract.ContractFacts;
import org.openbitgo.accesstoken.stub.states.ProviderStates;

/** Names and shapes shared by the consumer tests, the provider verification and the gates. */
public final class ContractNames {

  /** The consumer: the generated Feign client, driven through {@code AccessTokenClient}. */
  public static final String CONSUMER = "accesstoken-java-client";

  /** The provider: BitGo's Create access token API, played here by the stub server. */
  public static final String PROVIDER = "bitgo-accesstoken-api";

  /** Provider state: the bearer token named by the {@code token} parameter is accepted. */
  public static final String STATE_TOKEN_VALID = ProviderStates.TOKEN_ACCEPTED;

  /** Provider state: the bearer token named by the {@code token} parameter is not known. */
  public static final String STATE_TOKEN_UNKNOWN = ProviderStates.TOKEN_UNKNOWN;

  /**
   * Provider state: the bearer token named by {@code token} is accepted and its user owns one token
   * per id of the {@code ids} parameter, created in that order.
   */
  public static final String STATE_USER_HAS_TOKENS = ProviderStates.USER_HAS_TOKENS;

  /** The one timestamp shape the contract emits: UTC, millisecond precision. */
  public static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

  public static final String HEX32 = "[0-9a-f]{32}";
  public static final String IPV4 = "(\\d{1,3}\\.){3}\\d{1,3}";
  public static final String IPV4_OR_CIDR = IPV4 + "(/\\d{1,2})?";
  public static final String DIGITS = "[0-9]{1,78}";
  public static final String SCOPE = "[a-z_]+|" + ContractFacts.WALLET_BOUND_SCOPE.pattern();
  public static final String BEARER = "Bearer " + ContractFacts.BEARER_TOKEN68.pattern();
  public static final String JSON_CONTENT_TYPE = "application/json(;\\s?charset=[\\w\\-]+)?";

  private ContractNames() {}

  /**
   * The folder every consumer (Java, TypeScript) writes its pact into (Surefire sets {@code
   * pact.rootDir}).
   */
  public static Path pactsDir() {
    return Path.of(System.getProperty("pact.rootDir", "../target/pacts"));
  }

  /** The Java consumer's pact file. */
  public static Path pactFile() {
    return pactFile(CONSUMER);
  }

  public static Path pactFile(String consumer) {
    return pactsDir().resolve(consumer + "-" + PROVIDER + ".json");
  }

  /** Every pact file in the folder, whoever wrote it. */
  public static List<Path> allPactFiles() {
    try (Stream<Path> files = Files.list(pactsDir())) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The consumers whose pacts this build must find (the build sets {@code pact.consumers}). */
  public static List<String> expectedConsumers() {
    return Arrays.stream(System.getProperty("pact.consumers", CONSUMER).split(","))
        .map(String::trim)
        .toList();
  }

  /** The spec, as the build passes it to the test JVM. */
  public static String specLocation() {
    return System.getProperty(
        "contract.spec", "../openapi/src/main/resources/openapi/access-token.yaml");
  }
}
