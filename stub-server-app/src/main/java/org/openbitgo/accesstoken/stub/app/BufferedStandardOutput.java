package org.openbitgo.accesstoken.stub.app;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
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
   * line, encodes the line with {@link String#getBytes} and writes it and the separator under one
   * lock. PrintStream's own path passes every line through a BufferedWriter and a charset encoder,
   * flushing both, which cost a warm stub about 2 % of its event loops' time. The bytes written are
   * the same.
   */
  private static final class LineEncodingStream extends PrintStream {
    private static final byte[] LINE_SEPARATOR =
        System.lineSeparator().getBytes(StandardCharsets.UTF_8);

    LineEncodingStream(OutputStream out) {
      super(out, false, StandardCharsets.UTF_8);
    }

    @Override
    public void println(String line) {
      byte[] bytes = String.valueOf(line).getBytes(StandardCharsets.UTF_8);
      try {
        // the lock PrintStream's own methods take in a subclass: a line never interleaves another
        synchronized (this) {
          out.write(bytes);
          out.write(LINE_SEPARATOR);
        }
      } catch (InterruptedIOException e) {
        Thread.currentThread().interrupt();
      } catch (IOException e) {
        setError(); // as PrintStream does: standard output gone, checkError() says so
      }
    }
  }
}
