package org.openbitgo.accesstoken.stub.app;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openbitgo.accesstoken.contract.ContractFacts;
import org.openbitgo.accesstoken.stub.StubServer;
import org.openbitgo.accesstoken.stub.StubServerConfig;

/**
 * The build's training run for the stub's start-up archive: starts a server as {@link
 * StubServerMain} does (its access log included, written to a discarded standard output) and sends
 * it, over two keep-alive connections, rounds of what a client sends: full creates, invalid bodies
 * (400), an unknown bearer token (401), an unknown path (404), a list and a revoke. On Java 17 the
 * JVM that runs this with {@code -XX:ArchiveClassesAtExit} archives every class those requests
 * need; a JVM with an AOT cache (JDK 25+, {@code -XX:AOTCacheOutput}) also keeps the classes linked
 * and the hot methods' profiles, so the stub compiles its hot path early. The archive is made by
 * the JVM that will run the stub, on the machine where it runs; another JVM ignores it.
 */
final class ClassDataTraining {

  /**
   * Rounds by default: every request kind several times, which is all a class archive needs (each
   * class once); a JVM that also records profiles wants thousands, given as the first argument.
   */
  static final int DEFAULT_ROUNDS = 60;

  private static final String TOKEN = "class-data-training";

  private static final String FULL_CREATE =
      "{\"label\":\"training\",\"scope\":[\"wallet_view_all\",\"wallet_spend:59cd72485007a239fb00282ed480da1f\"],"
          + "\"duration\":2592000,\"ipRestrict\":[\"203.0.113.7\",\"198.51.100.0/24\"],"
          + "\"enterprise\":\"5a84db4d6dd6c7dd07d2e3b5a7e9d9c4\",\"admin\":false,"
          + "\"spendingLimits\":[{\"coin\":\"btc\",\"txValueLimit\":100000000},"
          + "{\"coin\":\"eth\",\"txValueLimit\":\"123456789012345678901234567890\",\"maxLimit\":false}],"
          + "\"allErc20TokensLimit\":{\"enabled\":true,\"maxLimit\":false,\"txValueLimit\":\"5\"},"
          + "\"otp\":\"0000000\"}";

  /** Bodies answered 400, each failing a different rule. */
  private static final String[] INVALID_BODIES = {
    "{\"label\":\"x\",\"ipRestrict\":[\"1.2.3.400\"]}",
    "{\"label\":\"\"}",
    "{\"label\":\"x\",\"duration\":\"60\"}",
    "[1,2,3]",
    "{\"label\":\"x\",\"scope\":[\"no-such-scope\"]}",
    "not json",
  };

  private static final Pattern CREATED_ID = Pattern.compile("\"id\":\"([0-9a-f]+)\"");

  private ClassDataTraining() {}

  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_ROUNDS;
    // the stub's own standard output and log settings, its lines thrown away
    System.setOut(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
    StubServerMain.configureLoggingDefaults();
    try (StubServer server =
            StubServer.start(StubServerConfig.builder().port(0).acceptedToken(TOKEN).build());
        Connection first = new Connection(server);
        Connection second = new Connection(server)) {
      for (int round = 0; round < rounds; round++) {
        // the event loops take connections in turn: two connections train both
        Connection socket = round % 2 == 0 ? first : second;
        String created =
            expect(socket, request("POST", ContractFacts.OPERATION_PATH, FULL_CREATE), 200);
        expect(socket, request("POST", ContractFacts.OPERATION_PATH, FULL_CREATE), 200);
        expect(
            socket,
            request(
                "POST",
                ContractFacts.OPERATION_PATH,
                INVALID_BODIES[round % INVALID_BODIES.length]),
            400);
        if (round % 10 == 0) {
          expect(socket, request("GET", ContractFacts.OPERATION_PATH + "?limit=5", null), 200);
          expect(
              socket,
              request("DELETE", ContractFacts.OPERATION_PATH + "/" + idOf(created), null),
              200);
          expect(
              socket,
              withToken(
                  request("POST", ContractFacts.OPERATION_PATH, FULL_CREATE), "unknown-token"),
              401);
          expect(socket, request("POST", "/nothing", "{}"), 404);
        }
      }
    }
  }

  private static boolean endsWithBlankLine(StringBuilder head) {
    int n = head.length();
    return n >= 4
        && head.charAt(n - 4) == '\r'
        && head.charAt(n - 3) == '\n'
        && head.charAt(n - 2) == '\r'
        && head.charAt(n - 1) == '\n';
  }

  /** One keep-alive connection to the server, its answers read through a buffer. */
  private static final class Connection implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    Connection(StubServer server) throws IOException {
      socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
      socket.setSoTimeout(30_000);
      socket.setTcpNoDelay(true);
      in = new BufferedInputStream(socket.getInputStream());
      out = socket.getOutputStream();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private static String request(String method, String target, String body) {
    return method
        + " "
        + target
        + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
        + TOKEN
        + "\r\n"
        + (body == null
            ? "\r\n"
            : "Content-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\n\r\n"
                + body);
  }

  private static String withToken(String request, String token) {
    return request.replace("Bearer " + TOKEN, "Bearer " + token);
  }

  private static String idOf(String created) throws IOException {
    Matcher id = CREATED_ID.matcher(created);
    if (!id.find()) {
      throw new IOException("a create answered without an id");
    }
    return id.group(1);
  }

  /**
   * Sends one request on the keep-alive connection and reads its answer (Content-Length framed).
   */
  private static String expect(Connection connection, String request, int status)
      throws IOException {
    connection.out.write(request.getBytes(StandardCharsets.UTF_8));
    connection.out.flush();
    InputStream in = connection.in;
    StringBuilder head = new StringBuilder();
    while (!endsWithBlankLine(head)) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the connection closed before an answer");
      }
      head.append((char) b);
    }
    String headers = head.toString();
    if (!headers.startsWith("HTTP/1.1 " + status + " ")) {
      throw new IOException(
          "expected " + status + ", got " + headers.lines().findFirst().orElse(""));
    }
    int at = headers.toLowerCase(Locale.ROOT).indexOf("content-length:");
    int length = Integer.parseInt(headers.substring(at + 15, headers.indexOf('\r', at)).trim());
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
