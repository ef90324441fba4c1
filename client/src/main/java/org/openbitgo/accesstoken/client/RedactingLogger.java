package org.openbitgo.accesstoken.client;

import feign.Request;
import feign.Response;
import feign.slf4j.Slf4jLogger;
import java.io.IOException;
import org.slf4j.LoggerFactory;

/**
 * Feign's SLF4J logger (DEBUG on {@value #LOGGER_NAME}), with every line passed through {@link
 * SecretRedactor} first. Redacting the finished line rather than selected headers covers all of
 * Feign's output at every level: headers, FULL request and response bodies, retries and I/O errors.
 */
final class RedactingLogger extends Slf4jLogger {

  static final String LOGGER_NAME = "org.openbitgo.accesstoken.client.http";

  private final org.slf4j.Logger slf4j = LoggerFactory.getLogger(LOGGER_NAME);
  private final SecretRedactor redactor;

  /** The redactor for the request being logged, which also knows that request's otp. */
  private final ThreadLocal<SecretRedactor> forRequest = new ThreadLocal<>();

  RedactingLogger(SecretRedactor redactor) {
    super(LOGGER_NAME);
    this.redactor = redactor;
  }

  @Override
  protected void logRequest(String configKey, Level logLevel, Request request) {
    forRequest.set(slf4j.isDebugEnabled() ? redactor.forRequest(request) : redactor);
    try {
      super.logRequest(configKey, logLevel, request);
    } finally {
      forRequest.remove();
    }
  }

  @Override
  protected Response logAndRebufferResponse(
      String configKey, Level logLevel, Response response, long elapsedTime) throws IOException {
    forRequest.set(slf4j.isDebugEnabled() ? redactor.forRequest(response.request()) : redactor);
    try {
      return super.logAndRebufferResponse(configKey, logLevel, response, elapsedTime);
    } finally {
      forRequest.remove();
    }
  }

  @Override
  protected void log(String configKey, String format, Object... args) {
    if (slf4j.isDebugEnabled()) {
      SecretRedactor current = forRequest.get() == null ? redactor : forRequest.get();
      super.log(configKey, "%s", current.redact(String.format(format, args)));
    }
  }
}
