package org.openbitgo.accesstoken.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.openbitgo.accesstoken.client.Fixtures.CALLER_TOKEN;
import static org.openbitgo.accesstoken.client.Fixtures.CREATED_ID;
import static org.openbitgo.accesstoken.client.Fixtures.CREATED_JSON;
import static org.openbitgo.accesstoken.client.Fixtures.FORGED_ANSWER;
import static org.openbitgo.accesstoken.client.Fixtures.rawAnswer;
import static org.openbitgo.accesstoken.client.Fixtures.treasuryBotRequest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the transport's connections meet from a hostile or broken peer beyond one exchange: bytes
 * nobody asked for on a kept connection, a TLS handshake that trickles, {@code close()} during a
 * call, and a request sent once and then refused. Real sockets on loopback.
 */
class PooledConnectionTest {

  @ParameterizedTest(name = "written {0}")
  @ValueSource(strings = {"right after the body", "while the connection is idle"})
  void bytesNobodyAskedForAreNeverReadAsTheNextAnswer(String when) throws Exception {
    boolean atOnce = when.startsWith("right");
    try (KeepAliveServer server =
        new KeepAliveServer(
            request ->
                request > 1
                    ? List.of(rawAnswer(CREATED_JSON))
                    : atOnce
                        ? List.of(rawAnswer(CREATED_JSON) + FORGED_ANSWER)
                        : List.of(rawAnswer(CREATED_JSON), 200L, FORGED_ANSWER))) {
      AccessTokenClient client =
          AccessTokenClient.builder().baseUrl(server.baseUrl()).accessToken(CALLER_TOKEN).build();

      assertThat(client.createAccessToken(treasuryBotRequest()).getId()).isEqualTo(CREATED_ID);
      Thread.sleep(500); // the idle case's bytes arrive meanwhile
      assertThat(client.createAccessToken(treasuryBotRequest()).getId())
          .as("the second answer is the server's answer to the second request")
          .isEqualTo(CREATED_ID);
      assertThat(server.connections()).as("the first connection was not reused").isEqualTo(2);
      client.close();
    }
  }

  @Test
  void nothingIsSentOnceTheDeadlineHasPassedBeforeSending() throws Exception {
    try (KeepAliveServer server =
        new KeepAliveServer(request -> List.of(rawAnswer(CREATED_JSON)))) {
      // the clock jumps ten minutes while the second call takes its pooled connection
      AtomicLong jump = new AtomicLong();
      AtomicInteger calls = new AtomicInteger();
      LongSupplier ticker =
          () -> {
            boolean leasing =
                StackWalker.getInstance()
                    .walk(frames -> frames.anyMatch(f -> f.getMethodName().equals("connected")));
            if (leasing && calls.get() == 2) {
              jump.set(Duration.ofMinutes(10).toNanos());
            }
            return System.nanoTime() + jump.get();
          };
      AccessTokenClient client =
          AccessTokenClient.builder()
              .baseUrl(server.baseUrl())
              .accessToken(CALLER_TOKEN)
              .sleeper(new RecordingSleeper())
              .ticker(ticker)
              .build();
      calls.set(1);
      assertThat(client.createAccessToken(treasuryBotRequest()).getId()).isEqualTo(CREATED_ID);
      calls.set(2);

      Throwable thrown = catchThrowable(() -> client.createAccessToken(treasuryBotRequest()));

      assertThat(thrown).isInstanceOf(BitGoTransportException.class);
      assertThat(((BitGoTransportException) thrown).requestMayHaveBeenSent()).isFalse();
      assertThat(server.requests()).as("the second create never left").isEqualTo(1);
    }
  }

  @Test
  void aTlsHandshakeThatTricklesEndsAtTheCallDeadline() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread trickler =
          new Thread(
              () -> {
                try (Socket peer = listener.accept()) {
                  peer.getInputStream().read(new byte[4096]); // the ClientHello
                  OutputStream out = peer.getOutputStream();
                  // a handshake record announcing 16 KiB, then one byte every 100 ms
                  out.write(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00});
                  for (int i = 0; i < 300; i++) {
                    out.write(0x02);
                    out.flush();
                    Thread.sleep(100);
                  }
                } catch (IOException | InterruptedException gone) {
                  // the client hung up, as it should
                }
              },
              "tls-trickler");
      trickler.setDaemon(true);
      trickler.start();
      AccessTokenClient.Builder builder =
          AccessTokenClient.builder()
              .baseUrl("https://127.0.0.1:" + listener.getLocalPort())
              .accessToken(CALLER_TOKEN)
              .sleeper(new RecordingSleeper())
              .connectTimeout(Duration.ofSeconds(20))
              .readTimeout(Duration.ofSeconds(20))
              .callTimeout(Duration.ofSeconds(1));

      // Generous bound: it only keeps a regression from hanging the build for the trickle's 30 s.
      Throwable thrown =
          assertTimeoutPreemptively(
              Duration.ofSeconds(10),
              () -> catchThrowable(() -> builder.build().createAccessToken(treasuryBotRequest())));

      assertThat(thrown).isInstanceOf(BitGoTransportException.class);
      BitGoTransportException e = (BitGoTransportException) thrown;
      assertThat(e.getMessage()).contains("call deadline of 1000 ms");
      assertThat(e.requestMayHaveBeenSent()).as("no TLS session: nothing was sent").isFalse();
    }
  }

  @Test
  void aHostWithSeveralAddressesThatAllHangEndsAtTheCallDeadline() throws Exception {
    assumeTrue(
        System.getProperty("os.name").startsWith("Linux"),
        "relies on Linux dropping SYNs to a full accept queue (Windows answers with a reset)");
    // A host name is resolved once per JVM from the hosts file named at start: a child JVM, whose
    // hosts file gives the name four loopback addresses. HttpClient 5 tries each in turn, each
    // with the whole connect timeout it is given.
    Path hosts = Files.createTempFile("four-addresses", ".hosts");
    Files.writeString(
        hosts,
        "127.0.0.1 four.test\n127.0.0.2 four.test\n127.0.0.3 four.test\n127.0.0.4 four.test\n");
    try {
      Process program =
          ChildJvm.start(List.of("-Djdk.net.hosts.file=" + hosts), FourHangingAddresses.class);
      assertThat(program.waitFor(30, TimeUnit.SECONDS)).as("the child ends").isTrue();
      String output = new String(program.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(output).contains("addresses: 4").contains("call deadline of 800 ms");
      long millis = Long.parseLong(output.replaceAll("(?s).*ended after (\\d+) ms.*", "$1").trim());
      assertThat(millis)
          .as("one deadline for all four addresses, not one connect timeout each: %s", output)
          .isLessThan(2_000);
    } finally {
      Files.delete(hosts);
    }
  }

  /** The child JVM's program: four addresses whose connects hang, one call, how long it took. */
  static final class FourHangingAddresses {
    public static void main(String[] args) throws Exception {
      ServerSocket neverAccepts = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"));
      List<Socket> queued = new java.util.ArrayList<>();
      for (int i = 0; i < 16; i++) {
        Socket filler = new Socket();
        queued.add(filler);
        try {
          filler.connect(
              new java.net.InetSocketAddress("127.0.0.1", neverAccepts.getLocalPort()), 200);
        } catch (java.net.SocketTimeoutException queueIsFull) {
          break;
        }
      }
      System.out.println("addresses: " + InetAddress.getAllByName("four.test").length);
      try (AccessTokenClient client =
          AccessTokenClient.builder()
              .baseUrl("https://four.test:" + neverAccepts.getLocalPort())
              .accessToken(CALLER_TOKEN)
              .maxAttempts(1)
              .connectTimeout(Duration.ofSeconds(20))
              .readTimeout(Duration.ofSeconds(20))
              .callTimeout(Duration.ofMillis(800))
              .build()) {
        long start = System.nanoTime();
        try {
          client.list(1, null);
        } catch (BitGoTransportException expected) {
          System.out.println(expected.getMessage());
        }
        System.out.println("ended after " + (System.nanoTime() - start) / 1_000_000 + " ms");
      }
    }
  }

  @Test
  void closeDuringAnotherThreadsCallEndsItWithATypedException() throws Exception {
    // every answer a 429 asking for a second's wait: the call is asleep, between attempts, when
    // another thread closes the client
    try (KeepAliveServer server =
        new KeepAliveServer(
            request ->
                List.of(
                    "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n"))) {
      AccessTokenClient client =
          AccessTokenClient.builder().baseUrl(server.baseUrl()).accessToken(CALLER_TOKEN).build();
      Thread closer =
          new Thread(
              () -> {
                try {
                  Thread.sleep(300);
                  client.close();
                } catch (InterruptedException stop) {
                  Thread.currentThread().interrupt();
                }
              });
      closer.start();

      Throwable thrown = catchThrowable(() -> client.list(10, null));
      closer.join();

      assertThat(thrown).isInstanceOf(BitGoTransportException.class);
      BitGoTransportException e = (BitGoTransportException) thrown;
      assertThat(e.getCause()).isInstanceOf(DeadlineBoundedClient.ClientClosedException.class);
      assertThat(e.requestMayHaveBeenSent()).as("a 429 was refused unprocessed").isFalse();
      assertThat(e.attempts()).as("not retried once closed").isEqualTo(2);
      assertThat(server.requests()).isEqualTo(1);
    }
  }

  @Test
  void aRequestSentOnceMayHaveBeenSentEvenIfLaterAttemptsAreRefused() throws Exception {
    // closed by its thread once it has read the revoke: every later connect is refused
    ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread silent =
        new Thread(
            () -> {
              try (Socket peer = listener.accept()) {
                RawServer.readRequest(peer.getInputStream());
                listener.close();
                Thread.sleep(5_000); // the revoke was read: no answer, ever
              } catch (IOException | InterruptedException gone) {
                // the client hung up
              }
            },
            "silent-server");
    silent.setDaemon(true);
    silent.start();
    AccessTokenClient client =
        AccessTokenClient.builder()
            .baseUrl("http://127.0.0.1:" + listener.getLocalPort())
            .accessToken(CALLER_TOKEN)
            .sleeper(new RecordingSleeper())
            .readTimeout(Duration.ofMillis(300))
            .build();

    Throwable thrown = catchThrowable(() -> client.revoke(CREATED_ID));

    assertThat(thrown).isInstanceOf(BitGoTransportException.class);
    BitGoTransportException e = (BitGoTransportException) thrown;
    assertThat(e.attempts()).isEqualTo(3);
    assertThat(e.requestMayHaveBeenSent())
        .as("the first attempt reached the server, though the last two could not connect")
        .isTrue();
    listener.close();
  }

  /**
   * Accepts connections and answers every request read on them, numbered from 1 across all
   * connections, with the script for its number: strings written as they are, longs slept.
   */
  private static final class KeepAliveServer implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final IntFunction<List<Object>> script;

    /** Written on every new connection before anything is read; null for none. */
    private final String greeting;

    KeepAliveServer(IntFunction<List<Object>> script) throws IOException {
      this(null, script);
    }

    KeepAliveServer(String greeting, IntFunction<List<Object>> script) throws IOException {
      this.greeting = greeting;
      this.script = script;
      Thread acceptor = new Thread(this::acceptAll, "keep-alive-server");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    private void acceptAll() {
      while (!socket.isClosed()) {
        try {
          Socket connection = socket.accept();
          connections.incrementAndGet();
          Thread serve = new Thread(() -> serve(connection), "keep-alive-connection");
          serve.setDaemon(true);
          serve.start();
        } catch (IOException closed) {
          return;
        }
      }
    }

    private void serve(Socket connection) {
      try (connection) {
        if (greeting != null) {
          connection.getOutputStream().write(greeting.getBytes(StandardCharsets.UTF_8));
          connection.getOutputStream().flush();
        }
        while (true) {
          RawServer.readRequest(connection.getInputStream());
          for (Object step : script.apply(requests.incrementAndGet())) {
            if (step instanceof Long millis) {
              Thread.sleep(millis);
            } else {
              connection.getOutputStream().write(((String) step).getBytes(StandardCharsets.UTF_8));
              connection.getOutputStream().flush();
            }
          }
        }
      } catch (IOException | InterruptedException gone) {
        // the client closed the connection
      }
    }

    String baseUrl() {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }

    int connections() {
      return connections.get();
    }

    int requests() {
      return requests.get();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
