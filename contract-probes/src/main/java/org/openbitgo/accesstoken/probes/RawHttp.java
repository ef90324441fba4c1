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

  /** The most body bytes read from one answer: no answer of the contract comes near it. */
  private static final int MAX_BODY_BYTES = 8 << 20;

  /**
   * Reads one response, framed as HTTP/1.1 frames it: by Content-Length, by chunks, or (neither) by
   * the end of the connection; a 1xx, 204 or 304 has no body. An answer that is not HTTP/1.1 is an
   * {@link IOException} that never quotes it.
   */
  public Response read() throws IOException {
    String statusLine = line();
    if (statusLine == null) {
      throw new IOException("the connection closed before a response");
    }
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("[1-5][0-9]{2}")) {
      throw new IOException("the answer's status line is not HTTP/1.1");
    }
    int status = Integer.parseInt(parts[1]);
    Map<String, List<String>> headers = headersUntilBlankLine();
    String contentLength =
        headers.containsKey("content-length") ? headers.get("content-length").get(0) : null;
    String transferEncoding =
        headers.containsKey("transfer-encoding") ? headers.get("transfer-encoding").get(0) : null;
    byte[] body;
    if (status < 200 || status == 204 || status == 304) {
      body = new byte[0];
    } else if (transferEncoding != null && transferEncoding.equalsIgnoreCase("chunked")) {
      body = chunkedBody();
    } else if (contentLength != null) {
      if (!contentLength.matches("[0-9]{1,9}")
          || Integer.parseInt(contentLength) > MAX_BODY_BYTES) {
        throw new IOException(
            "the answer's Content-Length is not a number up to " + MAX_BODY_BYTES);
      }
      body = in.readNBytes(Integer.parseInt(contentLength));
    } else {
      body = in.readNBytes(MAX_BODY_BYTES); // delimited by the connection's end
    }
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private Map<String, List<String>> headersUntilBlankLine() throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String line = line(); line != null && !line.isEmpty(); line = line()) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IOException("an answer header is not name: value");
      }
      headers
          .computeIfAbsent(
              line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(line.substring(colon + 1).trim());
    }
    return headers;
  }

  private byte[] chunkedBody() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = line();
      if (sizeLine == null) {
        throw new IOException("the connection closed inside a chunked answer");
      }
      int extension = sizeLine.indexOf(';');
      String size = (extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim();
      if (!size.matches("[0-9A-Fa-f]{1,7}")) {
        throw new IOException("an answer's chunk size is not hexadecimal");
      }
      int length = Integer.parseInt(size, 16);
      if (length == 0) {
        headersUntilBlankLine(); // the trailers
        return body.toByteArray();
      }
      if (body.size() + length > MAX_BODY_BYTES) {
        throw new IOException("a chunked answer is longer than " + MAX_BODY_BYTES + " bytes");
      }
      body.write(in.readNBytes(length));
      line(); // the CRLF after the chunk's data
    }
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
