package org.openbitgo.accesstoken.client;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Every log line of every logger, captured in memory while open (TRACE and up). It changes the root
 * logger, which every thread shares: a test class that uses it holds {@link #ROOT_LOGGER} (JUnit's
 * {@code @ResourceLock}), so two classes never capture at once while classes run in parallel.
 */
final class CapturedLogs implements AutoCloseable {

  /** The lock a test class using this holds. */
  static final String ROOT_LOGGER = "logback root logger";

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
    List<ILoggingEvent> events;
    // other test classes' threads log meanwhile: AppenderBase appends under the appender's lock
    synchronized (captured) {
      events = new ArrayList<>(captured.list);
    }
    return events.stream()
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
