package io.kairan.api.kafka;

import io.kairan.model.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
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
    publish(topic, key, value, Map.of());
  }

  /** With record headers beside the value (what the write path needs, not part of the record). */
  public void publish(String topic, String key, Object value, Map<String, String> headers) {
    var record =
        new ProducerRecord<String, String>(topic, key, value == null ? null : Json.write(value));
    headers.forEach(
        (name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
    try {
      kafka.send(record).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishFailedException(topic, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new PublishFailedException(topic, e);
    }
  }
}
