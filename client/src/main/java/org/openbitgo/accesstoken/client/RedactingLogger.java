package org.openbitgo.accesstoken.client;

import feign.slf4j.Slf4jLogger;
import org.slf4j.LoggerFactory;

/**
 * Feign's SLF4J logger (DEBUG on {@value #LOGGER_NAME}), with every line passed through the call's
 * {@link SecretRedactor} first. Redacting the finished line rather than selected headers covers all
 * of Feign's output at every level: headers, FULL request and response bodies, retries and I/O
 * errors.
 */
final class RedactingLogger extends Slf4jLogger {

  static final String LOGGER_NAME = "org.openbitgo.accesstoken.client.http";

  private final org.slf4j.Logger slf4j = LoggerFactory.getLogger(LOGGER_NAME);
  private final CallScope calls;

  RedactingLogger(CallScope calls) {
    super(LOGGER_NAME);
    this.calls = calls;
  }

  @Override
  protected void log(String configKey, String format, Object... args) {
    if (slf4j.isDebugEnabled()) {
      super.log(configKey, "%s", calls.secrets().redact(String.format(format, args)));
    }
  }
}
