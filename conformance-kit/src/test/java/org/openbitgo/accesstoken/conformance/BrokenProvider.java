package org.openbitgo.accesstoken.conformance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Test only: a provider that breaks one rule, as a proxy in front of a real stub server. Every
 * request goes to the stub; {@link Breakage} may change the request first or the answer after.
 */
final class BrokenProvider implements AutoCloseable {

  /** A request as the proxy received it. */
  record Incoming(String method, String path, Map<String, String> headers, byte[] body) {

    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue)
          .findFirst()
          .orElse(null);
    }

    Incoming withHeader(String name, String value) {
      Map<String, String> copy = new LinkedHashMap<>();
      headers.forEach(
          (k, v) -> {
            if (!k.equalsIgnoreCase(name)) copy.put(k, v);
          });
      if (value != null) {
        copy.put(name, value);
      }
      return new Incoming(method, path, copy, body);
    }

    Incoming withBody(String json) {
      return new Incoming(method, path, headers, json.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** An answer; header names in lower case. */
  record Answer(int status, Map<String, String> headers, String body) {

    Answer withStatus(int newStatus) {
      return new Answer(newStatus, headers, body);
    }

    Answer withBody(String newBody) {
      return new Answer(status, headers, newBody);
    }

    Answer withHeader(String name, String value) {
      Map<String, String> copy = new LinkedHashMap<>(headers);
      if (value == null) {
        copy.remove(name.toLowerCase(Locale.ROOT));
      } else {
        copy.put(name.toLowerCase(Locale.ROOT), value);
      }
      return new Answer(status, copy, body);
    }
  }

  /** Forwards a request to the stub. */
  interface Upstream {
    Answer forward(Incoming request);
  }

  /** The one rule this provider breaks. */
  interface Breakage {
    Answer answer(Incoming request, Upstream stub);
  }

  /** An answer carrying this header is sent as headers and half its body, then stalls. */
  static final String STALL_MID_BODY = "x-test-stall-mid-body";

  /** An answer carrying this header is sent as headers, then its body a byte at a time, slowly. */
  static final String TRICKLE = "x-test-trickle";

  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "content-length",
          "transfer-encoding",
          "connection",
          "host",
          "expect",
          "upgrade",
          "date",
          STALL_MID_BODY,
          TRICKLE);

  /** The stub's body limit (its README); bodies over it are refused before being read. */
  private static final long STUB_BODY_LIMIT = 64 * 1024;

  /** Marks a request whose body was not read because it was over the limit. */
  private static final byte[] OVERSIZED = new byte[0];

  private final HttpServer server;
  private final ExecutorService executor;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI upstream;

  BrokenProvider(URI upstream, Breakage breakage, int threads) throws IOException {
    this.upstream = upstream;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    this.executor = Executors.newFixedThreadPool(threads);
    server.setExecutor(executor);
    server.createContext("/", exchange -> handle(exchange, breakage));
    server.start();
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  private void handle(HttpExchange exchange, Breakage breakage) throws IOException {
    try (exchange) {
      Map<String, String> headers = new LinkedHashMap<>();
      exchange
          .getRequestHeaders()
          .forEach((name, values) -> headers.put(name, String.join(", ", values)));
      String declared = exchange.getRequestHeaders().getFirst("Content-Length");
      // over the stub's limit: refused from the headers, as the stub does, without reading it
      boolean oversized = declared != null && Long.parseLong(declared.trim()) > STUB_BODY_LIMIT;
      byte[] body = oversized ? OVERSIZED : exchange.getRequestBody().readAllBytes();
      String target =
          exchange.getRequestURI().getRawPath()
              + (exchange.getRequestURI().getRawQuery() == null
                  ? ""
                  : "?" + exchange.getRequestURI().getRawQuery());
      Answer answer =
          breakage.answer(
              new Incoming(exchange.getRequestMethod(), target, headers, body), this::forward);
      answer
          .headers()
          .forEach(
              (name, value) -> {
                if (!HOP_BY_HOP.contains(name)) {
                  exchange.getResponseHeaders().add(name, value);
                }
              });
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      if (answer.headers().containsKey(TRICKLE)) {
        // the headers, then the body a byte every 300 ms: every read gets something
        OutputStream out = exchange.getResponseBody();
        try {
          for (byte b : bytes) {
            out.write(b);
            out.flush();
            Thread.sleep(300);
          }
          out.close();
        } catch (InterruptedException closing) {
          Thread.currentThread().interrupt();
        } catch (IOException goneAway) {
          // the client gave up: what this provider is for
        }
        return;
      }
      if (answer.headers().containsKey(STALL_MID_BODY)) {
        // the headers and half the body, then nothing: the answer never completes
        OutputStream out = exchange.getResponseBody();
        out.write(bytes, 0, bytes.length / 2);
        out.flush();
        try {
          Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException closing) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  private Answer forward(Incoming request) {
    if (request.body() == OVERSIZED) {
      return new Answer(
          413,
          Map.of("content-type", "application/json", "x-request-id", "proxy-413"),
          "{\"error\":\"body too large\",\"requestId\":\"proxy-413\",\"context\":{},"
              + "\"name\":\"PayloadTooLarge\"}");
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(upstream.resolve(request.path().substring(1)))
            .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request
        .headers()
        .forEach(
            (name, value) -> {
              if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                builder.header(name, value);
              }
            });
    try {
      HttpResponse<String> response =
          client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      Map<String, String> headers = new LinkedHashMap<>();
      response
          .headers()
          .map()
          .forEach(
              (name, values) ->
                  headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
      return new Answer(response.statusCode(), headers, response.body());
    } catch (IOException e) {
      return new Answer(502, Map.of("content-type", "text/plain"), "upstream: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(503, Map.of("content-type", "text/plain"), "interrupted");
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
