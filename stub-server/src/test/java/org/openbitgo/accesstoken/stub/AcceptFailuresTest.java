package org.openbitgo.accesstoken.stub;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Review finding: 20,000 idle connections left a stack trace in the log every second. */
class AcceptFailuresTest {

  @Test
  void aFailedAcceptPausesAcceptingForASecondAndLogsOneLineWithoutAStackTrace() {
    EmbeddedChannel listener = new EmbeddedChannel(new AcceptFailures());
    IOException tooMany = new IOException("Too many open files");

    listener.pipeline().fireExceptionCaught(tooMany);
    assertThat(listener.config().isAutoRead()).as("accepting paused").isFalse();
    listener.pipeline().fireExceptionCaught(tooMany); // the retry, within the quiet period
    listener.checkException(); // nothing reached the end of the pipeline (Netty's stack trace)

    String log = CapturedLog.all();
    assertThat(log.split("cannot accept connections", -1)).hasSize(2); // one line
    assertThat(log).contains("Too many open files").doesNotContain("\tat ");
    listener.advanceTimeBy(1, TimeUnit.SECONDS);
    listener.runScheduledPendingTasks();
    assertThat(listener.config().isAutoRead()).as("accepting again after a second").isTrue();
    listener.finishAndReleaseAll();
  }

  @Test
  void theConnectionCapLeavesDescriptorsFree() {
    long descriptors =
        ((com.sun.management.UnixOperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean())
            .getMaxFileDescriptorCount();
    assertThat(AcceptFailures.connectionCap(10_000)).isBetween(1, 10_000);
    assertThat((long) AcceptFailures.connectionCap(Integer.MAX_VALUE)).isLessThan(descriptors);
    assertThat(StubServer.MAX_CONNECTIONS).isEqualTo(AcceptFailures.connectionCap(10_000));
  }
}
