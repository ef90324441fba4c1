package org.openbitgo.accesstoken.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A raw socket server on loopback (port 0) that answers with bytes no well-behaved HTTP server
 * would send: reads one whole request (headers and Content-Length body), writes the scripted bytes,
 * then closes, holds the connection open, or trickles one more byte every 100 ms; or {@linkplain
 * #paced paces} a whole answer in pieces.
 */
final class RawServer implements AutoCloseable {

  /** What the server does once the scripted bytes are written. */
  enum Then {
    CLOSE,
    HOLD_OPEN,
    TRICKLE
  }

  private static final Pattern CONTENT_LENGTH =
      Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

  /** Bounds a hold or trickle even if the client never gives up, so a failing test still ends. */
  private static final long GIVE_UP_MILLIS = 60_000;

  private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  private final AtomicInteger requestsRead = new AtomicInteger();
  private final AtomicReference<String> lastRequest = new AtomicReference<>("");
  private final CountDownLatch clientHungUp = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread acceptor;

  /** Writes {@code response} and closes the connection. */
  RawServer(String response) throws IOException {
    this(response, Then.CLOSE);
  }

  RawServer(String response, Then then) throws IOException {
    this(
        (server, connection, out) -> {
          out.write(response.getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          if (then != Then.CLOSE) {
            server.stall(connection, then);
          }
        });
  }

  /**
   * Writes {@code head}, then {@code body} in {@code pieces} parts with {@code pauseMillis} before
   * each, then closes: a slow but steady answer.
   */
  static RawServer paced(String head, String body, int pieces, long pauseMillis)
      throws IOException {
    return new RawServer(
        (server, connection, out) -> {
          out.write(head.getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          for (int i = 0; i < pieces; i++) {
            Thread.sleep(pauseMillis);
            int from = bytes.length * i / pieces;
            out.write(bytes, from, bytes.length * (i + 1) / pieces - from);
            out.flush();
          }
        });
  }

  /** What the server does with each connection once it has read the request. */
  @FunctionalInterface
  private interface Script {
    void answer(RawServer server, Socket connection, OutputStream out)
        throws IOException, InterruptedException;
  }

  private RawServer(Script script) throws IOException {
    acceptor =
        new Thread(
            () -> {
              while (!socket.isClosed()) {
                try (Socket connection = socket.accept()) {
                  lastRequest.set(readRequest(connection.getInputStream()));
                  requestsRead.incrementAndGet();
                  script.answer(this, connection, connection.getOutputStream());
                } catch (IOException | InterruptedException closedOrGone) {
                  // the test is over, or the client went away
                }
              }
            },
            "raw-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  int requestsRead() {
    return requestsRead.get();
  }

  String lastRequest() {
    return lastRequest.get();
  }

  /** Whether the client closed a held or trickled connection within {@code seconds}. */
  boolean clientHungUpWithin(long seconds) throws InterruptedException {
    return clientHungUp.await(seconds, TimeUnit.SECONDS);
  }

  private void stall(Socket connection, Then then) throws IOException, InterruptedException {
    connection.setSoTimeout(100);
    long giveUpAt = System.currentTimeMillis() + GIVE_UP_MILLIS;
    while (System.currentTimeMillis() < giveUpAt && closed.getCount() > 0) {
      try {
        if (connection.getInputStream().read() < 0) {
          clientHungUp.countDown();
          return;
        }
      } catch (java.net.SocketTimeoutException quiet) {
        if (then == Then.TRICKLE) {
          connection.getOutputStream().write(' ');
          connection.getOutputStream().flush();
        }
      } catch (IOException reset) {
        clientHungUp.countDown();
        return;
      }
    }
  }

  /** One whole request (headers and Content-Length body) as text. */
  static String readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("client closed before the end of the headers");
      }
      head.write(b);
    }
    String headers = head.toString(StandardCharsets.ISO_8859_1);
    Matcher length = CONTENT_LENGTH.matcher(headers);
    byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
    return headers + new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    closed.countDown();
    socket.close();
    try {
      acceptor.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the caller's interrupt stays visible to it
    }
  }
}
