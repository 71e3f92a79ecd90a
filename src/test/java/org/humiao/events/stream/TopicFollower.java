package org.humiao.events.stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Follows a whole topic with one consumer from its beginning: each wait takes the records as the
 * broker hands them over (a poll returns as soon as there are some), rather than reading the topic
 * again and again, which a loaded machine makes slower than the records arrive.
 */
public final class TopicFollower implements AutoCloseable {
  private final KafkaConsumer<String, byte[]> consumer;
  private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

  public TopicFollower(String bootstrap, String topic) {
    consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
        new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
      partitions.add(new TopicPartition(topic, info.partition()));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /**
   * Returns once {@code enough} holds of the records read so far; fails after {@code seconds} (a bound
   * on a broken run, not the expected wait).
   */
  public void until(long seconds, Predicate<List<ConsumerRecord<String, byte[]>>> enough, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!enough.test(records)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("not within " + seconds + " s (" + records.size() + " records read): " + what);
      }
      consumer.poll(Duration.ofNanos(left)).forEach(records::add);
    }
  }

  @Override
  public void close() {
    consumer.close();
  }
}
