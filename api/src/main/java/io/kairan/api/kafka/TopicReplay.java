package io.kairan.api.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Reads a whole topic from its beginning, then follows it, on a thread of its own: every partition
 * assigned, no consumer group, so each API instance holds everything the topic says. The reader is
 * told once the topic has been read up to where it ended when the reading started. After a Kafka
 * failure it reads again from the beginning, so what the reader builds must not mind a record twice
 * (the latest record per key wins).
 */
public final class TopicReplay {
  private static final Logger log = LoggerFactory.getLogger(TopicReplay.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration RETRY = Duration.ofSeconds(1);

  /** What is done with the topic's records. */
  public interface Reader {
    void apply(ConsumerRecord<String, String> record);

    /**
     * The topic has been read to where it ended at the start; may be called again after a retry.
     */
    void caughtUp();

    /** After each poll, caught up or not: room for housekeeping. */
    default void afterPoll() {}

    /** A reader that applies each record and is told once it caught up. */
    static Reader of(Consumer<ConsumerRecord<String, String>> apply, Runnable caughtUp) {
      return new Reader() {
        @Override
        public void apply(ConsumerRecord<String, String> record) {
          apply.accept(record);
        }

        @Override
        public void caughtUp() {
          caughtUp.run();
        }
      };
    }
  }

  private final String topic;
  private final String clientId;
  private final KafkaProperties kafka;
  private final Reader reader;
  private volatile boolean running;
  private volatile KafkaConsumer<String, String> consumer;
  private Thread thread;

  public TopicReplay(String topic, String clientId, KafkaProperties kafka, Reader reader) {
    this.topic = topic;
    this.clientId = clientId;
    this.kafka = kafka;
    this.reader = reader;
  }

  /** Starts reading and returns at once. */
  public void start() {
    running = true;
    thread = new Thread(this::follow, clientId);
    thread.setDaemon(true);
    thread.start();
  }

  public void stop() {
    running = false;
    if (thread == null) {
      return;
    }
    KafkaConsumer<String, String> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public boolean isRunning() {
    return running;
  }

  private void follow() {
    while (running) {
      try (KafkaConsumer<String, String> c = new KafkaConsumer<>(readerConfig(kafka, clientId))) {
        consumer = c;
        readFromTheBeginning(c);
      } catch (WakeupException e) {
        return; // stopping
      } catch (KafkaException e) {
        log.warn(
            "reading {} failed, again from its beginning in {}: {}", topic, RETRY, e.toString());
        sleep(RETRY);
      }
    }
  }

  private void readFromTheBeginning(KafkaConsumer<String, String> c) {
    List<TopicPartition> partitions = partitions(c);
    c.assign(partitions);
    c.seekToBeginning(partitions);
    Map<TopicPartition, Long> end = c.endOffsets(partitions);
    boolean caughtUp = false;
    while (running) {
      for (ConsumerRecord<String, String> record : c.poll(POLL)) {
        reader.apply(record);
      }
      if (!caughtUp
          && end.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue())) {
        caughtUp = true;
        reader.caughtUp();
      }
      reader.afterPoll();
    }
  }

  /** The topic's partitions; waits while the topic does not exist yet. */
  private List<TopicPartition> partitions(KafkaConsumer<String, String> c) {
    while (running) {
      var infos = c.partitionsFor(topic);
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      }
      sleep(RETRY);
    }
    throw new WakeupException();
  }

  /**
   * Boot's consumer settings (addresses, security) for a reader that assigns itself partitions:
   * without Boot's group, since such a reader is no member and commits nothing.
   */
  public static Map<String, Object> readerConfig(KafkaProperties kafka, String clientId) {
    Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    return config;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
