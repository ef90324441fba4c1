package org.openbitgo.accesstoken.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openbitgo.accesstoken.client.Fixtures.CALLER_TOKEN;
import static org.openbitgo.accesstoken.client.Fixtures.CREATED_ID;
import static org.openbitgo.accesstoken.client.Fixtures.CREATED_JSON;
import static org.openbitgo.accesstoken.client.Fixtures.clientFor;
import static org.openbitgo.accesstoken.client.Fixtures.rawAnswer;
import static org.openbitgo.accesstoken.client.Fixtures.treasuryBotRequest;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A program that creates a client, makes a call and returns from {@code main} exits at once, under
 * {@code java} and under {@code mvn exec:java}: the client leaves no non-daemon thread, and every
 * thread it leaves ends when {@code exec:java} interrupts it (which then waits 15 s for each one
 * that does not, warning about it). Each program runs in its own thread group, as {@code exec:java}
 * runs {@code main}, so the threads it started can be told apart from the test JVM's.
 */
class NoThreadOutlivesTheClientTest {

  /** Bounds a wait for threads that should end at once; exec:java waits 15 s. */
  private static final long JOIN_BOUND_MILLIS = 10_000;

  @Test
  void aProgramThatMakesOneCallAndReturnsLeavesNoThreadThatOutlivesItsMain() throws Exception {
    try (StubHttpServer server =
        StubHttpServer.start().reply(200, CREATED_JSON, "Content-Type", "application/json")) {
      AtomicReference<String> created = new AtomicReference<>();
      ThreadGroup program =
          runAsMain(
              () ->
                  created.set(
                      clientFor(server).build().createAccessToken(treasuryBotRequest()).getId()));
      assertThat(created.get()).isEqualTo(CREATED_ID);

      assertThat(threadsOf(program))
          .as("the client starts no thread: the caller's thread connects, writes and reads")
          .isEmpty();
      assertThat(Thread.getAllStackTraces().keySet())
          .extracting(Thread::getName)
          .as("the JDK's shared CompletableFuture timer, which never ends, was never started")
          .doesNotContain("CompletableFutureDelayScheduler");
    }
  }

  /**
   * The plain {@code java} case in a real JVM: it must end by itself once {@code main} returns (a
   * thread that is not a daemon would hold it forever). Its calls start no thread either (the JDK's
   * {@code HttpClient.sendAsync}, an earlier transport, started one per call on fewer than three
   * cores).
   */
  @Test
  void aJvmWhoseMainMadeItsCallsExitsByItselfAndTheCallsStartedNoThread() throws Exception {
    try (StubHttpServer server = StubHttpServer.start()) {
      for (int i = 0; i < 1 + OneCallProgram.MEASURED_CALLS; i++) {
        server.reply(200, CREATED_JSON, "Content-Type", "application/json");
      }
      Process program =
          ChildJvm.start(
              // as on a two-core machine, where the common pool is a new thread per task
              List.of("-XX:ActiveProcessorCount=2"),
              OneCallProgram.class,
              server.baseUrl().toString());
      String output;
      try (InputStream out = program.getInputStream()) {
        // read to the end: the stream ends when the JVM exits (or the bound below kills it)
        boolean exited = program.waitFor(JOIN_BOUND_MILLIS * 3, TimeUnit.MILLISECONDS);
        if (!exited) {
          program.destroyForcibly();
        }
        output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        assertThat(exited).as("the JVM exited by itself after main returned: %s", output).isTrue();
      }
      assertThat(program.exitValue()).as(output).isZero();
      assertThat(output)
          .contains("created " + CREATED_ID)
          .contains("threads started by " + OneCallProgram.MEASURED_CALLS + " calls: 0");
      assertThat(server.received()).hasSize(1 + OneCallProgram.MEASURED_CALLS);
    }
  }

  /**
   * The child JVM's program: build a client, make a first call (classes load, the JVM may start
   * threads of its own), count the threads the next calls start, return without closing the client.
   */
  static final class OneCallProgram {
    static final int MEASURED_CALLS = 3;

    public static void main(String[] args) {
      AccessTokenClient client =
          AccessTokenClient.builder().baseUrl(args[0]).accessToken(Fixtures.CALLER_TOKEN).build();
      System.out.println("created " + client.createAccessToken(treasuryBotRequest()).getId());
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long before = threads.getTotalStartedThreadCount();
      for (int i = 0; i < MEASURED_CALLS; i++) {
        client.createAccessToken(treasuryBotRequest());
      }
      long started = threads.getTotalStartedThreadCount() - before;
      System.out.println("threads started by " + MEASURED_CALLS + " calls: " + started);
    }
  }

  @Test
  void aClosedClientRefusesNewCallsAndLeavesNoThread() throws Exception {
    try (StubHttpServer server =
        StubHttpServer.start().reply(200, CREATED_JSON, "Content-Type", "application/json")) {
      AtomicReference<AccessTokenClient> client = new AtomicReference<>();
      AtomicReference<String> created = new AtomicReference<>();
      ThreadGroup program =
          runAsMain(
              () -> {
                try (AccessTokenClient closing = clientFor(server).build()) {
                  client.set(closing);
                  created.set(closing.createAccessToken(treasuryBotRequest()).getId());
                }
              });
      assertThat(created.get()).isEqualTo(CREATED_ID);

      assertThatThrownBy(() -> client.get().createAccessToken(treasuryBotRequest()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
      assertThatThrownBy(() -> client.get().api().createAccessToken(treasuryBotRequest()))
          .isInstanceOf(IllegalStateException.class);
      assertThat(server.received()).as("nothing sent after close").hasSize(1);
      client.get().close(); // a second close does nothing more

      assertThat(threadsOf(program)).as("no thread, before or after close()").isEmpty();
    }
  }

  @Test
  void closeClosesTheConnectionKeptForTheNextCall() throws Exception {
    try (RawServer server = new RawServer(rawAnswer(CREATED_JSON), RawServer.Then.HOLD_OPEN)) {
      AccessTokenClient client =
          AccessTokenClient.builder().baseUrl(server.baseUrl()).accessToken(CALLER_TOKEN).build();
      assertThat(client.createAccessToken(treasuryBotRequest()).getId()).isEqualTo(CREATED_ID);
      assertThat(server.clientHungUpWithin(1)).as("kept open for the next call").isFalse();

      client.close();

      assertThat(server.clientHungUpWithin(10)).as("closed by close()").isTrue();
    }
  }

  /**
   * Runs {@code main} on a thread of a new group, as exec:java does, and waits for it to return.
   */
  private static ThreadGroup runAsMain(Runnable main) throws InterruptedException {
    ThreadGroup group = new ThreadGroup("program");
    AtomicReference<Throwable> failed = new AtomicReference<>();
    Thread thread = new Thread(group, main, "program.main()");
    thread.setUncaughtExceptionHandler((t, e) -> failed.set(e));
    thread.start();
    thread.join(JOIN_BOUND_MILLIS);
    assertThat(thread.isAlive()).as("main returned").isFalse();
    assertThat(failed.get()).as("main threw nothing").isNull();
    return group;
  }

  private static List<Thread> threadsOf(ThreadGroup group) {
    Thread[] threads = new Thread[group.activeCount() + 16];
    int count = group.enumerate(threads, true);
    return new ArrayList<>(Arrays.asList(threads).subList(0, count));
  }
}
