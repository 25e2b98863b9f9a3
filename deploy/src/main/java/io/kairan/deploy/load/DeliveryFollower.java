package io.kairan.deploy.load;

import io.kairan.model.Topics;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads deliveries.v1 from its end on, noting per notice its first and last delivery's record time
 * (when the job's producer wrote it) and how many it had. A delivery may come before the API's
 * answer names its notice, so every notice is noted.
 */
final class DeliveryFollower implements AutoCloseable {
  /** One notice's deliveries: the first's and last's record times (ms), and their count. */
  record Span(long firstMs, long lastMs, long count) {
    Span with(long at) {
      return new Span(Math.min(firstMs, at), Math.max(lastMs, at), count + 1);
    }
  }

  private final Map<String, Span> spans = new ConcurrentHashMap<>();
  private final AtomicLong total = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final Thread reader;
  private volatile boolean stopped;
  private volatile boolean atEnd;

  DeliveryFollower(String bootstrapServers) throws InterruptedException {
    reader = new Thread(() -> follow(bootstrapServers), "deliveries-reader");
    reader.start();
    long until = System.nanoTime() + 60_000_000_000L;
    while (!atEnd && reader.isAlive() && System.nanoTime() < until) {
      Thread.sleep(100);
    }
    if (!atEnd) {
      throw new IllegalStateException("the deliveries.v1 reader did not reach the topic's end");
    }
  }

  Span of(String noticeId) {
    return spans.get(noticeId);
  }

  long total() {
    return total.get();
  }

  /** The deliveries' record values in bytes (JSON, uncompressed), for sizing partitions. */
  long bytes() {
    return bytes.get();
  }

  private void follow(String bootstrapServers) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
            5000);
    try (var consumer = new KafkaConsumer<String, String>(config)) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer
          .partitionsFor(Topics.DELIVERIES)
          .forEach(p -> partitions.add(new TopicPartition(Topics.DELIVERIES, p.partition())));
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      atEnd = true;
      while (!stopped) {
        for (var record : consumer.poll(Duration.ofMillis(200))) {
          String noticeId = noticeIdOf(record.value());
          long at = record.timestamp();
          spans.merge(noticeId, new Span(at, at, 1), (a, b) -> a.with(at));
          total.incrementAndGet();
          bytes.addAndGet(record.serializedValueSize());
        }
      }
    }
  }

  /**
   * The notice id of a delivery as the job writes it, found in the text: parsing every delivery
   * whole would cost the launcher (whose CPU is measured with the rest) more than the API's share;
   * anything else in its place is parsed whole.
   */
  static String noticeIdOf(String delivery) {
    int key = delivery.indexOf(NOTICE_ID);
    if (key >= 0) {
      int from = key + NOTICE_ID.length();
      int to = delivery.indexOf('"', from);
      if (to > from) {
        return delivery.substring(from, to);
      }
    }
    return Json.read(delivery, Delivery.class).noticeId();
  }

  private static final String NOTICE_ID = "\"noticeId\":\"";

  @Override
  public void close() throws InterruptedException {
    stopped = true;
    reader.join();
  }
}
