package org.openbitgo.accesstoken.contracttests;

import org.openbitgo.accesstoken.contract.ContractFacts;

/** Names and shapes shared by the consumer tests, the provider verification and the gates. */
public final class ContractNames {

  /** The consumer: the generated Feign client, driven through {@code AccessTokenClient}. */
  public static final String CONSUMER = "accesstoken-java-client";

  /** The provider: BitGo's Create access token API, played here by the stub server. */
  public static final String PROVIDER = "bitgo-accesstoken-api";

  /** Provider state: the bearer token named by the {@code token} parameter is accepted. */
  public static final String STATE_TOKEN_VALID = "the bearer token is accepted";

  /** Provider state: the bearer token named by the {@code token} parameter is not known. */
  public static final String STATE_TOKEN_UNKNOWN = "the bearer token is unknown";

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

  /** Where the consumer tests write the pact file (Surefire sets {@code pact.rootDir}). */
  public static java.nio.file.Path pactFile() {
    return java.nio.file.Path.of(System.getProperty("pact.rootDir", "target/pacts"))
        .resolve(CONSUMER + "-" + PROVIDER + ".json");
  }

  /** The spec, as the build passes it to the test JVM. */
  public static String specLocation() {
    return System.getProperty("contract.spec", "../openapi/src/main/resources/openapi/access-token.yaml");
  }
}
