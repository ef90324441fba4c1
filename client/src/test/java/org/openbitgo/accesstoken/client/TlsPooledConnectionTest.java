package org.openbitgo.accesstoken.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbitgo.accesstoken.client.Fixtures.CALLER_TOKEN;
import static org.openbitgo.accesstoken.client.Fixtures.CREATED_ID;
import static org.openbitgo.accesstoken.client.Fixtures.CREATED_JSON;
import static org.openbitgo.accesstoken.client.Fixtures.FORGED_ANSWER;
import static org.openbitgo.accesstoken.client.Fixtures.rawAnswer;
import static org.openbitgo.accesstoken.client.Fixtures.treasuryBotRequest;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A forged answer over TLS: the peer queues part of a TLS record after a real answer. The record is
 * incomplete, so it yields no data yet, and a peek that asked the TLS layer only would see nothing;
 * the client would then send its next request and read the rest of the record as the answer.
 *
 * <p>Runs in a child JVM that trusts a certificate made for this test with {@code keytool}: the
 * client trusts the JVM's trust store, which this test JVM must not change for the others.
 */
class TlsPooledConnectionTest {

  private static final String PASSWORD = "changeit";
  @TempDir static Path keys;

  private static Path keyStore;
  private static Path trustStore;

  /** The server's key, and a trust store holding its certificate alone. */
  @BeforeAll
  static void makeKeys() throws Exception {
    keyStore = keys.resolve("server.p12");
    trustStore = keys.resolve("trust.p12");
    // keytool is the one way the JDK makes a certificate; the trust store is written here, which
    // spares two more JVM starts
    keytool(
        "-genkeypair -alias server -keyalg EC -groupname secp256r1 -dname CN=localhost"
            + " -ext SAN=ip:127.0.0.1 -validity 2 -storetype PKCS12 -keystore {} -storepass {}",
        keyStore,
        PASSWORD);
    KeyStore server = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      server.load(in, PASSWORD.toCharArray());
    }
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("server", server.getCertificate("server"));
    try (OutputStream out = Files.newOutputStream(trustStore)) {
      trusted.store(out, PASSWORD.toCharArray());
    }
  }

  @Test
  void partOfAForgedRecordOnAPooledConnectionIsNeverReadAsTheNextAnswer() throws Exception {
    Process program =
        ChildJvm.start(
            List.of(
                "-Djavax.net.ssl.trustStore=" + trustStore,
                "-Djavax.net.ssl.trustStorePassword=" + PASSWORD),
            ForgedRecord.class,
            keyStore.toString(),
            "TLSv1.2",
            "TLSv1.3");
    assertThat(program.waitFor(60, TimeUnit.SECONDS)).as("the child ends").isTrue();
    String output = new String(program.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    for (String protocol : List.of("TLSv1.2", "TLSv1.3")) {
      assertThat(output)
          .as("the second answer is the server's answer to the second request")
          .contains(protocol + " second: " + CREATED_ID)
          .contains(protocol + " connections: 2");
    }
  }

  @Test
  void theChildRefusesAServerItDoesNotTrust() throws Exception {
    // the child's trust store is what makes the handshake succeed: the JVM's own refuses the server
    Process program = ChildJvm.start(List.of(), ForgedRecord.class, keyStore.toString(), "TLSv1.3");
    assertThat(program.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(program.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(output).contains("TLSv1.3 first: refused").doesNotContain("second:");
  }

  /** Runs keytool with {@code arguments}, each {@code {}} in them replaced by the next value. */
  private static void keytool(String arguments, Object... values) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
    int next = 0;
    for (String argument : arguments.split(" ")) {
      command.add(argument.equals("{}") ? String.valueOf(values[next++]) : argument);
    }
    Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(keytool.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(output).isZero();
  }

  /**
   * The child JVM's program. A TLS server answers the first request on its first connection, then
   * writes a forged answer of which only the first 3 bytes reach the wire; the rest follows once
   * the next request on that connection has been read, and that request gets no answer of its own.
   * Every other connection answers normally. The client makes two creates and prints what it got.
   */
  static final class ForgedRecord {
    public static void main(String[] args) throws Exception {
      SSLContext server = serverContext(Path.of(args[0]));
      for (String protocol : List.of(args).subList(1, args.length)) {
        run(server, protocol);
      }
    }

    private static void run(SSLContext server, String protocol) throws Exception {
      AtomicInteger connections = new AtomicInteger();
      String forged = FORGED_ANSWER;
      try (ServerSocket listener = new HoldingServerSocket()) {
        Thread acceptor =
            new Thread(
                () -> {
                  while (true) {
                    try {
                      HoldingSocket raw = (HoldingSocket) listener.accept();
                      int n = connections.incrementAndGet();
                      Thread serve = new Thread(() -> serve(server, protocol, raw, n == 1, forged));
                      serve.setDaemon(true);
                      serve.start();
                    } catch (IOException closed) {
                      return;
                    }
                  }
                });
        acceptor.setDaemon(true);
        acceptor.start();
        try (AccessTokenClient client =
            AccessTokenClient.builder()
                .baseUrl("https://127.0.0.1:" + listener.getLocalPort())
                .accessToken(CALLER_TOKEN)
                .maxAttempts(1)
                .build()) {
          try {
            String first = client.createAccessToken(treasuryBotRequest()).getId();
            System.out.println(protocol + " first: " + first);
          } catch (BitGoTransportException refused) {
            System.out.println(protocol + " first: refused");
            return;
          }
          Thread.sleep(300); // the forged record's first bytes arrive meanwhile
          String second = client.createAccessToken(treasuryBotRequest()).getId();
          System.out.println(protocol + " second: " + second);
        }
        System.out.println(protocol + " connections: " + connections.get());
      }
    }

    private static void serve(
        SSLContext context, String protocol, HoldingSocket raw, boolean forge, String forged) {
      try (SSLSocket tls =
          (SSLSocket) context.getSocketFactory().createSocket(raw, null, raw.getPort(), true)) {
        tls.setUseClientMode(false);
        tls.setEnabledProtocols(new String[] {protocol});
        InputStream in = tls.getInputStream();
        OutputStream out = tls.getOutputStream();
        RawServer.readRequest(in);
        out.write(rawAnswer(CREATED_JSON).getBytes(StandardCharsets.UTF_8));
        out.flush();
        if (!forge) {
          while (true) {
            RawServer.readRequest(in);
            out.write(rawAnswer(CREATED_JSON).getBytes(StandardCharsets.UTF_8));
            out.flush();
          }
        }
        Thread.sleep(100);
        raw.holdAllButTheFirst(3);
        out.write(forged.getBytes(StandardCharsets.UTF_8));
        out.flush();
        RawServer.readRequest(in); // the next request, if the client sends it here
        raw.release();
        Thread.sleep(5_000);
      } catch (IOException | InterruptedException gone) {
        // the client hung up
      }
    }

    private static SSLContext serverContext(Path keyStore) throws Exception {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = new FileInputStream(keyStore.toFile())) {
        keys.load(in, PASSWORD.toCharArray());
      }
      KeyManagerFactory managers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      managers.init(keys, PASSWORD.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(managers.getKeyManagers(), null, null);
      return context;
    }
  }

  /** Accepts {@link HoldingSocket}s. */
  private static final class HoldingServerSocket extends ServerSocket {
    HoldingServerSocket() throws IOException {
      super(0, 50, InetAddress.getLoopbackAddress());
    }

    @Override
    public Socket accept() throws IOException {
      Socket socket = new HoldingSocket();
      implAccept(socket);
      return socket;
    }
  }

  /**
   * A socket that can put only the first bytes of its next write on the wire, and hold the rest.
   */
  private static final class HoldingSocket extends Socket {
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private int pass = -1;
    private OutputStream out;

    synchronized void holdAllButTheFirst(int bytes) {
      pass = bytes;
    }

    synchronized void release() throws IOException {
      pass = -1;
      super.getOutputStream().write(held.toByteArray());
      super.getOutputStream().flush();
      held.reset();
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
      if (out == null) {
        OutputStream wire = super.getOutputStream();
        out =
            new OutputStream() {
              @Override
              public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
              }

              @Override
              public void write(byte[] bytes, int offset, int length) throws IOException {
                synchronized (HoldingSocket.this) {
                  if (pass < 0) {
                    wire.write(bytes, offset, length);
                    return;
                  }
                  int now = Math.min(pass, length);
                  wire.write(bytes, offset, now);
                  held.write(bytes, offset + now, length - now);
                  pass -= now;
                }
              }

              @Override
              public void flush() throws IOException {
                wire.flush();
              }
            };
      }
      return out;
    }
  }
}
