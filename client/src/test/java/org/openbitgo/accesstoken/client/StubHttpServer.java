package org.openbitgo.accesstoken.client;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on loopback (the JDK's), answering with scripted replies in order and
 * recording every request it receives, bytes included.
 */
final class StubHttpServer implements AutoCloseable {

  record Received(
      String method, String path, Headers headers, byte[] body, int clientPort, String query) {
    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private record Reply(int status, String body, String[] headers, boolean hold) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Deque<Reply> replies = new ArrayDeque<>();
  private final List<Received> received = new ArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);

  private StubHttpServer(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  static StubHttpServer start() throws IOException {
    return new StubHttpServer(0);
  }

  /** {@link #start()} for a test's field, closed by JUnit's {@code @AutoClose} after each test. */
  static StubHttpServer startForATest() {
    try {
      return start();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static StubHttpServer startOn(int port) throws IOException {
    return new StubHttpServer(port);
  }

  /** Queues a reply; headers are name, value pairs. A null body sends no body at all. */
  synchronized StubHttpServer reply(int status, String body, String... headers) {
    replies.add(new Reply(status, body, headers, false));
    return this;
  }

  /** Queues a reply that never comes (until close): the request is received, then nothing. */
  synchronized StubHttpServer replyNever() {
    replies.add(new Reply(0, null, new String[0], true));
    return this;
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    Reply reply;
    synchronized (this) {
      received.add(
          new Received(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              exchange.getRequestHeaders(),
              body,
              exchange.getRemoteAddress().getPort(),
              exchange.getRequestURI().getRawQuery()));
      reply =
          replies.isEmpty()
              ? new Reply(500, "no reply scripted", new String[0], false)
              : replies.poll();
    }
    if (reply.hold()) {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    for (int i = 0; i + 1 < reply.headers().length; i += 2) {
      exchange.getResponseHeaders().add(reply.headers()[i], reply.headers()[i + 1]);
    }
    if (reply.body() == null) {
      exchange.sendResponseHeaders(reply.status(), -1);
      exchange.close();
      return;
    }
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(reply.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
