package io.kairan.api.health;

import io.kairan.api.health.KafkaOffsets.KafkaUnavailableException;
import io.kairan.model.Topics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kairan.dead.letters{topic=…}}: how many records were ever dead-lettered to each {@code
 * *.dlq} topic, read as the topics' end offsets (nothing is ever removed from the count by
 * retention). Refreshed in the background, so reading the metric never waits on Kafka; a refresh
 * that fails keeps the last counts.
 */
class DeadLetterCounts implements MeterBinder, AutoCloseable {
  static final String METER = "kairan.dead.letters";
  static final List<String> TOPICS =
      Topics.all().stream().filter(t -> t.endsWith(".dlq")).sorted().toList();
  private static final Logger log = LoggerFactory.getLogger(DeadLetterCounts.class);

  private final Admin admin;
  private final Duration budget;
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final ScheduledExecutorService refresher =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "dead-letter-counts");
            t.setDaemon(true);
            return t;
          });

  DeadLetterCounts(Admin admin, Duration budget) {
    this.admin = admin;
    this.budget = budget;
    TOPICS.forEach(topic -> counts.put(topic, new AtomicLong()));
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    counts.forEach(
        (topic, count) ->
            FunctionCounter.builder(METER, count, AtomicLong::get)
                .tag("topic", topic)
                .description("records dead-lettered to the topic, ever")
                .register(registry));
  }

  /** Refreshes now, then every period. */
  void start(Duration period) {
    refresher.scheduleWithFixedDelay(
        this::refreshQuietly, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  void refresh() throws KafkaUnavailableException {
    KafkaOffsets offsets = new KafkaOffsets(admin, budget);
    KafkaOffsets.perTopic(offsets.latest(offsets.partitions(TOPICS)))
        .forEach((topic, total) -> counts.get(topic).set(total));
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (KafkaUnavailableException e) {
      log.debug("dead-letter counts not refreshed: {}", e.getMessage());
    } catch (RuntimeException e) {
      log.warn("dead-letter counts not refreshed", e);
    }
  }

  @Override
  public void close() {
    refresher.shutdownNow();
  }
}
