package org.openbitgo.accesstoken.probes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One TCP connection to a server of the contract, spoken to byte by byte as a hostile peer would:
 * no HTTP library in between to fix up or refuse what the caller sends.
 */
public final class RawHttp implements AutoCloseable {

  /** A response as read off the wire; header names in lower case. */
  public record Response(int status, Map<String, List<String>> headers, String body) {

    /** The first value of a header, or null. */
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : values.get(0);
    }
  }

  private final Socket socket;
  private final PushbackInputStream in;

  /** Connects to {@code host:port}; every read waits at most {@code readTimeout}. */
  public RawHttp(String host, int port, Duration readTimeout) {
    this(connect(host, port), readTimeout);
  }

  /**
   * Speaks over a socket the caller connected (e.g. an {@code SSLSocket} for https); every read
   * waits at most {@code readTimeout}.
   */
  public RawHttp(Socket socket, Duration readTimeout) {
    try {
      this.socket = socket;
      socket.setSoTimeout((int) readTimeout.toMillis());
      in = new PushbackInputStream(socket.getInputStream(), 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Socket connect(String host, int port) {
    try {
      return new Socket(host, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether answer bytes have arrived and can be read without waiting. */
  public boolean answerWaiting() throws IOException {
    return in.available() > 0;
  }

  /**
   * Whether the server starts answering within {@code wait} (e.g. refusing a request from its
   * headers before the body is sent); the byte read is kept for {@link #read()}. A closed
   * connection counts as an answer.
   */
  public boolean answersWithin(Duration wait) throws IOException {
    int readTimeout = socket.getSoTimeout();
    socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
    try {
      int b = in.read();
      if (b != -1) {
        in.unread(b);
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } finally {
      socket.setSoTimeout(readTimeout);
    }
  }

  public RawHttp send(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
    return this;
  }

  public RawHttp send(String ascii) throws IOException {
    return send(ascii.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Reads one response framed by Content-Length (every answer of the stub has one). */
  public Response read() throws IOException {
    String statusLine = line();
    if (statusLine == null) {
      throw new IOException("the connection closed before a response");
    }
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String line = line(); line != null && !line.isEmpty(); line = line()) {
      int colon = line.indexOf(':');
      headers
          .computeIfAbsent(
              line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(line.substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", List.of("0")).get(0));
    byte[] body = in.readNBytes(length);
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  /**
   * Whether the server closed the connection: end of stream (or a reset) before any further byte.
   */
  public boolean closedByServer() throws IOException {
    try {
      return in.read() == -1;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset: closed with unread bytes of ours
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int end =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
