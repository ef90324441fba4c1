package org.openbitgo.accesstoken.client;

import feign.FeignException;
import feign.InvocationContext;
import feign.Response;
import feign.ResponseInterceptor;
import feign.RetryableException;

/**
 * Turns a 2xx answer whose body cannot be read into a {@link BitGoTransportException} that carries
 * neither the request nor the body.
 *
 * <p>Left to Feign, such a failure is a {@code DecodeException} holding the request — its {@code
 * Authorization} header and any {@code otp} included — and a parser message that may quote the
 * body, i.e. the created token's secret. Non-2xx answers are not touched: the error decoder has
 * already made them typed exceptions.
 */
final class UnreadableAnswerInterceptor implements ResponseInterceptor {

  @Override
  public Object intercept(InvocationContext context, Chain chain) throws Exception {
    try {
      return chain.next(context);
    } catch (RetryableException e) {
      throw e;
    } catch (FeignException e) {
      Response response = context.response();
      if (response.status() < 200 || response.status() > 299) {
        throw e;
      }
      // Only the failure's type travels on: its message and cause may quote the body.
      Throwable reason = e.getCause() == null ? e : e.getCause();
      throw new BitGoTransportException(
          "HTTP "
              + response.status()
              + " answer to "
              + response.request().httpMethod()
              + " "
              + response.request().url()
              + " could not be read ("
              + reason.getClass().getSimpleName()
              + "). The token may have been created: check the account's tokens before creating"
              + " another.",
          null,
          true,
          1);
    }
  }
}
