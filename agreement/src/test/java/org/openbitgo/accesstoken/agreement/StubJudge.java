package org.openbitgo.accesstoken.agreement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.openbitgo.accesstoken.contract.ContractFacts;
import org.openbitgo.accesstoken.probes.RawHttp;

/**
 * The stub's verdict, over HTTP: each row is sent as its own request on a raw socket (so a header
 * byte no HTTP client would send still arrives as written). 200 is accept; 400 is refuse; 401 is
 * refuse when the stub calls the token {@code malformed}, and accept when the token was well formed
 * but unknown (the table's rows are about syntax, not about who the caller is).
 */
final class StubJudge {

  private final int port;

  StubJudge(int port) {
    this.port = port;
  }

  Verdict judge(AgreementTable table, AgreementTable.Row row) {
    RawHttp.Response answer = send(table.bearerToken(row), table.body(row));
    return switch (answer.status()) {
      case 200 -> Verdict.ACCEPT;
      case 400 -> Verdict.REFUSE;
      case 401 -> reason(answer).equals("malformed") ? Verdict.REFUSE : Verdict.ACCEPT;
      default ->
          throw new AssertionError(
              row.id() + ": the stub answered " + answer.status() + ": " + answer.body());
    };
  }

  private RawHttp.Response send(String token, JsonNode body) {
    try (RawHttp http = new RawHttp("127.0.0.1", port, Duration.ofSeconds(10))) {
      byte[] json = AgreementTable.JSON.writeValueAsBytes(body);
      String head =
          "POST "
              + ContractFacts.OPERATION_PATH
              + " HTTP/1.1\r\nHost: 127.0.0.1:"
              + port
              + "\r\nAuthorization: Bearer "
              + token
              + "\r\nContent-Type: application/json\r\nContent-Length: "
              + json.length
              + "\r\nConnection: close\r\n\r\n";
      byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
      byte[] request = new byte[headBytes.length + json.length];
      System.arraycopy(headBytes, 0, request, 0, headBytes.length);
      System.arraycopy(json, 0, request, headBytes.length, json.length);
      return http.send(request).read();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String reason(RawHttp.Response answer) {
    try {
      return AgreementTable.JSON.readTree(answer.body()).path("context").path("reason").asText();
    } catch (JsonProcessingException e) {
      throw new AssertionError("the stub's 401 is not JSON: " + answer.body(), e);
    }
  }
}
