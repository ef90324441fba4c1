package org.openbitgo.accesstoken.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.openbitgo.accesstoken.contract.ContractFacts;
import org.openbitgo.accesstoken.probes.RawHttp;

/**
 * Sends the checks' requests to the provider and records every exchange, so the sweep checks can
 * judge all of them (spec, request id, no echoed token). Honours {@code 429} with {@code
 * Retry-After}: waits and sends again, up to {@link #MAX_RATE_LIMIT_RETRIES} times.
 */
final class ProviderHttp {

  static final int MAX_RATE_LIMIT_RETRIES = 5;

  /** How much of a large body is written before looking for an early answer again. */
  private static final int LARGE_BODY_PIECE = 16 * 1024;

  /** How long to wait, after a large body's headers, for a refusal made from them. */
  private static final Duration EARLY_ANSWER_WAIT = Duration.ofMillis(200);

  /**
   * The longest single wait for a {@code Retry-After}; a provider asking more is answered later.
   */
  private static final long MAX_RETRY_AFTER_SECONDS = 60;

  /** Headers Java's HTTP client sets itself and refuses to be given. */
  private static final Set<String> RESTRICTED_HEADERS =
      Set.of("host", "content-length", "connection", "expect", "upgrade");

  private final ProviderTarget target;
  private final HttpClient client;
  private final Sleeper sleeper;
  private final ConcurrentLinkedQueue<Exchange> exchanges = new ConcurrentLinkedQueue<>();

  /** Every token a create of this run made, to revoke at the end; its id and who made it. */
  private final ConcurrentLinkedQueue<CreatedToken> created = new ConcurrentLinkedQueue<>();

  /** A token this run created: its public id and the Authorization value that created it. */
  private record CreatedToken(String id, String authorization) {}

  /** Exchanges in a row that timed out, after which the rest of the run is not sent. */
  static final int UNANSWERED_BEFORE_GIVING_UP = 3;

  private final AtomicInteger unansweredInARow = new AtomicInteger();

  /** Waits between retries; tests replace it. */
  interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  ProviderHttp(ProviderTarget target) {
    this(target, Thread::sleep);
  }

  ProviderHttp(ProviderTarget target, Sleeper sleeper) {
    this.target = target;
    this.sleeper = sleeper;
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(target.requestTimeout());
    target.sslContext().ifPresent(builder::sslContext);
    this.client = builder.build();
  }

  /** Every exchange so far, in order. */
  List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  /** A list page with {@code authorization}; {@code query} is empty or starts with {@code ?}. */
  Exchange list(String authorization, String query) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    headers.put("Authorization", authorization);
    return send("GET", ContractFacts.OPERATION_PATH + query, headers, null);
  }

  /** A revoke of {@code id} (sent as given, malformed ones too) with {@code authorization}. */
  Exchange revoke(String authorization, String id) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    headers.put("Authorization", authorization);
    return send("DELETE", ContractFacts.OPERATION_PATH + "/" + id, headers, null);
  }

  /**
   * Revokes every token this run created, with the credentials that created it (a token the run
   * already revoked answers 200 again). Not recorded: the sweeps have judged the run by then.
   *
   * @return how many tokens were revoked, how many the provider no longer held (404: e.g. a
   *     provider-state teardown removed them), and how many could not be revoked
   */
  int[] revokeCreatedTokens() {
    int revoked = 0;
    int gone = 0;
    int refused = 0;
    for (CreatedToken token; (token = created.poll()) != null; ) {
      switch (revoke(token)) {
        case 200 -> revoked++;
        case 404 -> gone++;
        default -> refused++;
      }
    }
    return new int[] {revoked, gone, refused};
  }

  /** A create with {@code --token} and a JSON body. */
  Exchange create(String json) {
    return createAs("Bearer " + target.token(), json);
  }

  /**
   * A create with {@code --token} left out of the sweeps: for an advisory that sends what the spec
   * does not promise to accept (its answer need not be valid against the spec). The token, if made,
   * is revoked at once, so no later list shows it.
   */
  Exchange createOffRecord(String json) {
    Exchange answer =
        exchange(
            target.baseUrl().resolve(ContractFacts.OPERATION_PATH.substring(1)),
            "POST",
            ContractFacts.OPERATION_PATH,
            Map.of("Content-Type", "application/json", "Authorization", "Bearer " + target.token()),
            json.getBytes(StandardCharsets.UTF_8));
    // revoked at once: a list showing it need not be valid either, and lists are swept
    created.removeIf(
        token ->
            answer.response().body().contains("\"" + token.id() + "\"") && revoke(token) == 200);
    return answer;
  }

  /** A create with the given {@code Authorization} value (none when null) and a JSON body. */
  Exchange createAs(String authorization, String json) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Accept", "application/json");
    if (authorization != null) {
      headers.put("Authorization", authorization);
    }
    return send(
        "POST", ContractFacts.OPERATION_PATH, headers, json.getBytes(StandardCharsets.UTF_8));
  }

  /** A create with {@code --token}, a raw body and a chosen Content-Type. */
  Exchange createRaw(String contentType, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", contentType);
    headers.put("Authorization", "Bearer " + target.token());
    return send("POST", ContractFacts.OPERATION_PATH, headers, body);
  }

  /**
   * A create with {@code --token} and a large body, over a raw connection: the headers first, then
   * the body in pieces, stopping as soon as the provider answers. A provider that refuses the body
   * from its headers (a declared size over its limit) and closes is read, not lost to a write into
   * a closed connection. (Java 17's HTTP client hangs on {@code Expect: 100-continue} refused with
   * a final answer, JDK-8286171.)
   */
  Exchange createLarge(byte[] body) {
    URI url = target.baseUrl();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Host", url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort()));
    headers.put("Authorization", "Bearer " + target.token());
    headers.put("Content-Type", "application/json");
    headers.put("Content-Length", String.valueOf(body.length));
    String path = url.getRawPath() + ContractFacts.OPERATION_PATH.substring(1);
    StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("Connection: close\r\n\r\n");
    failFastWhenUnanswering("POST", ContractFacts.OPERATION_PATH);
    // the socket's timeout bounds each read only: a provider trickling its answer a byte at a
    // time would hold the run, so the whole exchange ends when the request timeout passes
    AtomicBoolean expired = new AtomicBoolean();
    Socket socket;
    try {
      socket = socket();
    } catch (SocketTimeoutException e) {
      throw timedOut("no connection for a " + body.length + "-byte create");
    } catch (IOException e) {
      throw new UncheckedIOException("no answer to a " + body.length + "-byte create: " + e, e);
    }
    CompletableFuture<Void> deadline =
        CompletableFuture.runAsync(
            () -> {
              expired.set(true);
              try {
                socket.close();
              } catch (IOException ignored) {
                // closing is all that is left to do
              }
            },
            CompletableFuture.delayedExecutor(
                target.requestTimeout().toMillis(), TimeUnit.MILLISECONDS));
    try (RawHttp connection = new RawHttp(socket, target.requestTimeout())) {
      connection.send(head.toString());
      try {
        for (int sent = 0; sent < body.length; sent += LARGE_BODY_PIECE) {
          if (sent == 0
              ? connection.answersWithin(EARLY_ANSWER_WAIT)
              : connection.answerWaiting()) {
            break;
          }
          connection.send(
              Arrays.copyOfRange(body, sent, Math.min(body.length, sent + LARGE_BODY_PIECE)));
        }
      } catch (IOException refusedMidBody) {
        // the provider stopped reading: its answer, if any, is read below
      }
      RawHttp.Response answer = connection.read();
      if (expired.get()) {
        throw new SocketTimeoutException("the request timeout passed");
      }
      unansweredInARow.set(0);
      Exchange exchange =
          new Exchange(
              new Exchange.Request("POST", ContractFacts.OPERATION_PATH, Map.copyOf(headers), body),
              new Exchange.Response(answer.status(), answer.headers(), answer.body()));
      exchanges.add(exchange);
      rememberCreated(exchange); // a provider without a size limit creates the token: revoked too
      return exchange;
    } catch (IOException | UncheckedIOException e) {
      if (expired.get() || e instanceof SocketTimeoutException) {
        throw timedOut("no whole answer to a " + body.length + "-byte create");
      }
      throw new UncheckedIOException(
          "no answer to a " + body.length + "-byte create: " + e.getMessage(),
          e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
    } finally {
      deadline.cancel(false);
    }
  }

  /** A connection to the provider, made within the request timeout (TLS on top for https). */
  private Socket socket() throws IOException {
    URI url = target.baseUrl();
    Socket plain = new Socket();
    try {
      plain.connect(
          new java.net.InetSocketAddress(url.getHost(), target.port()),
          (int) target.requestTimeout().toMillis());
    } catch (IOException e) {
      plain.close();
      throw e;
    }
    if (!"https".equals(url.getScheme())) {
      return plain;
    }
    SSLContext ssl;
    try {
      ssl = target.sslContext().orElse(SSLContext.getDefault());
    } catch (java.security.NoSuchAlgorithmException e) {
      plain.close();
      throw new IOException(e);
    }
    return ssl.getSocketFactory().createSocket(plain, url.getHost(), target.port(), true);
  }

  /** Sends one request to {@code path} (absolute, from the provider's root). */
  Exchange send(String method, String path, Map<String, String> headers, byte[] body) {
    return sendTo(
        target.baseUrl().resolve(path.startsWith("/") ? path.substring(1) : path),
        method,
        path,
        headers,
        body);
  }

  /** Sends one request to an absolute URL (e.g. the state-change endpoint); not recorded. */
  Exchange sendUnrecorded(URI url, String method, Map<String, String> headers, byte[] body) {
    return exchange(url, method, url.getPath(), headers, body);
  }

  private Exchange sendTo(
      URI url, String method, String path, Map<String, String> headers, byte[] body) {
    Exchange exchange = exchange(url, method, path, headers, body);
    exchanges.add(exchange);
    return exchange;
  }

  private Exchange exchange(
      URI url, String method, String path, Map<String, String> headers, byte[] body) {
    Exchange.Request request =
        new Exchange.Request(method, path, Map.copyOf(headers), body == null ? new byte[0] : body);
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(url)
            .timeout(target.requestTimeout())
            .method(
                method,
                body == null || body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(
        (name, value) -> {
          if (!RESTRICTED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
            builder.header(name, value);
          }
        });
    HttpRequest httpRequest = builder.build();
    failFastWhenUnanswering(method, path);
    try {
      for (int attempt = 0; ; attempt++) {
        HttpResponse<byte[]> answer = whole(httpRequest, method, path);
        if (answer.statusCode() == 429 && attempt < MAX_RATE_LIMIT_RETRIES) {
          sleeper.sleep(retryAfterMillis(answer.headers().firstValue("Retry-After").orElse(null)));
          continue;
        }
        Exchange exchange =
            new Exchange(
                request,
                new Exchange.Response(
                    answer.statusCode(),
                    answer.headers().map(),
                    new String(answer.body(), StandardCharsets.UTF_8)));
        rememberCreated(exchange);
        return exchange;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "no answer from "
              + method
              + " "
              + path
              + ": "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage()),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** A raw exchange the request timeout ended: counted toward giving up. */
  private UncheckedIOException timedOut(String what) {
    unansweredInARow.incrementAndGet();
    return new UncheckedIOException(
        withinTheTimeout(what), new HttpTimeoutException("request timeout"));
  }

  /** {@code what} did not happen within the request timeout, said the same way everywhere. */
  private String withinTheTimeout(String what) {
    return what + " within " + target.requestTimeout().toSeconds() + " s (--request-timeout)";
  }

  /** After {@link #UNANSWERED_BEFORE_GIVING_UP} timeouts in a row, nothing more is sent. */
  private void failFastWhenUnanswering(String method, String path) {
    if (unansweredInARow.get() >= UNANSWERED_BEFORE_GIVING_UP) {
      throw new UncheckedIOException(
          "not sent: "
              + method
              + " "
              + path
              + " — the provider stopped answering ("
              + unansweredInARow.get()
              + " exchanges in a row got no whole answer within "
              + target.requestTimeout().toSeconds()
              + " s)",
          new HttpTimeoutException("provider stopped answering"));
    }
  }

  /**
   * The answer, headers and body, within the request timeout. The JDK's own timeout ends with the
   * headers: a provider that sends them and stalls mid-body would hold the run forever.
   */
  private HttpResponse<byte[]> whole(HttpRequest request, String method, String path)
      throws IOException, InterruptedException {
    CompletableFuture<HttpResponse<byte[]>> pending =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    try {
      HttpResponse<byte[]> answer =
          pending.get(target.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
      unansweredInARow.set(0);
      return answer;
    } catch (TimeoutException stalled) {
      pending.cancel(true); // drops the exchange and its connection
      unansweredInARow.incrementAndGet();
      throw new HttpTimeoutException(
          withinTheTimeout("no whole answer to " + method + " " + path)
              + ": the headers or the body stalled");
    } catch (ExecutionException failed) {
      if (failed.getCause() instanceof HttpTimeoutException) {
        unansweredInARow.incrementAndGet();
      }
      if (failed.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(failed.getCause());
    }
  }

  /** Revokes one token this run created, unrecorded; the answer's status (0: no answer). */
  private int revoke(CreatedToken token) {
    try {
      URI url =
          target.baseUrl().resolve(ContractFacts.OPERATION_PATH.substring(1) + "/" + token.id());
      Map<String, String> headers =
          Map.of("Accept", "application/json", "Authorization", token.authorization());
      return exchange(url, "DELETE", url.getPath(), headers, null).response().status();
    } catch (RuntimeException unreachable) {
      return 0;
    }
  }

  /** A token a create made (a 200 to POST on the collection), to revoke at the end of the run. */
  private void rememberCreated(Exchange exchange) {
    String authorization =
        exchange.request().headers().entrySet().stream()
            .filter(header -> header.getKey().equalsIgnoreCase("Authorization"))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(null);
    if (!"POST".equals(exchange.request().method())
        || !ContractFacts.OPERATION_PATH.equals(exchange.request().path())
        || exchange.response().status() != 200
        || authorization == null) {
      return;
    }
    try {
      String id = CheckContext.JSON.readTree(exchange.response().body()).path("id").asText("");
      if (ContractFacts.TOKEN_ID.matcher(id).matches()) {
        created.add(new CreatedToken(id, authorization));
      }
    } catch (IOException notJson) {
      // nothing to revoke: the sweeps report the answer
    }
  }

  /** Seconds from {@code Retry-After} (1 s when absent or not a number), capped. */
  static long retryAfterMillis(String retryAfter) {
    long seconds = 1;
    if (retryAfter != null) {
      try {
        seconds = Math.max(0, Long.parseLong(retryAfter.trim()));
      } catch (NumberFormatException e) {
        seconds = 1; // an HTTP date: wait a second and ask again
      }
    }
    return Math.min(seconds, MAX_RETRY_AFTER_SECONDS) * 1000;
  }
}
