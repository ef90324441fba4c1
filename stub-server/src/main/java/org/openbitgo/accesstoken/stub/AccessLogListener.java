package org.openbitgo.accesstoken.stub;

import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request, whatever its outcome: method, path, status, request id, duration.
 * Never headers (the Authorization header holds a secret), never the query or the body.
 */
final class AccessLogListener implements ApplicationEventListener {

  static final Logger ACCESS_LOG = LoggerFactory.getLogger("org.openbitgo.accesstoken.stub.access");
  private static final int MAX_LOGGED_PATH = 200;

  @Override
  public void onEvent(ApplicationEvent event) {}

  @Override
  public RequestEventListener onRequest(RequestEvent start) {
    return event -> {
      if (event.getType() == RequestEvent.Type.FINISHED) {
        log(event.getContainerRequest(), event.getContainerResponse());
      }
    };
  }

  private static void log(ContainerRequest request, ContainerResponse response) {
    if (!ACCESS_LOG.isInfoEnabled() || request == null) {
      return;
    }
    Object started = request.getProperty(RequestAttributes.STARTED_NANOS);
    long millis =
        started instanceof Long nanos ? (System.nanoTime() - nanos) / 1_000_000 : -1;
    ACCESS_LOG.info(
        "{} {} {} requestId={} {}ms",
        request.getMethod(),
        printablePath(request.getRequestUri().getRawPath()),
        response == null ? "-" : String.valueOf(response.getStatus()),
        request.getProperty(RequestAttributes.REQUEST_ID),
        millis);
  }

  /** Raw paths are percent-encoded already; cap the length so a long URL cannot flood the log. */
  private static String printablePath(String rawPath) {
    if (rawPath == null) {
      return "-";
    }
    String clean = rawPath.replaceAll("[^\\x21-\\x7e]", "?");
    return clean.length() <= MAX_LOGGED_PATH ? clean : clean.substring(0, MAX_LOGGED_PATH) + "...";
  }
}
