package org.openbitgo.accesstoken.stub.app;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Standard output for one access-log line per request. Written through to the file descriptor, each
 * line would be a system call, which cost the stub about a third of its throughput; so the bytes
 * are buffered and reach the descriptor every {@value #FLUSH_MILLIS} ms, when the buffer is full,
 * and on {@link #flushNow()}. The stream's own {@code flush()} does nothing: slf4j-simple flushes
 * after every line, which would bring the system call back.
 */
final class BufferedStandardOutput {

  /** How often buffered standard output reaches the terminal or file. */
  static final long FLUSH_MILLIS = 100;

  private final BufferedOutputStream buffer;
  private final PrintStream stream;

  BufferedStandardOutput(BufferedOutputStream buffer) {
    this.buffer = buffer;
    this.stream = new LineEncodingStream(new FlushOnlyOnRequest(buffer));
  }

  /** Makes a buffered {@link System#out} and starts the thread that flushes it. */
  static BufferedStandardOutput install() {
    BufferedStandardOutput output =
        new BufferedStandardOutput(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024));
    System.setOut(output.stream);
    ScheduledExecutorService flusher =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "stdout-flush");
              thread.setDaemon(true);
              return thread;
            });
    flusher.scheduleWithFixedDelay(
        output::flushNow, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    return output;
  }

  PrintStream stream() {
    return stream;
  }

  /** Writes what is buffered to the descriptor now (the banner, the last lines before exit). */
  void flushNow() {
    try {
      buffer.flush(); // synchronized with the writers: BufferedOutputStream locks itself
    } catch (IOException e) {
      // standard output is gone (a closed pipe): nothing left to tell it
    }
  }

  /** Passes writes on and ignores {@code flush()}: only {@link #flushNow()} flushes. */
  private static final class FlushOnlyOnRequest extends OutputStream {
    private final OutputStream out;

    FlushOnlyOnRequest(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void flush() {
      // see the class comment
    }
  }

  /**
   * A UTF-8 print stream whose {@code println(String)}, the call slf4j-simple makes once per log
   * line, encodes the line and its separator with {@link String#getBytes} and writes them in one
   * call. PrintStream's own path passes every line through a BufferedWriter and a charset encoder,
   * flushing both, which cost a warm stub about 2 % of its event loops' time. The bytes written are
   * the same.
   */
  private static final class LineEncodingStream extends PrintStream {
    private static final String LINE_SEPARATOR = System.lineSeparator();

    LineEncodingStream(OutputStream out) {
      super(out, false, StandardCharsets.UTF_8);
    }

    @Override
    public void println(String line) {
      byte[] bytes = (line + LINE_SEPARATOR).getBytes(StandardCharsets.UTF_8);
      // PrintStream's own write: its open check, its error flag and interrupt handling, and its
      // lock, the one its other methods take in a subclass; one write, so no other thread's output
      // comes between a line and its separator
      write(bytes, 0, bytes.length);
    }
  }
}
