package org.openbitgo.accesstoken.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openbitgo.accesstoken.bench.BenchmarkReport.JmhRow;

/** Reads the tools' outputs as they write them: wrk's result line, JMH's JSON result file. */
class ToolOutputTest {

  @Test
  void readsTheResultLineOfTheWrkScript() {
    String output =
        """
        Running 10s test @ http://127.0.0.1:8080
          1 threads and 32 connections
        WRK_RESULT requests=123456 duration_us=10001234 non_200=2 first_other_status=400 connect=0 \
        read=1 write=0 timeout=0 p50_us=512 p90_us=900 p99_us=5100 max_us=20123 mean_us=600.5
        """;

    Map<String, String> fields = Wrk.resultLine(output);

    assertEquals("123456", fields.get("requests"));
    assertEquals("400", fields.get("first_other_status"));
    assertEquals("5100", fields.get("p99_us"));
    assertEquals("600.5", fields.get("mean_us"));
  }

  @Test
  void aWrkRunWithoutTheResultLineGivesNone() {
    assertNull(Wrk.resultLine("unable to connect to 127.0.0.1:1 Connection refused\n"));
  }

  /** Two modes: a throughput ratio is a/b in ops/s, and b/a in time per op. */
  @Test
  void readsJmhJsonAndComparesThroughputInEitherMode() throws IOException {
    String json =
        """
        [
          {"benchmark": "org.example.ClientCallBenchmark.feignClient", "mode": "thrpt",
           "threads": 8, "primaryMetric": {"score": 900.0, "scoreError": 12.5, "scoreUnit": "ops/s"}},
          {"benchmark": "org.example.ClientCallBenchmark.plainHttpClient", "mode": "thrpt",
           "threads": 8, "primaryMetric": {"score": 1000.0, "scoreError": 10.0, "scoreUnit": "ops/s"}},
          {"benchmark": "org.example.ClientCallBenchmark.Slow.feignClient", "mode": "avgt",
           "threads": 1, "primaryMetric": {"score": 250.0, "scoreError": 1.0, "scoreUnit": "us/op"}},
          {"benchmark": "org.example.ClientCallBenchmark.Slow.plainHttpClient", "mode": "avgt",
           "threads": 1, "primaryMetric": {"score": 200.0, "scoreError": 1.0, "scoreUnit": "us/op"}}
        ]
        """;

    List<JmhRow> rows = JmhPhase.parse(json, "ClientCallBenchmark");

    assertEquals(
        new JmhRow("ClientCallBenchmark", "feignClient", 8, "thrpt", 900.0, 12.5, "ops/s"),
        rows.get(0));
    assertEquals(0.9, Targets.throughputRatio(rows.get(0), rows.get(1)), 1e-9);
    assertEquals("feignClient", rows.get(2).method());
    assertEquals(0.8, Targets.throughputRatio(rows.get(2), rows.get(3)), 1e-9);
  }

  /** Methods named by variant and thread count ({@code @Threads} per method) are read alike. */
  @Test
  void namesTheClientVariantWhateverTheSuffix() {
    assertEquals("feign", Targets.clientVariant("feignClient"));
    assertEquals("feign", Targets.clientVariant("feign8Threads"));
    assertEquals("plain", Targets.clientVariant("plainHttpClient"));
    assertEquals("plain", Targets.clientVariant("plain1Thread"));
    assertEquals("plainWithModels", Targets.clientVariant("plainHttpClientWithModels"));
    assertEquals("plainWithModels", Targets.clientVariant("plainWithModels8Threads"));
    assertNull(Targets.clientVariant("warmUpOnly"));
  }
}
