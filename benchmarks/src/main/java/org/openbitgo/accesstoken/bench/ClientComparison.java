package org.openbitgo.accesstoken.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.openbitgo.accesstoken.client.AccessTokenClient;
import org.openbitgo.accesstoken.client.generated.model.AccessToken;
import org.openbitgo.accesstoken.client.generated.model.CreateAccessTokenRequest;
import org.openbitgo.accesstoken.contract.ContractJson;

/**
 * Our Feign client ({@link AccessTokenClient}) against a plain {@link HttpClient} sending the same
 * bytes with the same headers, closed loop, against the same stub server.
 */
final class ClientComparison {

  /** One way of doing a create call; returns normally only on a 200 with a body. */
  interface Caller {
    void call() throws Exception;
  }

  private ClientComparison() {}

  static final class Variants {
    final AccessTokenClient feign;
    final HttpClient plain;
    final HttpRequest plainRequest;
    final CreateAccessTokenRequest model;
    final ObjectMapper mapper = ContractJson.newObjectMapper();
    final URI endpoint;

    Variants(URI baseUri) throws Exception {
      model = mapper.readValue(Payloads.FULL_REQUEST, CreateAccessTokenRequest.class);
      feign =
          AccessTokenClient.builder().baseUrl(baseUri).accessToken(Payloads.BEARER_TOKEN).build();
      // the same transport settings AccessTokenClient gives its HttpClient
      plain =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(10))
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
      endpoint = baseUri.resolve(Payloads.PATH.substring(1));
      // exactly the bytes Feign's JacksonEncoder writes for the same model
      byte[] body = mapper.writeValueAsBytes(model);
      plainRequest = plainRequest(body);
    }

    HttpRequest plainRequest(byte[] body) {
      return HttpRequest.newBuilder(endpoint)
          .timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/json")
          .header("Accept", "application/json")
          .header("Authorization", "Bearer " + Payloads.BEARER_TOKEN)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body))
          .build();
    }

    /** The Feign client: encodes the model, sends, decodes the answer into AccessToken. */
    Caller feign() {
      return () -> {
        AccessToken t = feign.createAccessToken(model);
        if (t.getToken() == null) {
          throw new IllegalStateException("no token in the answer");
        }
      };
    }

    /** Plain HttpClient: pre-encoded bytes out, bytes in, nothing decoded. */
    Caller plain() {
      return () -> {
        HttpResponse<byte[]> r = plain.send(plainRequest, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200 || r.body().length == 0) {
          throw new IllegalStateException("status " + r.statusCode());
        }
      };
    }

    /**
     * Plain HttpClient plus the same Jackson work Feign does (encode model, decode AccessToken).
     */
    Caller plainWithJackson() {
      return () -> {
        HttpRequest req = plainRequest(mapper.writeValueAsBytes(model));
        HttpResponse<byte[]> r = plain.send(req, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
          throw new IllegalStateException("status " + r.statusCode());
        }
        AccessToken t = mapper.readValue(r.body(), AccessToken.class);
        if (t.getToken() == null) {
          throw new IllegalStateException("no token in the answer");
        }
      };
    }
  }

  /** Raw outcome of one timed run. */
  record Sample(
      List<Latencies> latencies, long errors, String firstError, double measuredSeconds) {}

  /** One variant's rounds merged: a row of the report. */
  record Row(
      String client,
      int threads,
      int rounds,
      double measuredSeconds,
      double requestsPerSecond,
      Latencies.Summary latency,
      long errors,
      String firstError) {}

  /** Merges the rounds of one variant into one row of the report. */
  static Row summarize(String name, int threads, List<Sample> rounds) {
    List<Latencies> all = new ArrayList<>();
    long errors = 0;
    double seconds = 0;
    String firstError = null;
    for (Sample r : rounds) {
      all.addAll(r.latencies());
      errors += r.errors();
      seconds += r.measuredSeconds();
      if (firstError == null) {
        firstError = r.firstError();
      }
    }
    Latencies.Summary s = Latencies.summarize(all);
    return new Row(
        name,
        threads,
        rounds.size(),
        seconds,
        Report.round(s.samples() / seconds, 1),
        s,
        errors,
        firstError);
  }

  static Sample run(
      String name, Caller caller, int threads, double warmupSeconds, double measureSeconds)
      throws InterruptedException {
    List<Latencies> lat = new ArrayList<>();
    long[] errors = new long[threads];
    AtomicReference<String> firstError = new AtomicReference<>();
    CountDownLatch go = new CountDownLatch(1);
    long start = System.nanoTime() + 50_000_000L;
    long windowStart = start + (long) (warmupSeconds * 1e9);
    long end = windowStart + (long) (measureSeconds * 1e9);
    List<Thread> ts = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Latencies l = new Latencies();
      lat.add(l);
      int idx = i;
      Thread t =
          new Thread(
              () -> {
                try {
                  go.await();
                  while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= end) {
                      break;
                    }
                    try {
                      caller.call();
                    } catch (Exception e) {
                      errors[idx]++;
                      firstError.compareAndSet(null, e.toString());
                      Thread.sleep(10);
                      continue;
                    }
                    long t1 = System.nanoTime();
                    if (t1 >= windowStart && t1 <= end) {
                      l.record(t1 - t0);
                    }
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "client-" + name + "-" + i);
      t.setDaemon(true);
      ts.add(t);
      t.start();
    }
    while (System.nanoTime() < start) {
      Thread.sleep(1);
    }
    go.countDown();
    for (Thread t : ts) {
      t.join(Math.max(1, (end - System.nanoTime()) / 1_000_000) + 40_000);
      if (t.isAlive()) {
        t.interrupt();
      }
    }
    long errorCount = 0;
    for (long e : errors) {
      errorCount += e;
    }
    return new Sample(lat, errorCount, firstError.get(), measureSeconds);
  }

  /** A few calls of each variant before timing, so a broken setup fails fast. */
  static void smoke(Caller... callers) throws Exception {
    for (Caller c : callers) {
      for (int i = 0; i < 3; i++) {
        c.call();
      }
    }
  }
}
