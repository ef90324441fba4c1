package org.openbitgo.accesstoken.client;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/** Every log line of every logger, captured in memory while open (TRACE and up). */
final class CapturedLogs implements AutoCloseable {

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private final Level previousLevel = root.getLevel();

  CapturedLogs() {
    root.setLevel(Level.TRACE);
    captured.start();
    root.addAppender(captured);
  }

  /** Messages, MDC and stack traces, one event per line. */
  String text() {
    return captured.list.stream()
        .map(
            event ->
                event.getLoggerName()
                    + " "
                    + event.getFormattedMessage()
                    + " "
                    + event.getMDCPropertyMap()
                    + (event.getThrowableProxy() == null
                        ? ""
                        : ThrowableProxyUtil.asString(event.getThrowableProxy())))
        .collect(Collectors.joining("\n"));
  }

  @Override
  public void close() {
    root.detachAppender(captured);
    root.setLevel(previousLevel);
  }
}
