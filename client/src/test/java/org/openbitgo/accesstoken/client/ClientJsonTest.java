package org.openbitgo.accesstoken.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openbitgo.accesstoken.client.generated.model.AccessTokenInfo;
import org.openbitgo.accesstoken.contract.ContractJson;

/**
 * The client's mapper reads every timestamp exactly as {@link ContractJson}'s does: the same value
 * and offset, or the same failure.
 */
class ClientJsonTest {

  private final ObjectMapper client = ClientJson.newObjectMapper();
  private final ObjectMapper contract = ContractJson.newObjectMapper();

  @ParameterizedTest
  @ValueSource(
      strings = {
        // the contract's own form, the fast path
        "\"2026-11-27T23:09:43.470Z\"",
        "\"0000-01-01T00:00:00.000Z\"",
        "\"9999-12-31T23:59:59.999Z\"",
        "\"2024-02-29T12:00:00.000Z\"",
        // the same length, not a real time or not the form: the general reader decides
        "\"2026-02-30T23:09:43.470Z\"",
        "\"2025-02-29T00:00:00.000Z\"",
        "\"2026-13-27T23:09:43.470Z\"",
        "\"2026-11-27T24:00:00.000Z\"",
        "\"2026-11-27T23:60:43.470Z\"",
        "\"2026-11-27T23:09:60.470Z\"",
        "\"2026-11-27 23:09:43.470Z\"",
        "\"2026-11-27T23:09:43,470Z\"",
        "\"2026-11-27T23:09:43.47aZ\"",
        "\"+026-11-27T23:09:43.470Z\"",
        "\"2026-11-27T23:09:43.470z\"",
        "\"２026-11-27T23:09:43.470Z\"",
        // other forms a peer might send
        "\"2026-11-27T23:09:43Z\"",
        "\"2026-11-27T23:09:43.470123Z\"",
        "\"2026-11-27T23:09:43.470+02:00\"",
        "\"2026-11-27T23:09:43.470-00:30\"",
        "\"2026-11-27T23:09:43.470+00:00\"",
        "\"\"",
        "\"yesterday\"",
        "1764284983",
        "1764284983.470",
        "null",
        "true",
        "[2026,11,27,23,9,43]",
      })
  void readsEveryTimestampAsTheContractMapperDoes(String json) throws Exception {
    String document = "{\"id\":\"a8532b641e1dfc3630b5955237db1052\",\"created\":" + json + "}";
    assertSameReading(document);
  }

  @Test
  void readsRandomContractTimestampsAsTheContractMapperDoes() throws Exception {
    Random random = new Random(24);
    for (int i = 0; i < 2_000; i++) {
      OffsetDateTime at =
          OffsetDateTime.of(
              random.nextInt(10_000),
              1 + random.nextInt(12),
              1 + random.nextInt(28),
              random.nextInt(24),
              random.nextInt(60),
              random.nextInt(60),
              random.nextInt(1000) * 1_000_000,
              ZoneOffset.UTC);
      String text = ContractJson.formatTimestamp(at);
      assertThat(ClientJson.TimestampReader.readContractForm(text)).isEqualTo(at);
      assertSameReading("{\"expires\":\"" + text + "\"}");
    }
  }

  private void assertSameReading(String document) throws Exception {
    Throwable contractFailure =
        catchThrowable(() -> contract.readValue(document, AccessTokenInfo.class));
    Throwable clientFailure =
        catchThrowable(() -> client.readValue(document, AccessTokenInfo.class));
    if (contractFailure == null) {
      assertThat(clientFailure).as(document).isNull();
      AccessTokenInfo expected = contract.readValue(document, AccessTokenInfo.class);
      AccessTokenInfo read = client.readValue(document, AccessTokenInfo.class);
      assertThat(read.getCreated()).as(document).isEqualTo(expected.getCreated());
      assertThat(read.getExpires()).as(document).isEqualTo(expected.getExpires());
      assertThat(read).as(document).isEqualTo(expected);
    } else {
      assertThat(clientFailure)
          .as(document)
          .isNotNull()
          .hasSameClassAs(contractFailure)
          .hasMessage(contractFailure.getMessage());
    }
  }
}
