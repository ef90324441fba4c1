package org.openbitgo.accesstoken.stub.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
      stream.println(42); // not the override: its bytes must still come in order
      stream.flush();
    }

    output.flushNow();

    assertThat(descriptor.toByteArray()).isEqualTo(expected.toByteArray());
  }

  @Test
  void aLineAndItsSeparatorReachTheBufferInOneWrite() {
    // one write, under the lock PrintStream's other methods take: no other thread's output can
    // come between a line and its separator
    List<String> writes = new ArrayList<>();
    BufferedStandardOutput watched =
        new BufferedStandardOutput(
            new BufferedOutputStream(descriptor, 1024) {
              @Override
              public synchronized void write(byte[] bytes, int offset, int length)
                  throws IOException {
                writes.add(new String(bytes, offset, length, StandardCharsets.UTF_8));
                super.write(bytes, offset, length);
              }
            });

    watched.stream().println("POST /api/v2/user/accesstoken 200");
    watched.stream().println("déjà vu");

    assertThat(writes)
        .containsExactly(
            "POST /api/v2/user/accesstoken 200" + System.lineSeparator(),
            "déjà vu" + System.lineSeparator());
  }

  @Test
  void aFailingDescriptorSetsTheErrorFlagAndThrowsNothing() {
    BufferedStandardOutput broken =
        new BufferedStandardOutput(
            new BufferedOutputStream(
                new OutputStream() {
                  @Override
                  public void write(int b) throws IOException {
                    throw new IOException("standard output is gone");
                  }

                  @Override
                  public void write(byte[] bytes, int offset, int length) throws IOException {
                    throw new IOException("standard output is gone");
                  }
                },
                1));

    broken.stream().println("a line longer than the one-byte buffer");

    assertThat(broken.stream().checkError()).isTrue();
  }

  @Test
  void aLineAfterCloseSetsTheErrorFlagAndThrowsNothing() {
    output.stream().close();

    output.stream().println("after close");

    assertThat(output.stream().checkError()).isTrue();
    assertThat(descriptor.size()).isZero();
  }
}
