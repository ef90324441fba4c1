package org.openbitgo.accesstoken.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain HTTP caller of a running stub server, as a client in any language would be. */
final class StubHttp {

  static final ObjectMapper JSON = new ObjectMapper();

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private StubHttp() {}

  static HttpResponse<String> post(URI uri, String bearerToken, String contentType, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (bearerToken != null) {
      request.header("Authorization", "Bearer " + bearerToken);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request.build());
  }

  static HttpResponse<String> postJson(URI uri, String bearerToken, String json) {
    return post(uri, bearerToken, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code GET} with a bearer token (none when null). */
  static HttpResponse<String> get(URI uri, String bearerToken) {
    return send(withBearer(HttpRequest.newBuilder(uri).GET(), bearerToken));
  }

  /** {@code DELETE} with a bearer token (none when null). */
  static HttpResponse<String> delete(URI uri, String bearerToken) {
    return send(withBearer(HttpRequest.newBuilder(uri).DELETE(), bearerToken));
  }

  private static HttpRequest withBearer(HttpRequest.Builder request, String bearerToken) {
    request.timeout(Duration.ofSeconds(10));
    if (bearerToken != null) {
      request.header("Authorization", "Bearer " + bearerToken);
    }
    return request.build();
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }
}
