package io.kairan.api.ledger;

import io.kairan.model.InvalidRecordException;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Notice;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads notices.v1 from its beginning into the {@link NoticeLedger}, then follows it. Every API
 * instance reads every partition itself (assigned, no consumer group), since each needs the whole
 * ledger. It starts before the web server and holds the start until the topic has been read up to
 * where it ended (at most {@code startupWait}), so the API serves no write on a partial ledger.
 */
@Component
class NoticesFollower implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(NoticesFollower.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
  private static final Duration RETRY = Duration.ofSeconds(1);

  private final NoticeLedger ledger;
  private final KafkaProperties kafka;
  private final LedgerSettings settings;
  private volatile boolean running;
  private volatile KafkaConsumer<String, String> consumer;
  private Thread thread;

  NoticesFollower(NoticeLedger ledger, KafkaProperties kafka, LedgerSettings settings) {
    this.ledger = ledger;
    this.kafka = kafka;
    this.settings = settings;
  }

  @Override
  public void start() {
    running = true;
    thread = new Thread(this::follow, "notice-ledger");
    thread.setDaemon(true);
    thread.start();
    if (!ledger.awaitCaughtUp(settings.startupWait())) {
      log.warn(
          "notices.v1 not read to its end within {}; the API is not ready and refuses writes until"
              + " it is",
          settings.startupWait());
    }
  }

  @Override
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

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Before the web server (its phase is DEFAULT_PHASE - 2048), so writes find the ledger read. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }

  private void follow() {
    while (running) {
      try (KafkaConsumer<String, String> c = new KafkaConsumer<>(consumerConfig())) {
        consumer = c;
        readFromTheBeginning(c);
      } catch (WakeupException e) {
        return; // stopping
      } catch (KafkaException e) {
        // The ledger keeps what it has; reading again from the beginning is idempotent.
        log.warn("reading notices.v1 failed, again in {}: {}", RETRY, e.toString());
        sleep(RETRY);
      }
    }
  }

  private void readFromTheBeginning(KafkaConsumer<String, String> c) {
    List<TopicPartition> partitions = partitions(c);
    c.assign(partitions);
    c.seekToBeginning(partitions);
    Map<TopicPartition, Long> end = c.endOffsets(partitions);
    long lastSweep = System.nanoTime();
    while (running) {
      for (ConsumerRecord<String, String> record : c.poll(POLL)) {
        apply(record);
      }
      if (!ledger.isCaughtUp() && end.entrySet().stream().allMatch(e -> reached(c, e))) {
        ledger.markCaughtUp();
        log.info(
            "notices.v1 read: {} notices, {} idempotency keys", ledger.notices(), ledger.keys());
      }
      if (System.nanoTime() - lastSweep > SWEEP_EVERY.toNanos()) {
        ledger.forgetOld();
        lastSweep = System.nanoTime();
      }
    }
  }

  private static boolean reached(
      KafkaConsumer<String, String> c, Map.Entry<TopicPartition, Long> end) {
    return c.position(end.getKey()) >= end.getValue();
  }

  /** The topic's partitions; waits while the topic does not exist yet. */
  private List<TopicPartition> partitions(KafkaConsumer<String, String> c) {
    while (running) {
      var infos = c.partitionsFor(Topics.NOTICES);
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      }
      sleep(RETRY);
    }
    throw new WakeupException();
  }

  private void apply(ConsumerRecord<String, String> record) {
    Notice notice;
    try {
      notice = record.value() == null ? null : Json.read(record.value(), Notice.class);
    } catch (InvalidRecordException e) {
      notice = null; // the recommender dead-letters it; nothing the API could change anyway
    }
    if (notice == null || notice.id() == null || notice.publisher() == null) {
      return;
    }
    String key = header(record, LedgerHeaders.IDEMPOTENCY_KEY);
    String fingerprint = header(record, LedgerHeaders.FINGERPRINT);
    if (notice.version() == 1 && key != null && fingerprint != null) {
      ledger.recordPost(
          new FirstPost(new PostKey(notice.publisher().id(), key), fingerprint, notice));
    }
    ledger.apply(notice);
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  private Map<String, Object> consumerConfig() {
    // Boot's consumer settings (addresses, security), without its group: this reader is no member.
    Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "kairan-api-ledger");
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
