package org.openbitgo.accesstoken.stub;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding of this module's tests (registered in META-INF/services; surefire leaves
 * slf4j-simple off the test classpath): every line the server logs at INFO or above is kept in
 * memory, where a test can wait for it, instead of being written to a file and polled.
 */
public final class CapturedLog implements SLF4JServiceProvider {

  private static final List<String> LINES = new ArrayList<>();

  private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
  private final ILoggerFactory loggerFactory = name -> loggers.computeIfAbsent(name, Line::new);
  private final IMarkerFactory markerFactory = new BasicMarkerFactory();
  private final MDCAdapter mdcAdapter = new BasicMDCAdapter();

  /** Every line so far, as one text. */
  static String all() {
    synchronized (LINES) {
      return String.join("\n", LINES);
    }
  }

  /**
   * The first line that matches, waiting up to {@code timeout} for it: servers may log a request
   * after its answer has reached the client.
   */
  static Optional<String> awaitLine(Predicate<String> match, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (LINES) {
      while (true) {
        Optional<String> found = LINES.stream().filter(match).findFirst();
        long left = deadline - System.nanoTime();
        if (found.isPresent() || left <= 0) {
          return found;
        }
        LINES.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  private static void add(String line) {
    synchronized (LINES) {
      LINES.add(line);
      LINES.notifyAll();
    }
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggerFactory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markerFactory;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdcAdapter;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}

  /** A logger that appends "LEVEL name - message [throwable]" to the captured lines. */
  private static final class Line extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L; // Serializable only through SLF4J's base class

    Line(String name) {
      this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
      return false;
    }

    @Override
    public boolean isDebugEnabled() {
      return false;
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
      String message = MessageFormatter.basicArrayFormat(pattern, arguments);
      StringWriter line = new StringWriter().append(level + " " + name + " - " + message);
      if (throwable != null) {
        // the whole trace: a secret in any nested message would be caught by the tests' checks
        throwable.printStackTrace(new PrintWriter(line.append(' ')));
      }
      add(line.toString());
    }
  }
}
