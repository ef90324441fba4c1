package org.openbitgo.accesstoken.stub.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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

  @Test
  void aLineIsTheBytesPrintStreamWouldWrite() {
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    PrintStream plain = new PrintStream(expected, false, StandardCharsets.UTF_8);
    for (PrintStream stream : new PrintStream[] {output.stream(), plain}) {
      stream.print("before ");
      stream.println("déjà vu, 東京, \uD83D\uDE00"); // two-, three- and four-byte UTF-8
      stream.println((String) null);
      stream.println(42);
      stream.flush();
    }

    output.flushNow();

    assertThat(descriptor.toByteArray()).isEqualTo(expected.toByteArray());
  }

  @Test
  void concurrentLinesNeverInterleave() throws InterruptedException {
    String a = "a".repeat(300);
    String b = "b".repeat(300);
    Thread other =
        new Thread(
            () -> {
              for (int i = 0; i < 200; i++) {
                output.stream().println(b);
              }
            });
    other.start();
    for (int i = 0; i < 200; i++) {
      output.stream().println(a);
    }
    other.join();

    output.flushNow();

    assertThat(descriptor.toString(StandardCharsets.UTF_8).split(System.lineSeparator()))
        .hasSize(400)
        .allMatch(line -> line.equals(a) || line.equals(b));
  }
}
