package org.humiao.events.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.humiao.events.RecentIds;
import org.humiao.events.ViolationEvent;
import org.humiao.events.journal.JournalEntry;

import java.time.DateTimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The regulator views' input in a cluster: every instance's events, read from the Kafka topic from
 * its beginning, handed to the views as the local journal hands them its own. Partitions are
 * assigned by hand, not through a consumer group: each instance reads all of them, keeps no
 * committed offsets and needs no group coordination.
 *
 * <p>An event whose id was among the last {@code rememberedIds} ids is dropped as a duplicate (the
 * forwarder's at-least-once copies). Each event handed on gets the next number of this feed's own
 * sequence as its offset, since Kafka's offsets are per partition and the views need one order.
 */
public final class KafkaEventFeed implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(KafkaEventFeed.class.getName());
  private static final Duration POLL = Duration.ofMillis(500);
  /** How often the topic's partitions are looked up again, so new ones (or the topic's creation) are seen. */
  private static final long PARTITION_REFRESH_MS = 10_000;
  private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);

  private final KafkaConsumer<String, byte[]> consumer;
  private final String topic;
  private final Consumer<List<JournalEntry>> views;
  private final RecentIds seen;
  private final Counter received;
  private final Counter duplicates;
  private final Counter rejected;
  private final Thread thread;
  private final Set<TopicPartition> assigned = new HashSet<>();
  private long sequence;
  private long refreshedAt;
  private volatile boolean running = true;

  private KafkaEventFeed(KafkaConsumer<String, byte[]> consumer, String topic, Consumer<List<JournalEntry>> views,
                         int rememberedIds, MeterRegistry registry) {
    this.consumer = consumer;
    this.topic = topic;
    this.views = views;
    this.seen = new RecentIds(rememberedIds);
    this.received = Counter.builder("humiao.events.feed.received")
        .description("violation events read from Kafka into the regulator views")
        .register(registry);
    this.duplicates = Counter.builder("humiao.events.feed.duplicates")
        .description("violation events read from Kafka again and dropped")
        .register(registry);
    this.rejected = Counter.builder("humiao.events.feed.rejected")
        .description("records on the topic that are no violation event of a known schema")
        .register(registry);
    this.thread = new Thread(this::run, "humiao-kafka-feed");
    thread.setDaemon(true);
  }

  /** Starts reading {@code topic} from its beginning into {@code views}. */
  public static KafkaEventFeed start(String bootstrap, String topic, Consumer<List<JournalEntry>> views,
                                     int rememberedIds, MeterRegistry registry) {
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.CLIENT_ID_CONFIG, "humiao-feed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        // reading must not create the topic: the forwarder's first event (or the operator) does
        ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new StringDeserializer(), new ByteArrayDeserializer());
    KafkaEventFeed feed = new KafkaEventFeed(consumer, topic, views, rememberedIds, registry);
    feed.thread.start();
    return feed;
  }

  private void run() {
    try {
      while (running) {
        try {
          step();
        } catch (WakeupException e) {
          // close() woke the poll; the loop ends on running
        } catch (KafkaException e) {
          LOG.log(System.Logger.Level.WARNING, "reading violation events from Kafka failed; retrying: {0}", e.getMessage());
          pause();
        }
      }
    } finally {
      consumer.close(CloseOptions.timeout(Duration.ZERO));
    }
  }

  private void step() {
    if (assigned.isEmpty() || System.nanoTime() - refreshedAt > TimeUnit.MILLISECONDS.toNanos(PARTITION_REFRESH_MS)) {
      refreshPartitions();
    }
    if (assigned.isEmpty()) {
      // no topic yet: look again after as long as a poll would have waited
      pause();
      return;
    }
    List<JournalEntry> batch = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
      ViolationEvent event = decode(record);
      if (event == null) {
        rejected.increment();
      } else if (seen.add(event.id())) {
        batch.add(new JournalEntry(sequence++, event));
      } else {
        duplicates.increment();
      }
    }
    if (!batch.isEmpty()) {
      views.accept(batch);
      received.increment(batch.size());
    }
  }

  private void pause() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  private void refreshPartitions() {
    refreshedAt = System.nanoTime();
    List<TopicPartition> found = new ArrayList<>();
    for (PartitionInfo partition : consumer.partitionsFor(topic, LOOKUP_TIMEOUT)) {
      found.add(new TopicPartition(topic, partition.partition()));
    }
    List<TopicPartition> added = found.stream().filter(p -> !assigned.contains(p)).toList();
    if (!added.isEmpty()) {
      assigned.addAll(added);
      consumer.assign(assigned);
      consumer.seekToBeginning(added);
    }
  }

  private static ViolationEvent decode(ConsumerRecord<String, byte[]> record) {
    try {
      return ViolationEvent.fromJson(Buffer.buffer(record.value()).toJsonObject());
    } catch (DecodeException | IllegalArgumentException | NullPointerException | ClassCastException
             | DateTimeException e) {
      LOG.log(System.Logger.Level.WARNING, "skipping record {0}-{1}@{2}: {3}", record.topic(), record.partition(),
          record.offset(), e.getMessage());
      return null;
    }
  }

  /** Stops reading; the views keep what they have. */
  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
