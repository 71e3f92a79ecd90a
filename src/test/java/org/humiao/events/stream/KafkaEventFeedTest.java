package org.humiao.events.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.humiao.events.ViolationEvent;
import org.humiao.events.journal.Journal;
import org.humiao.events.journal.JournalCursor;
import org.humiao.events.journal.JournalOptions;
import org.humiao.events.summary.Dimension;
import org.humiao.events.summary.EventFilter;
import org.humiao.events.summary.EventPage;
import org.humiao.events.summary.EventPager;
import org.humiao.events.summary.OlderEvents;
import org.humiao.events.summary.RecentEvents;
import org.humiao.events.summary.SummaryQuery;
import org.humiao.events.summary.ViolationSummaries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The regulator views fed from the topic count what the journal's own views count. */
@ExtendWith(SharedKafka.Extension.class)
class KafkaEventFeedTest {
  private static final int EVENTS = 150;

  @TempDir
  Path dir;

  @Test
  void buildsTheJournalsSummaryDroppingDuplicatesAndRecordsThatAreNoEvents(SharedKafka kafka) throws Exception {
    String topic = "feed-" + System.nanoTime();
    ViolationSummaries local = new ViolationSummaries();
    AppendSignal appended = new AppendSignal();
    ViolationSummaries fed = new ViolationSummaries();
    RecentEvents recent = new RecentEvents(EVENTS * 2);
    MeterRegistry registry = new SimpleMeterRegistry();
    // the feed starts before the topic exists, as on a cluster's first start
    try (KafkaEventFeed feed = KafkaEventFeed.start(kafka.bootstrap(), topic, fed.andThen(recent), 1000, registry);
         Journal journal = Journal.open(JournalOptions.defaults(dir), local.andThen(appended));
         KafkaForwarder forwarder = KafkaForwarder.start(journal, appended, dir.resolve("events"), kafka.bootstrap(),
             topic, registry)) {
      for (long n = 0; n < EVENTS; n += 50) {
        journal.appendAll(LongStream.range(n, n + 50).mapToObj(i -> KafkaForwarderTest.event("f", i)).toList())
            .get(10, TimeUnit.SECONDS);
      }
      Waits.until(60, () -> forwarder.position() == EVENTS, () -> "forwarded " + forwarder.position());
      // a copy of an event, as a forwarder crashing before its cursor write sends, and a stranger's record
      ViolationEvent copied = KafkaForwarderTest.event("f", 7);
      try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
          Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap()), new StringSerializer(),
          new ByteArraySerializer())) {
        producer.send(new ProducerRecord<>(topic, copied.platform(),
            copied.toJson().encode().getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        producer.send(new ProducerRecord<>(topic, "demo", "{\"not\":\"an event\"}".getBytes(StandardCharsets.UTF_8)))
            .get(30, TimeUnit.SECONDS);
      }
      // received is counted after the views took the batch, so once it is reached the views are complete
      Waits.until(60, () -> count(registry, "humiao.events.feed.received") == EVENTS
              && count(registry, "humiao.events.feed.duplicates") == 1
              && count(registry, "humiao.events.feed.rejected") == 1,
          () -> "feed counters " + registry.getMeters().stream().map(m -> m.getId().getName() + "=" + m.measure())
              .collect(Collectors.joining(", ")));

      LocalDate from = LocalDate.parse("2026-11-01");
      LocalDate to = LocalDate.parse("2027-01-01");
      List<SummaryQuery> queries = List.of(
          new SummaryQuery(from, to, Set.of(), null),
          new SummaryQuery(from, to, EnumSet.of(Dimension.PLATFORM, Dimension.CATEGORY, Dimension.KIND,
              Dimension.REGION, Dimension.DAY), null),
          new SummaryQuery(from, to, EnumSet.of(Dimension.QUARTER, Dimension.KIND), "demo"));
      for (SummaryQuery query : queries) {
        assertFalse(local.query(query).isEmpty(), "the journal counted something for " + query);
        assertEquals(local.query(query), fed.query(query), query.toString());
      }
      assertEquals(EVENTS, local.query(queries.get(0)).get(0).events());

      EventPage page = new EventPager(recent, OlderEvents.NONE).page(EventFilter.ALL, Long.MAX_VALUE, EventPager.MAX_LIMIT);
      Set<String> listed = new HashSet<>();
      page.entries().forEach(entry -> assertTrue(listed.add(entry.event().id()), "listed twice"));
      assertEquals(journalIds(journal), listed);
      assertTrue(page.nextBefore().isEmpty(), "nothing past the ring");
    }
  }

  private static double count(MeterRegistry registry, String name) {
    return registry.get(name).counter().count();
  }

  private static Set<String> journalIds(Journal journal) {
    Set<String> ids = new HashSet<>();
    try (JournalCursor cursor = journal.read(0)) {
      cursor.forEachRemaining(entry -> ids.add(entry.event().id()));
    }
    return ids;
  }
}
