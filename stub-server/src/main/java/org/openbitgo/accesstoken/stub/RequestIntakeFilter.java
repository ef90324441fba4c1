package org.openbitgo.accesstoken.stub;

import org.openbitgo.accesstoken.contract.ContractFacts;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * First thing for every request, matched or not: gives it a request id and a start time, and
 * enforces the body size limit (413) before anything parses the body. The body is buffered (at
 * most the limit), which also covers chunked uploads that announce no length.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
final class RequestIntakeFilter implements ContainerRequestFilter {

  static final String REQUEST_ID_HEADER = ContractFacts.REQUEST_ID_HEADER;

  /** A caller's own request id is reused only if it is short and harmless in a log line. */
  private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final int maxBodyBytes;

  RequestIntakeFilter(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    request.setProperty(RequestAttributes.STARTED_NANOS, System.nanoTime());
    String callerRequestId = request.getHeaderString(REQUEST_ID_HEADER);
    request.setProperty(
        RequestAttributes.REQUEST_ID,
        callerRequestId != null && SAFE_REQUEST_ID.matcher(callerRequestId).matches()
            ? callerRequestId
            : Secrets.randomHex(8));

    if (request.getLength() > maxBodyBytes) {
      request.abortWith(tooLarge());
      return;
    }
    if (!request.hasEntity()) {
      return;
    }
    InputStream body = request.getEntityStream();
    byte[] buffered = body.readNBytes(maxBodyBytes + 1);
    if (buffered.length > maxBodyBytes) {
      request.abortWith(tooLarge());
      return;
    }
    request.setEntityStream(new ByteArrayInputStream(buffered));
  }

  private jakarta.ws.rs.core.Response tooLarge() {
    return PlatformErrors.builder(
            413,
            "request body is larger than " + maxBodyBytes + " bytes",
            Map.of("limitBytes", maxBodyBytes))
        .header("Connection", "close") // the rest of the body is not read
        .build();
  }
}
