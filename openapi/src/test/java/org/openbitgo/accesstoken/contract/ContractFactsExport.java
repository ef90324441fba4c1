package org.openbitgo.accesstoken.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the facts {@link ContractFacts} reads from the spec as one small JSON object, {@code
 * openapi/target/contract-facts.json}, which the TypeScript and Python builds embed in their
 * packages: every language reads the same values from the spec, none retypes them. Run by the
 * {@code contract-facts-export} execution of {@code openapi/pom.xml}.
 */
public final class ContractFactsExport {

  private ContractFactsExport() {}

  /** The facts as the other languages read them. */
  public static Map<String, Object> facts() {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("contractVersion", ContractFacts.contractVersion());
    Map<String, Object> bearerToken = new LinkedHashMap<>();
    // the spec's own, anchored form: what JavaScript's and Python's regular expressions take
    bearerToken.put("pattern", "^" + ContractFacts.BEARER_TOKEN68.pattern() + "$");
    bearerToken.put("minLength", ContractFacts.BEARER_TOKEN_MIN_LENGTH);
    bearerToken.put("maxLength", ContractFacts.BEARER_TOKEN_MAX_LENGTH);
    facts.put("bearerToken", bearerToken);
    Map<String, String> environments = new LinkedHashMap<>();
    ContractFacts.ENVIRONMENTS.forEach((name, url) -> environments.put(name, url.toString()));
    facts.put("environments", environments);
    facts.put("sensitiveProperties", List.copyOf(ContractFacts.SENSITIVE_PROPERTIES));
    facts.put("amountPattern", "^" + ContractFacts.AMOUNT_DIGITS.pattern() + "$");
    facts.put("amountProperties", List.copyOf(ContractFacts.amountProperties()));
    facts.put("defaultDurationSeconds", ContractFacts.DEFAULT_DURATION_SECONDS);
    return facts;
  }

  /** {@code args[0]}: the file to write. */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    Files.createDirectories(out.getParent());
    String json =
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(facts());
    Files.writeString(out, json + "\n");
  }
}
