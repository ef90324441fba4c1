package org.openbitgo.accesstoken.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openbitgo.accesstoken.stub.StubEnvironment;
import org.openbitgo.accesstoken.stub.StubServer;

/** A provider that answers 429 with Retry-After is waited for, then asked again. */
class RateLimitTest {

  @Test
  void a429IsRetriedAfterTheDelayItAsks() throws Exception {
    AtomicInteger refused = new AtomicInteger();
    List<Long> waits = new ArrayList<>();
    try (StubServer stub = Stubs.start(StubEnvironment.TEST);
        BrokenProvider provider =
            new BrokenProvider(
                stub.baseUri(),
                (request, upstream) ->
                    refused.getAndIncrement() < 2
                        ? new BrokenProvider.Answer(
                            429,
                            Map.of("content-type", "application/json", "retry-after", "7"),
                            "{\"error\":\"slow down\",\"requestId\":\"r\",\"context\":{}}")
                        : upstream.forward(request),
                2)) {
      ProviderHttp http =
          new ProviderHttp(Stubs.target(provider.baseUri(), Environment.TEST), waits::add);
      Exchange exchange =
          http.createAs(
              "Bearer " + Breakages.STUB_TOKEN, "{\"label\":\"after 429\",\"duration\":600}");
      assertThat(exchange.response().status()).isEqualTo(200);
      assertThat(waits).containsExactly(7000L, 7000L);
    }
  }
}
