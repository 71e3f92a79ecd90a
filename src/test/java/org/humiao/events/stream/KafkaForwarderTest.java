package org.humiao.events.stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.humiao.events.SampleEvents;
import org.humiao.events.ViolationEvent;
import org.humiao.events.journal.Journal;
import org.humiao.events.journal.JournalCursor;
import org.humiao.events.journal.JournalEntry;
import org.humiao.events.journal.JournalOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The forwarder against a real broker: outages delay events and lose none, restarts resume. */
@ExtendWith(SharedKafka.Extension.class)
class KafkaForwarderTest {
  /** More platforms than the test broker's 3 partitions: several platforms share one, and order must still hold per platform. */
  private static final String[] PLATFORMS = {"demo", "other", "huya", "douyu", "bilibili", "kuaishou", "momo"};

  @TempDir
  Path dir;

  private final AppendSignal appended = new AppendSignal();

  static ViolationEvent event(String run, long n) {
    return SampleEvents.event(run + "-" + n, Instant.parse("2026-11-23T00:00:00Z").plusSeconds(37 * n),
        PLATFORMS[(int) (n * 5 % PLATFORMS.length)], ViolationEvent.Kind.values()[(int) (n % 3)],
        n % 4 == 0 ? "threat" : "insult", (int) (n % 4) + 1, n % 3 == 0 ? null : "110000");
  }

  private Journal journal() throws Exception {
    return Journal.open(JournalOptions.defaults(dir), appended);
  }

  private static void append(Journal journal, String run, long from, long to) throws Exception {
    journal.appendAll(LongStream.range(from, to).mapToObj(n -> event(run, n)).toList()).get(10, TimeUnit.SECONDS);
  }

  private KafkaForwarder forwarder(Journal journal, SharedKafka kafka, String topic, SimpleMeterRegistry registry)
      throws Exception {
    return KafkaForwarder.start(journal, appended, dir.resolve("events"), kafka.bootstrap(), topic, registry);
  }

  private static void awaitPosition(KafkaForwarder forwarder, long position) {
    Waits.until(90, () -> forwarder.position() == position,
        () -> "forwarded to " + forwarder.position() + ", expected " + position);
  }

  @Test
  void eventsJournaledWhileKafkaIsDownArriveWhenItIsBackInPlatformOrderCopiedOnlyIfSentAgain(SharedKafka kafka) throws Exception {
    // a broker of our own when the run's is someone else's: this test must kill it
    KafkaBrokerProcess own = kafka.broker() == null ? KafkaBrokerProcess.start() : null;
    KafkaBrokerProcess broker = own != null ? own : kafka.broker();
    String topic = "outage-" + System.nanoTime();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (Journal journal = journal(); KafkaForwarder forwarder = forwarder(journal, kafka(broker), topic, registry)) {
      append(journal, "o", 0, 40);
      awaitPosition(forwarder, 40);

      broker.kill();
      for (long n = 40; n < 240; n += 20) {
        append(journal, "o", n, n + 20);
      }
      // journaled (the appends completed) but unacknowledged: the cursor cannot have moved
      assertEquals(40, forwarder.position());
      assertEquals(200.0, registry.get("humiao.events.forward.lag").gauge().value());
      Duration stalled = forwarder.stalledFor();
      Waits.until(10, () -> forwarder.stalledFor().compareTo(stalled) > 0, () -> "a forwarder without a broker is not stalled");

      broker.restart();
      awaitPosition(forwarder, 240);
      assertEquals(240.0, registry.get("humiao.events.forwarded").counter().count());
      assertEquals(0.0, registry.get("humiao.events.forward.lag").gauge().value());
      assertEquals(Duration.ZERO, forwarder.stalledFor());
      // a send Kafka did not acknowledge is sent again; if the broker had written it, it is there twice
      assertTopicMirrorsJournal(broker.bootstrap(), topic, journal,
          (long) registry.get("humiao.events.forward.resent").counter().count());
    } finally {
      if (own != null) {
        own.close();
      }
    }
  }

  private static SharedKafka kafka(KafkaBrokerProcess broker) {
    return new SharedKafka(broker.bootstrap(), broker);
  }

  @Test
  void aRestartedForwarderResumesFromItsCursorAndSendsNothingTwice(SharedKafka kafka) throws Exception {
    String topic = "resume-" + System.nanoTime();
    SimpleMeterRegistry firstRegistry = new SimpleMeterRegistry();
    try (Journal journal = journal()) {
      try (KafkaForwarder first = forwarder(journal, kafka, topic, firstRegistry)) {
        append(journal, "r", 0, 30);
        awaitPosition(first, 30);
      }
      assertEquals("30", Files.readString(dir.resolve("events").resolve(KafkaForwarder.CURSOR_FILE)).trim());
      // journaled while no forwarder runs: the next one finds them past its cursor
      append(journal, "r", 30, 50);
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      try (KafkaForwarder second = forwarder(journal, kafka, topic, registry)) {
        awaitPosition(second, 50);
        // 20, not 50: it started at the cursor
        assertEquals(20.0, registry.get("humiao.events.forwarded").counter().count());
      }
      // copies only of what a forwarder sent again (the topic's first sends can be refused: KAFKA-15591)
      assertTopicMirrorsJournal(kafka.bootstrap(), topic, journal,
          (long) (firstRegistry.get("humiao.events.forward.resent").counter().count()
              + registry.get("humiao.events.forward.resent").counter().count()));
    }
  }

  /**
   * The topic holds each journaled event: its JSON as recorded, keyed by platform, with its id as a
   * header; each platform's events in one partition, in journal order by first copy. Copies are
   * allowed only of events the forwarder sent again, at most {@code resent} of them.
   */
  static void assertTopicMirrorsJournal(String bootstrap, String topic, Journal journal, long resent) {
    List<JournalEntry> recorded = new ArrayList<>();
    try (JournalCursor cursor = journal.read(0)) {
      cursor.forEachRemaining(recorded::add);
    }
    Map<String, ViolationEvent> byId = new HashMap<>();
    Map<String, List<String>> journalOrder = new HashMap<>();
    for (JournalEntry entry : recorded) {
      byId.put(entry.event().id(), entry.event());
      journalOrder.computeIfAbsent(entry.event().platform(), p -> new ArrayList<>()).add(entry.event().id());
    }

    List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(bootstrap, topic);
    assertTrue(records.size() >= recorded.size() && records.size() <= recorded.size() + resent,
        records.size() + " records on the topic for " + recorded.size() + " events, " + resent + " sent again");
    Set<String> seen = new HashSet<>();
    Map<String, List<String>> topicOrder = new HashMap<>();
    Map<String, Integer> partitionOf = new HashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      String id = new String(record.headers().lastHeader(KafkaForwarder.EVENT_ID_HEADER).value(), StandardCharsets.UTF_8);
      boolean first = seen.add(id);
      ViolationEvent event = byId.get(id);
      assertArrayEquals(event.toJson().encode().getBytes(StandardCharsets.UTF_8), record.value(), id);
      assertEquals(event.platform(), record.key());
      assertEquals(partitionOf.computeIfAbsent(record.key(), k -> record.partition()), record.partition(),
          "one platform, one partition");
      if (first) {
        topicOrder.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(id);
      }
    }
    assertEquals(recorded.size(), seen.size(), "events on the topic");
    assertEquals(journalOrder, topicOrder);
  }
}
