package org.openbitgo.accesstoken.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractJsonTest {

  static final ObjectMapper JSON = ContractJson.newObjectMapper();

  @Test
  void writesDecimalsPlainly() throws Exception {
    assertThat(JSON.writeValueAsString(Map.of("v", new BigDecimal("1E+8"))))
        .isEqualTo("{\"v\":100000000}");
  }

  @Test
  void readsDecimalsExactly() throws Exception {
    assertThat(JSON.readValue("0.10000000000000000000000000001", Object.class))
        .isEqualTo(new BigDecimal("0.10000000000000000000000000001"));
  }

  @Test
  void writesTimestampsInUtcWithMilliseconds() throws Exception {
    assertThat(JSON.writeValueAsString(OffsetDateTime.parse("2026-11-27T12:15:30+02:00")))
        .isEqualTo("\"2026-11-27T10:15:30.000Z\"");
    assertThat(JSON.writeValueAsString(OffsetDateTime.parse("2026-11-27T10:15:30.123456789Z")))
        .isEqualTo("\"2026-11-27T10:15:30.123Z\"");
  }

  @Test
  void leavesOutNullsAndIgnoresUnknownFields() throws Exception {
    record Sample(String a, String b) {}
    assertThat(JSON.writeValueAsString(new Sample("x", null))).isEqualTo("{\"a\":\"x\"}");
    assertThat(JSON.readValue("{\"a\":\"x\",\"later\":1}", Sample.class))
        .isEqualTo(new Sample("x", null));
  }
}
