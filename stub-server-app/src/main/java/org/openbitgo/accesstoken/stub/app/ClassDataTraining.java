package org.openbitgo.accesstoken.stub.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.openbitgo.accesstoken.contract.ContractFacts;
import org.openbitgo.accesstoken.stub.StubServer;
import org.openbitgo.accesstoken.stub.StubServerConfig;

/**
 * The build's training run for the class-data sharing archive ({@code
 * target/accesstoken-stub-server.jsa}): starts a server, sends it one request of each kind it
 * answers (a full create, a 400, a 401, a 404) and stops, so the JVM that runs this with {@code
 * -XX:ArchiveClassesAtExit} archives every class a first request needs. The archive is made by the
 * JVM that will run the stub, on the machine where it runs; another JVM ignores it.
 */
final class ClassDataTraining {

  private static final String TOKEN = "class-data-training";

  private static final String FULL_CREATE =
      "{\"label\":\"training\",\"scope\":[\"wallet_view_all\",\"wallet_spend:59cd72485007a239fb00282ed480da1f\"],"
          + "\"duration\":2592000,\"ipRestrict\":[\"203.0.113.7\",\"198.51.100.0/24\"],\"admin\":false,"
          + "\"spendingLimits\":[{\"coin\":\"btc\",\"txValueLimit\":100000000},"
          + "{\"coin\":\"eth\",\"txValueLimit\":\"123456789012345678901234567890\"}],"
          + "\"allErc20TokensLimit\":{\"enabled\":true,\"txValueLimit\":\"5\"},\"otp\":\"0000000\"}";

  private ClassDataTraining() {}

  public static void main(String[] args) throws IOException {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    try (StubServer server =
            StubServer.start(StubServerConfig.builder().port(0).acceptedToken(TOKEN).build());
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket.setSoTimeout(30_000);
      expect(socket, post(ContractFacts.OPERATION_PATH, "Bearer " + TOKEN, FULL_CREATE), 200);
      expect(
          socket, post(ContractFacts.OPERATION_PATH, "Bearer " + TOKEN, "{\"label\":\"\"}"), 400);
      expect(socket, post(ContractFacts.OPERATION_PATH, "Bearer unknown-token", FULL_CREATE), 401);
      expect(socket, post("/nothing", null, "{}"), 404);
    }
  }

  private static String post(String path, String authorization, String body) {
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
        + "Content-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length
        + "\r\n\r\n"
        + body;
  }

  /**
   * Sends one request on the keep-alive connection and reads its answer (Content-Length framed).
   */
  private static void expect(Socket socket, String request, int status) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(request.getBytes(StandardCharsets.UTF_8));
    out.flush();
    InputStream in = socket.getInputStream();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
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
    int at = headers.toLowerCase(java.util.Locale.ROOT).indexOf("content-length:");
    int length = Integer.parseInt(headers.substring(at + 15, headers.indexOf('\r', at)).trim());
    in.readNBytes(length);
  }
}
