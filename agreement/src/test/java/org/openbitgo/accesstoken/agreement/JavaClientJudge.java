package org.openbitgo.accesstoken.agreement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.openbitgo.accesstoken.client.AccessTokenClient;
import org.openbitgo.accesstoken.client.BitGoApiException;
import org.openbitgo.accesstoken.client.generated.model.CreateAccessTokenRequest;
import org.openbitgo.accesstoken.contract.ContractJson;

/**
 * The Java client's verdict: refuse when the builder refuses the token or the request cannot be
 * built from the row's JSON (the generated model reads amounts through {@code BaseUnitAmount}),
 * before anything is sent; otherwise the request is sent to the stub, whatever it answers.
 */
final class JavaClientJudge implements AutoCloseable {

  static final String COMPONENT = "java-client";

  private static final ObjectMapper MAPPER = ContractJson.newObjectMapper();

  private final URI stub;

  /** One client per token: building one starts an HTTP client, which most rows can share. */
  private final Map<String, AccessTokenClient> clients = new HashMap<>();

  JavaClientJudge(URI stub) {
    this.stub = stub;
  }

  @Override
  public void close() {
    clients.values().forEach(AccessTokenClient::close);
  }

  Verdict judge(AgreementTable table, AgreementTable.Row row) {
    boolean leftToServer = table.leftToServer(COMPONENT).contains(row.field());
    CreateAccessTokenRequest request;
    try {
      request = MAPPER.treeToValue(table.body(row), CreateAccessTokenRequest.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return Verdict.ofClient(true, leftToServer);
    }
    AccessTokenClient client;
    try {
      client = clientFor(table.bearerToken(row));
    } catch (IllegalArgumentException e) {
      return Verdict.ofClient(true, leftToServer);
    }
    try {
      client.createAccessToken(request);
    } catch (BitGoApiException e) {
      // sent, and the server judged it
    }
    return Verdict.ofClient(false, leftToServer);
  }

  private AccessTokenClient clientFor(String token) {
    AccessTokenClient client = clients.get(token);
    if (client == null) {
      // the builder refuses a token outside the rule before any client exists
      client = AccessTokenClient.builder().baseUrl(stub).accessToken(token).build();
      clients.put(token, client);
    }
    return client;
  }
}
