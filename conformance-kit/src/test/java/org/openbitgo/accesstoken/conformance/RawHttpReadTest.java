package org.openbitgo.accesstoken.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openbitgo.accesstoken.probes.RawHttp;

/**
 * Final review: the kit's raw exchange (the 2 MiB create) read a chunked 413, as Tomcat and Spring
 * send their error pages, as an empty body, and a garbled status line or header threw an unchecked
 * exception quoting the provider's bytes. A real socket serves each canned answer.
 */
class RawHttpReadTest {

  @Test
  void aChunkedAnswerIsReadWholeAndAClosedOneToItsEnd() throws Exception {
    RawHttp.Response chunked =
        answer(
            "HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5;ext=1\r\n{\"err\r\n"
                + "9\r\nor\":\"big\"\r\n1\r\n}\r\n0\r\nX-Trailer: 1\r\n\r\n");
    assertThat(chunked.status()).isEqualTo(413);
    assertThat(chunked.body()).isEqualTo("{\"error\":\"big\"}");
    RawHttp.Response untilClose = answer("HTTP/1.1 413 Too Large\r\nConnection: close\r\n\r\n{}");
    assertThat(untilClose.body()).isEqualTo("{}");
    assertThat(answer("HTTP/1.1 100 Continue\r\n\r\n").body()).isEmpty();
  }

  @Test
  void anAnswerThatIsNotHttpIsAnIoExceptionThatDoesNotQuoteIt() {
    for (String garbled :
        new String[] {
          "SECRET-TOKEN-IN-A-BANNER\r\n\r\n",
          "HTTP/1.1 4x3 Bad\r\n\r\n",
          "HTTP/1.1 200 OK\r\nSECRET-TOKEN-NO-COLON\r\n\r\n",
          "HTTP/1.1 200 OK\r\nContent-Length: SECRET\r\n\r\n",
          "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nSECRET\r\n"
        }) {
      assertThatThrownBy(() -> answer(garbled))
          .as(garbled)
          .isInstanceOf(IOException.class)
          .hasMessageNotContaining("SECRET");
    }
  }

  /** What {@link RawHttp#read()} makes of {@code bytes} sent by a server that then closes. */
  private static RawHttp.Response answer(String bytes) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread peer =
          new Thread(
              () -> {
                try (Socket accepted = server.accept();
                    OutputStream out = accepted.getOutputStream()) {
                  out.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException ignored) {
                  // the assertions say what went wrong
                }
              });
      peer.start();
      try (RawHttp connection =
          new RawHttp("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(5))) {
        return connection.read();
      } finally {
        peer.join(5_000);
      }
    }
  }
}
