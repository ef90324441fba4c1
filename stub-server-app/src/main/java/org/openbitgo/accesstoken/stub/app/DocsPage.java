package org.openbitgo.accesstoken.stub.app;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.openbitgo.accesstoken.stub.http.EncodedBody;
import org.openbitgo.accesstoken.stub.http.HttpRequestRules;
import org.openbitgo.accesstoken.stub.http.RequestRouter;
import org.openbitgo.accesstoken.stub.http.Routing;
import org.openbitgo.accesstoken.stub.rules.Answer;

/**
 * {@code GET /docs}: the API reference ({@link ReferencePage}, built into this application's
 * classes), without authentication, so a developer who started the stub has it one click away. The
 * only HTML the stub answers; every other request, {@code /docs} with another method included, goes
 * on to the contract's operations and their JSON errors.
 */
final class DocsPage implements RequestRouter {

  /** Where the page is served. */
  static final String PATH = "/docs";

  private final Answer page;

  DocsPage() {
    try (InputStream in = DocsPage.class.getResourceAsStream(ReferencePage.PAGE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(ReferencePage.PAGE_RESOURCE + " is not in the jar");
      }
      page =
          new Answer(
              200, Map.of(), new EncodedBody("text/html; charset=utf-8", in.readAllBytes()), false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Routing route(HttpRequest request, String callerIpv4) {
    boolean docs =
        request.method().equals(HttpMethod.GET)
            && HttpRequestRules.pathOf(request.uri()).equals(PATH);
    return docs ? Routing.readBody((body, length) -> page) : null;
  }
}
