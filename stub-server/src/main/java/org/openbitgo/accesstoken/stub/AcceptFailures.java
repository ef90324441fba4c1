package org.openbitgo.accesstoken.stub;

import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening socket's failures, one log line each at most every ten seconds. An accept that
 * fails ({@code Too many open files}) otherwise reaches the end of Netty's pipeline, which logs a
 * stack trace for every retry; here accepting pauses for a second, as Netty's own acceptor does,
 * and the line says what to do.
 */
final class AcceptFailures extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(StubServer.class);
  private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - QUIET_NANOS);

  /** Descriptors kept free for what is not a connection: the JVM's jars, the log, a new accept. */
  private static final int SPARE_DESCRIPTORS = 128;

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    ChannelConfig config = context.channel().config();
    if (config.isAutoRead()) {
      config.setAutoRead(false);
      context.channel().eventLoop().schedule(() -> config.setAutoRead(true), 1, TimeUnit.SECONDS);
    }
    if (quietPeriodOver()) {
      LOG.warn(
          "cannot accept connections ({}: {}); retrying every second. Too many open files means"
              + " too many connections: raise the limit (ulimit -n) or close idle ones",
          cause.getClass().getSimpleName(),
          cause.getMessage());
    }
  }

  /** A connection closed at once because {@code cap} are open. */
  static void connectionRefused(int cap) {
    if (quietPeriodOver()) {
      LOG.warn("{} connections are open, the most this server keeps: new ones are closed", cap);
    }
  }

  private static boolean quietPeriodOver() {
    long now = System.nanoTime();
    long last = lastLogged.get();
    return now - last >= QUIET_NANOS && lastLogged.compareAndSet(last, now);
  }

  /** {@code most}, or fewer when the process may open fewer descriptors than that. */
  static int connectionCap(int most) {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      long usable = unix.getMaxFileDescriptorCount() - SPARE_DESCRIPTORS;
      return (int) Math.max(1, Math.min(most, usable));
    }
    return most;
  }
}
