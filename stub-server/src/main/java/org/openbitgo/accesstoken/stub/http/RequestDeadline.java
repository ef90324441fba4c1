package org.openbitgo.accesstoken.stub.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sits before the HTTP decoder and watches raw bytes: the first byte of a request starts a clock,
 * the answer stops it ({@link #answered()}). When it runs out, {@link #EXPIRED} travels up the
 * pipeline and {@link HttpExchangeHandler} answers (408, or 503 while the server stops). A peer
 * that trickles a body or its headers a byte at a time therefore holds a connection for a bounded
 * time, and never a thread: reading is non-blocking. An idle keep-alive connection has no clock
 * here ({@code IdleStateHandler} closes it).
 */
final class RequestDeadline extends ChannelInboundHandlerAdapter {

  /** The user event fired when the request in progress ran out of time. */
  static final Object EXPIRED =
      new Object() {
        @Override
        public String toString() {
          return "request deadline expired";
        }
      };

  private final long deadlineNanos;
  private ChannelHandlerContext context;
  private ScheduledFuture<?> timer;

  RequestDeadline(Duration deadline) {
    this.deadlineNanos = deadline.toNanos();
  }

  @Override
  public void handlerAdded(ChannelHandlerContext context) {
    this.context = context;
  }

  @Override
  public void channelRead(ChannelHandlerContext context, Object message) {
    if (timer == null && message instanceof ByteBuf bytes && bytes.isReadable()) {
      timer = schedule(deadlineNanos);
    }
    context.fireChannelRead(message);
  }

  /** The request in progress was answered: the next one gets its own clock. On the event loop. */
  void answered() {
    cancel();
  }

  /**
   * The server stops: an idle connection closes now; a request in progress keeps its clock, cut to
   * {@code grace} at most. Runs on the connection's event loop.
   */
  void stop(Duration grace) {
    if (timer == null) {
      context.close();
      return;
    }
    long left = timer.getDelay(TimeUnit.NANOSECONDS);
    if (left > grace.toNanos()) {
      cancel();
      timer = schedule(grace.toNanos());
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext context) {
    cancel();
    context.fireChannelInactive();
  }

  private ScheduledFuture<?> schedule(long nanos) {
    return context
        .executor()
        .schedule(
            () -> {
              timer = null;
              context.fireUserEventTriggered(EXPIRED);
            },
            nanos,
            TimeUnit.NANOSECONDS);
  }

  private void cancel() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
