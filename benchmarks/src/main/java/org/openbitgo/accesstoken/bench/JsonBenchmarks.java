package org.openbitgo.accesstoken.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openbitgo.accesstoken.client.ClientJson;
import org.openbitgo.accesstoken.client.generated.model.AccessToken;
import org.openbitgo.accesstoken.client.generated.model.CreateAccessTokenRequest;
import org.openbitgo.accesstoken.contract.ContractJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JSON cost of one create call on the client side: serialize a full request and deserialize a full
 * response with the generated models and the client's mapper ({@link ClientJson}: {@link
 * ContractJson}'s settings and a fast reader of the contract's timestamps), against a plain Jackson
 * {@link JsonNode} tree of the same JSON; and the same read with {@link ContractJson}'s mapper
 * alone, which the servers use. Forks, iterations and times are set by {@link BenchmarkMain}
 * (Runner API).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JsonBenchmarks {

  private ObjectMapper clientMapper;
  private ObjectMapper contractMapper;
  private ObjectMapper plainMapper;
  private CreateAccessTokenRequest requestModel;
  private JsonNode requestTree;
  private byte[] requestBytes;
  private byte[] responseBytes;

  @Setup
  public void setUp() throws Exception {
    clientMapper = ClientJson.newObjectMapper();
    contractMapper = ContractJson.newObjectMapper();
    plainMapper = new ObjectMapper();
    requestBytes = Payloads.FULL_REQUEST.getBytes(StandardCharsets.UTF_8);
    responseBytes = Payloads.FULL_RESPONSE.getBytes(StandardCharsets.UTF_8);
    requestModel = clientMapper.readValue(requestBytes, CreateAccessTokenRequest.class);
    requestTree = plainMapper.readTree(requestBytes);
    // both sides must write the same JSON, or the comparison is meaningless
    JsonNode fromModel = plainMapper.readTree(clientMapper.writeValueAsBytes(requestModel));
    if (!fromModel.equals(requestTree)) {
      throw new IllegalStateException("model and tree serialize different JSON: " + fromModel);
    }
    AccessToken token = clientMapper.readValue(responseBytes, AccessToken.class);
    if (token.getUnlock() == null || token.getToken() == null) {
      throw new IllegalStateException("response model lost fields: " + token);
    }
    if (!token.equals(contractMapper.readValue(responseBytes, AccessToken.class))) {
      throw new IllegalStateException("the client and contract mappers read different models");
    }
  }

  @Benchmark
  public byte[] serializeRequestModel() throws Exception {
    return clientMapper.writeValueAsBytes(requestModel);
  }

  @Benchmark
  public byte[] serializeRequestTree() throws Exception {
    return plainMapper.writeValueAsBytes(requestTree);
  }

  @Benchmark
  public AccessToken deserializeResponseModel() throws Exception {
    return clientMapper.readValue(responseBytes, AccessToken.class);
  }

  /** The same read with {@link ContractJson}'s mapper alone: timestamps through JavaTimeModule. */
  @Benchmark
  public AccessToken deserializeResponseModelContractMapper() throws Exception {
    return contractMapper.readValue(responseBytes, AccessToken.class);
  }

  @Benchmark
  public JsonNode deserializeResponseTree() throws Exception {
    return plainMapper.readTree(responseBytes);
  }

  /** What one client call does with JSON: write the request, read the answer. */
  @Benchmark
  public AccessToken roundTripModel(Blackhole bh) throws Exception {
    bh.consume(clientMapper.writeValueAsBytes(requestModel));
    return clientMapper.readValue(responseBytes, AccessToken.class);
  }

  @Benchmark
  public JsonNode roundTripTree(Blackhole bh) throws Exception {
    bh.consume(plainMapper.writeValueAsBytes(requestTree));
    return plainMapper.readTree(responseBytes);
  }
}
