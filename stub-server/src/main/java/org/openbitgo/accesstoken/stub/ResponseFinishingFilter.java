package org.openbitgo.accesstoken.stub;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import org.openbitgo.accesstoken.server.generated.model.PlatformError;

/**
 * Last touch on every response, errors included: the request id as {@code X-Request-Id} and in
 * the error body, and {@code Cache-Control: no-store} because a 200 carries a secret.
 */
final class ResponseFinishingFilter implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object requestId = request.getProperty(RequestAttributes.REQUEST_ID);
    String id = requestId == null ? Secrets.randomHex(8) : requestId.toString();
    response.getHeaders().putSingle(RequestIntakeFilter.REQUEST_ID_HEADER, id);
    response.getHeaders().putSingle("Cache-Control", "no-store");
    if (response.getEntity() instanceof PlatformError error) {
      error.setRequestId(id);
    }
  }
}
