package org.openbitgo.accesstoken.stub.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BufferedStandardOutputTest {

  private final ByteArrayOutputStream descriptor = new ByteArrayOutputStream();
  private final BufferedStandardOutput output =
      new BufferedStandardOutput(new BufferedOutputStream(descriptor, 1024));

  @Test
  void aLoggersFlushAfterEachLineWritesNothingYet() {
    // what slf4j-simple does for every access-log line
    output.stream().println("POST /api/v2/user/accesstoken 200");
    output.stream().flush();

    assertThat(descriptor.size()).isZero();
  }

  @Test
  void flushNowWritesEveryBufferedLine() {
    output.stream().println("first");
    output.stream().println("second");

    output.flushNow();

    assertThat(descriptor.toString(StandardCharsets.UTF_8))
        .isEqualTo("first" + System.lineSeparator() + "second" + System.lineSeparator());
  }

  @Test
  void aFullBufferReachesTheDescriptorWithoutAFlush() {
    String line = "x".repeat(600);
    output.stream().println(line);
    output.stream().println(line);

    assertThat(descriptor.toString(StandardCharsets.UTF_8)).startsWith(line);
  }
}
