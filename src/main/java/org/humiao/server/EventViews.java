package org.humiao.server;

import io.micrometer.core.instrument.MeterRegistry;
import org.humiao.config.Settings;
import org.humiao.events.journal.Journal;
import org.humiao.events.journal.JournalEntry;
import org.humiao.events.journal.JournalOptions;
import org.humiao.events.stream.AppendSignal;
import org.humiao.events.stream.KafkaEventFeed;
import org.humiao.events.stream.KafkaForwarder;
import org.humiao.events.summary.EventPager;
import org.humiao.events.summary.LiveEvents;
import org.humiao.events.summary.OlderEvents;
import org.humiao.events.summary.RecentEvents;
import org.humiao.events.summary.SummaryArchive;
import org.humiao.events.summary.ViolationSummaries;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The journal of violation events in the data dir and the views the regulator routes read; opened
 * and closed together. Without Kafka the journal feeds the views. With Kafka ({@code kafkaBootstrap}
 * set) a forwarder publishes the journal to the topic and the views read the topic, so they count
 * the events of every instance of a cluster, this one's included.
 *
 * @param forwarder what publishes the journal to Kafka, for the health check; empty without Kafka
 * @param stopStreams stops the Kafka feed and forwarder (nothing without Kafka); before the journal closes
 */
record EventViews(Journal journal, ViolationSummaries summaries, RecentEvents recent, EventPager pager,
                    LiveEvents live, Optional<KafkaForwarder> forwarder, Runnable stopStreams) implements AutoCloseable {
  /** Enough for the first pages of every listing to come from memory; a few MB of events. */
  private static final int RECENT_EVENTS = 10_000;
  /**
   * Ids the Kafka feed remembers to drop duplicates: a hundred forwarder batches, some 5 MB. A copy
   * comes within one batch of its original unless an instance was down with events unacknowledged.
   */
  private static final int REMEMBERED_IDS = 100_000;

  static EventViews open(Settings settings, MeterRegistry registry) throws IOException {
    ViolationSummaries summaries = new ViolationSummaries();
    RecentEvents recent = new RecentEvents(RECENT_EVENTS);
    // live last: a stream that hears of a batch can already find it in the ring
    LiveEvents live = new LiveEvents();
    Consumer<List<JournalEntry>> views = summaries.andThen(recent).andThen(live);
    JournalOptions options = JournalOptions.defaults(settings.dataDir())
        .withRetention(Duration.ofDays(settings.retentionDays()));
    if (settings.kafkaBootstrap().isEmpty()) {
      // the archive's counts first, then the journal replays what retention left
      Journal journal = Journal.open(options, SummaryArchive.open(options.eventsDirectory(), summaries), views);
      return new EventViews(journal, summaries, recent, new EventPager(recent, OlderEvents.of(journal)), live, Optional.empty(),
          () -> {});
    }
    String bootstrap = settings.kafkaBootstrap().get();
    AppendSignal appended = new AppendSignal();
    Journal journal = Journal.open(options, appended);
    KafkaForwarder forwarder = null;
    try {
      forwarder = KafkaForwarder.start(journal, appended, options.eventsDirectory(), bootstrap, settings.kafkaTopic(),
          registry);
      // retention must not delete what the broker has not acknowledged yet
      journal.keepFrom(forwarder::position);
      KafkaEventFeed feed = KafkaEventFeed.start(bootstrap, settings.kafkaTopic(), views, REMEMBERED_IDS, registry);
      KafkaForwarder started = forwarder;
      return new EventViews(journal, summaries, recent, new EventPager(recent, OlderEvents.NONE), live,
          Optional.of(started), () -> {
        feed.close();
        started.close();
      });
    } catch (IOException | RuntimeException e) {
      if (forwarder != null) {
        forwarder.close();
      }
      journal.close();
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      stopStreams.run();
    } finally {
      journal.close();
    }
  }
}
