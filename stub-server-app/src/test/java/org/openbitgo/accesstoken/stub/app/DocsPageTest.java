package org.openbitgo.accesstoken.stub.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openbitgo.accesstoken.stub.StubServer;

/**
 * {@code GET /docs} on the stub application: the reference page built into its classes, without a
 * bearer token; the only HTML the stub answers. Every other request keeps its JSON errors.
 */
class DocsPageTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static StubServer server;

  @BeforeAll
  static void startTheApplicationsServer() throws Exception {
    // the way the application starts it (StubServerMain.main)
    server =
        StubServerMain.listen(
            StubServerMain.configure(
                List.of("--port", "0", "--token", "docs-test-token"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<byte[]> send(String method, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(server.baseUri().resolve(path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void getDocsAnswersTheReferencePageWithoutAuthentication() throws Exception {
    HttpResponse<byte[]> docs = send("GET", "/docs");
    assertThat(docs.statusCode()).isEqualTo(200);
    assertThat(docs.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    byte[] built;
    try (InputStream in = DocsPage.class.getResourceAsStream(ReferencePage.PAGE_RESOURCE)) {
      built = in.readAllBytes();
    }
    assertThat(docs.body()).isEqualTo(built);
    String page = new String(docs.body(), StandardCharsets.UTF_8);
    assertThat(page)
        .startsWith("<!DOCTYPE html>")
        .contains("SwaggerUIBundle", "\"operationId\":\"createAccessToken\"", "x-codeSamples")
        .doesNotContain("<script src=", "<link ");
  }

  @Test
  void everyOtherPathAndMethodKeepsItsJsonError() throws Exception {
    for (String[] request :
        new String[][] {
          {"POST", "/docs"},
          {"GET", "/docs/"},
          {"GET", "/doc"},
          {"GET", "/"},
          {"GET", "/api/v2/user/accesstoken"},
          {"POST", "/api/v2/user/accesstoken"}
        }) {
      HttpResponse<byte[]> answer = send(request[0], request[1]);
      assertThat(answer.statusCode()).as("%s %s", request[0], request[1]).isBetween(400, 499);
      assertThat(answer.headers().firstValue("Content-Type"))
          .as("%s %s", request[0], request[1])
          .hasValue("application/json");
      assertThat(new String(answer.body(), StandardCharsets.UTF_8))
          .as("%s %s", request[0], request[1])
          .startsWith("{\"error\":");
    }
  }
}
