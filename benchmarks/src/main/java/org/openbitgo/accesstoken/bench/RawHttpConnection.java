package org.openbitgo.accesstoken.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * One keep-alive HTTP/1.1 connection over a plain socket: writes a pre-built request and reads the
 * status line, the headers and the whole body (Content-Length or chunked). The cheapest client
 * there is, so the numbers are the server's, not a client library's.
 */
final class RawHttpConnection implements AutoCloseable {

  static final int CONNECT_TIMEOUT_MS = 5_000;
  static final int READ_TIMEOUT_MS = 10_000;

  private final String host;
  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private final byte[] line = new byte[8192];
  private final byte[] skip = new byte[16 * 1024];

  /** Set by {@link #exchange}: the server said {@code Connection: close}. */
  private boolean closeRequested;

  RawHttpConnection(String host, int port) {
    this.host = host;
    this.port = port;
  }

  boolean isOpen() {
    return socket != null;
  }

  void open() throws IOException {
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      s.setSoTimeout(READ_TIMEOUT_MS);
      s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
      in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
      out = s.getOutputStream();
      socket = s;
    } catch (IOException e) {
      s.close();
      throw e;
    }
  }

  /**
   * Sends {@code request} (opening the connection first if needed) and reads the answer.
   *
   * @return the HTTP status
   */
  int exchange(byte[] request) throws IOException {
    if (socket == null) {
      open();
    }
    out.write(request);
    out.flush();
    int n = readLine();
    if (n < 12 || line[0] != 'H') {
      throw new IOException("bad status line");
    }
    int status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
    long contentLength = -1;
    boolean chunked = false;
    closeRequested = false;
    while ((n = readLine()) > 0) {
      if (startsWithIgnoreCase(n, "content-length:")) {
        contentLength = Long.parseLong(value(n, 15));
      } else if (startsWithIgnoreCase(n, "transfer-encoding:")) {
        chunked = value(n, 18).toLowerCase().contains("chunked");
      } else if (startsWithIgnoreCase(n, "connection:")) {
        closeRequested = value(n, 11).equalsIgnoreCase("close");
      }
    }
    if (chunked) {
      long size;
      while ((size = Long.parseLong(firstToken(readLine()), 16)) > 0) {
        skipFully(size);
        readLine();
      }
      while (readLine() > 0) {
        // trailers
      }
    } else if (contentLength >= 0) {
      skipFully(contentLength);
    } else {
      throw new IOException("response without Content-Length or chunked body");
    }
    return status;
  }

  boolean closeRequested() {
    return closeRequested;
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      socket = null;
      in = null;
      out = null;
    }
  }

  /** Reads one CRLF-terminated line into {@link #line}; returns its length without CRLF. */
  private int readLine() throws IOException {
    int n = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("connection closed by the server");
      }
      if (b == '\n') {
        return n > 0 && line[n - 1] == '\r' ? n - 1 : n;
      }
      if (n == line.length) {
        throw new IOException("header line too long");
      }
      line[n++] = (byte) b;
    }
  }

  private void skipFully(long count) throws IOException {
    long left = count;
    while (left > 0) {
      int r = in.read(skip, 0, (int) Math.min(skip.length, left));
      if (r < 0) {
        throw new EOFException("connection closed in the body");
      }
      left -= r;
    }
  }

  private boolean startsWithIgnoreCase(int n, String prefix) {
    if (n < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (Character.toLowerCase((char) line[i]) != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private String value(int n, int from) {
    return new String(line, from, n - from, java.nio.charset.StandardCharsets.US_ASCII).trim();
  }

  private String firstToken(int n) {
    String s = new String(line, 0, n, java.nio.charset.StandardCharsets.US_ASCII).trim();
    int semi = s.indexOf(';');
    return semi < 0 ? s : s.substring(0, semi);
  }
}
