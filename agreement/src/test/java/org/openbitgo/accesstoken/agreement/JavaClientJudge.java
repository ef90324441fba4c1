package org.openbitgo.accesstoken.agreement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import org.openbitgo.accesstoken.client.AccessTokenClient;
import org.openbitgo.accesstoken.client.BitGoApiException;
import org.openbitgo.accesstoken.client.generated.model.CreateAccessTokenRequest;
import org.openbitgo.accesstoken.contract.ContractJson;

/**
 * The Java client's verdict: refuse when the builder refuses the token or the request cannot be
 * built from the row's JSON (the generated model reads amounts through {@code BaseUnitAmount}),
 * before anything is sent; otherwise the request is sent to the stub, whatever it answers.
 */
final class JavaClientJudge {

  static final String COMPONENT = "java-client";

  private static final ObjectMapper MAPPER = ContractJson.newObjectMapper();

  private final URI stub;

  JavaClientJudge(URI stub) {
    this.stub = stub;
  }

  Verdict judge(AgreementTable table, AgreementTable.Row row) {
    boolean leftToServer = table.leftToServer(COMPONENT).contains(row.field());
    CreateAccessTokenRequest request;
    try {
      request = MAPPER.treeToValue(table.body(row), CreateAccessTokenRequest.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return Verdict.ofClient(true, leftToServer);
    }
    AccessTokenClient.Builder builder = AccessTokenClient.builder().baseUrl(stub);
    try {
      builder.accessToken(table.bearerToken(row));
    } catch (IllegalArgumentException e) {
      return Verdict.ofClient(true, leftToServer);
    }
    try (AccessTokenClient client = builder.build()) {
      client.createAccessToken(request);
    } catch (BitGoApiException e) {
      // sent, and the server judged it
    }
    return Verdict.ofClient(false, leftToServer);
  }
}
