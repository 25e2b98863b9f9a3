package io.kairan.api.kafka;

import io.kairan.model.json.Json;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a record to a topic and waits for the broker's acknowledgement: the API answers "accepted"
 * only for what Kafka, the system of record, holds.
 */
@Component
public class RecordPublisher {
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);
  private final KafkaTemplate<String, String> kafka;

  RecordPublisher(KafkaTemplate<String, String> kafka) {
    this.kafka = kafka;
  }

  public void publish(String topic, String key, Object value) {
    try {
      kafka
          .send(topic, key, value == null ? null : Json.write(value))
          .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishFailedException(topic, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new PublishFailedException(topic, e);
    }
  }
}
