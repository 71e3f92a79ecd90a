package org.humiao.events.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.humiao.events.journal.Journal;
import org.humiao.events.journal.JournalCursor;
import org.humiao.events.journal.JournalEntry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Publishes the journal to Kafka, in journal order, on a thread of its own. Each event's schema-v1
 * JSON is the record value, its platform the key (one platform, one partition: its order holds),
 * its id the {@value #EVENT_ID_HEADER} header. The producer is idempotent, so the broker drops the
 * copies its own retries make; the {@link ForwardCursor} moves only past offsets the broker
 * acknowledged, so while Kafka is away events wait in the journal and none is lost.
 *
 * <p>Delivery: exactly once while the forwarder runs; at least once across a crash between an
 * acknowledgement and the cursor write, or after a send the producer gave up on (its delivery
 * timeout) that the broker had in fact written. Those copies carry the same id; consumers keep the first.
 * {@code humiao.events.forward.resent} counts the events that may have been copied so: each was handed
 * to the producer in a batch not wholly acknowledged, and is sent again.
 */
public final class KafkaForwarder implements AutoCloseable {
  public static final String EVENT_ID_HEADER = "humiao-event-id";
  /** The cursor file, beside the journal's segments. */
  public static final String CURSOR_FILE = "kafka-forwarder.offset";

  private static final System.Logger LOG = System.getLogger(KafkaForwarder.class.getName());
  /** Events sent before waiting for their acknowledgements: one round trip and one cursor write per batch. */
  private static final int BATCH = 1000;
  /** Nothing to send: a bound on the wait, not a poll; the append signal wakes the thread at once. */
  private static final long IDLE_WAIT_MS = 1000;
  private static final long RETRY_WAIT_MS = 1000;
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private final Journal journal;
  private final AppendSignal appended;
  private final ForwardCursor cursor;
  private final String topic;
  private final Producer<String, byte[]> producer;
  private final Counter forwarded;
  private final Counter failures;
  private final Counter resent;
  private final Thread thread;
  private volatile long next;
  /** When ({@link System#nanoTime()}) the forwarder last was caught up or moved its cursor. */
  private volatile long progressedAt = System.nanoTime();
  private volatile boolean running = true;

  private KafkaForwarder(Journal journal, AppendSignal appended, ForwardCursor cursor, long next, String topic,
                         Producer<String, byte[]> producer, MeterRegistry registry) {
    this.journal = journal;
    this.appended = appended;
    this.cursor = cursor;
    this.next = next;
    this.topic = topic;
    this.producer = producer;
    this.forwarded = Counter.builder("humiao.events.forwarded")
        .description("violation events Kafka acknowledged")
        .register(registry);
    this.failures = Counter.builder("humiao.events.forward.failures")
        .description("batches of events Kafka did not acknowledge, to be sent again")
        .register(registry);
    this.resent = Counter.builder("humiao.events.forward.resent")
        .description("events handed to Kafka in a batch it did not wholly acknowledge, sent again: each may be on the topic twice")
        .register(registry);
    Gauge.builder("humiao.events.forward.lag", this, KafkaForwarder::lag)
        .description("journaled events Kafka has not acknowledged yet")
        .register(registry);
    this.thread = new Thread(this::run, "humiao-kafka-forwarder");
    thread.setDaemon(true);
  }

  /**
   * Starts forwarding {@code journal} from the cursor in its events directory.
   *
   * @param appended the journal's listener (or part of it), so new events wake the forwarder
   */
  public static KafkaForwarder start(Journal journal, AppendSignal appended, Path eventsDirectory, String bootstrap,
                                     String topic, MeterRegistry registry) throws IOException {
    ForwardCursor cursor = new ForwardCursor(eventsDirectory.resolve(CURSOR_FILE));
    long next = cursor.read();
    if (next > journal.endOffset()) {
      // the cursor outlived its journal (a data dir put together by hand): sending this journal
      // whole costs duplicates, which consumers drop; skipping it would lose events
      LOG.log(System.Logger.Level.WARNING, "Kafka cursor {0} is past the journal end {1}; forwarding from 0",
          next, journal.endOffset());
      next = 0;
    }
    KafkaForwarder forwarder = new KafkaForwarder(journal, appended, cursor, next, topic, producer(bootstrap), registry);
    forwarder.thread.start();
    return forwarder;
  }

  private static Producer<String, byte[]> producer(String bootstrap) {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.CLIENT_ID_CONFIG, "humiao-forwarder",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.ACKS_CONFIG, "all",
        // up to 5 keeps per-partition order under an idempotent producer's retries
        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
        ProducerConfig.LINGER_MS_CONFIG, 5,
        // a send() waiting for the metadata of an unreachable cluster gives up, and the batch is retried
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
        // a batch the broker keeps refusing gives up in 30 s, not the default 2 minutes, and is sent again
        // from the cursor: a partition auto-created by the first send can refuse an early request for
        // ever with OUT_OF_ORDER_SEQUENCE_NUMBER while a later one was written (KAFKA-15591)
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000),
        new StringSerializer(), new ByteArraySerializer());
  }

  /** Journal offset of the first event not yet acknowledged. */
  public long position() {
    return next;
  }

  /** Journaled events Kafka has not acknowledged yet. */
  public long lag() {
    return journal.endOffset() - next;
  }

  /**
   * How long events have waited with no acknowledgement at all: zero while caught up or moving, so a
   * burst is not a stall and a broker that is away is.
   */
  public Duration stalledFor() {
    return lag() == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - progressedAt);
  }

  private void run() {
    try {
      while (running) {
        if (next >= journal.endOffset()) {
          progressedAt = System.nanoTime();
          appended.await(IDLE_WAIT_MS);
        } else if (!forwardBatch()) {
          failures.increment();
          appended.await(RETRY_WAIT_MS);
        }
      }
    } catch (InterruptedException e) {
      // nothing here interrupts this thread: only a JVM going down would, and then stopping is right
      Thread.currentThread().interrupt();
    }
  }

  /** Sends up to a batch from the cursor; true when all of it was acknowledged. */
  private boolean forwardBatch() throws InterruptedException {
    try {
      List<JournalEntry> batch = new ArrayList<>(BATCH);
      try (JournalCursor entries = journal.read(next)) {
        while (batch.size() < BATCH && entries.hasNext()) {
          batch.add(entries.next());
        }
      }
      List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
      try {
        for (JournalEntry entry : batch) {
          sends.add(producer.send(record(entry)));
        }
      } catch (KafkaException e) {
        // send() itself failed (no metadata in time): what was handed over is still awaited below
        LOG.log(System.Logger.Level.WARNING, "Kafka refused an event: {0}", e.getMessage());
      }
      long acknowledged = next;
      for (Future<RecordMetadata> send : sends) {
        try {
          send.get();
        } catch (ExecutionException e) {
          LOG.log(System.Logger.Level.WARNING, "Kafka did not acknowledge the event at offset {0}: {1}",
              acknowledged, e.getCause().getMessage());
          break;
        }
        acknowledged++;
      }
      long end = next + batch.size();
      // past the first failure the cursor cannot move, though later sends (other partitions) may have landed
      resent.increment(sends.size() - (acknowledged - next));
      if (acknowledged > next) {
        cursor.write(acknowledged);
        forwarded.increment(acknowledged - next);
        next = acknowledged;
        progressedAt = System.nanoTime();
      }
      return acknowledged == end;
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "forwarding events to Kafka failed; retrying", e);
      return false;
    }
  }

  private ProducerRecord<String, byte[]> record(JournalEntry entry) {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, entry.event().platform(),
        entry.event().encode());
    record.headers().add(EVENT_ID_HEADER, entry.event().id().getBytes(StandardCharsets.UTF_8));
    return record;
  }

  /**
   * Lets the batch in flight be acknowledged and its cursor written (so a clean stop sends nothing
   * twice), then stops. A batch still unacknowledged after the wait (Kafka away) is abandoned: it is
   * sent again on the next start.
   */
  @Override
  public void close() {
    running = false;
    appended.ring();
    try {
      thread.join(CLOSE_WAIT.toMillis());
      // aborts sends still waiting for Kafka, which ends the batch's wait
      producer.close(thread.isAlive() ? Duration.ZERO : CLOSE_WAIT);
      thread.join(CLOSE_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
