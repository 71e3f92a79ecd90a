package org.humiao.events.journal;

import org.humiao.events.SampleEvents;
import org.humiao.events.ViolationEvent;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Semaphore;

/**
 * Run by {@link JournalCrashTest} in its own JVM: appends from several threads until killed, and
 * prints {@code ack <offset> <id> .} for each append as soon as it is acknowledged. The trailing
 * dot marks a whole line, since the kill may cut the last one short.
 */
public final class JournalCrashChild {
  static final String PLATFORM = "crash";
  private static final int THREADS = 4;
  private static final int IN_FLIGHT_PER_THREAD = 64;

  private JournalCrashChild() {}

  public static void main(String[] args) throws IOException {
    Journal journal = Journal.open(new JournalOptions(Path.of(args[0]), 256 * 1024, 1024, 256), batch -> {});
    PrintStream out = System.out;
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      new Thread(() -> appendForever(journal, thread, out), "appender-" + t).start();
    }
  }

  private static void appendForever(Journal journal, int thread, PrintStream out) {
    Semaphore inFlight = new Semaphore(IN_FLIGHT_PER_THREAD);
    Instant start = Instant.parse("2026-11-23T00:00:00Z");
    for (long n = 0; ; n++) {
      inFlight.acquireUninterruptibly();
      String id = "t" + thread + "-" + n;
      ViolationEvent event = SampleEvents.event(id, start.plusSeconds(n), PLATFORM, ViolationEvent.Kind.TEXT_BLOCKED,
          "insult", 3, "110000");
      journal.append(event).whenComplete((entry, failure) -> {
        inFlight.release();
        if (failure == null) {
          out.println("ack " + entry.offset() + " " + id + " .");
        }
      });
    }
  }
}
