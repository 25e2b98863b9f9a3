package io.kairan.ingest.publish;

import io.kairan.model.DeadLetter;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Notice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** notices.v1 and notices.dlq through an idempotent producer that waits for all replicas. */
public final class KafkaNoticeSink implements NoticeSink {
  private final Producer<String, String> producer;
  private final List<Future<RecordMetadata>> pending = new ArrayList<>();

  public KafkaNoticeSink(String bootstrapServers) {
    this(reliableProducer(bootstrapServers));
  }

  /** Waits for all replicas, and retries after a lost ack never write a record twice. */
  public static KafkaProducer<String, String> reliableProducer(String bootstrapServers) {
    Map<String, Object> config = KafkaClients.settings(bootstrapServers);
    config.putAll(
        Map.of(
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            60_000));
    return new KafkaProducer<>(config);
  }

  /** On any producer: the records it is given are exactly what notices.v1 and the DLQ get. */
  KafkaNoticeSink(Producer<String, String> producer) {
    this.producer = producer;
  }

  @Override
  public void publish(Notice notice) {
    pending.add(
        producer.send(new ProducerRecord<>(Topics.NOTICES, notice.id(), Json.write(notice))));
  }

  @Override
  public void deadLetter(DeadLetter letter) {
    pending.add(
        producer.send(
            new ProducerRecord<>(
                Topics.deadLetter(letter.sourceTopic()), letter.key(), Json.write(letter))));
  }

  @Override
  public void flush() {
    producer.flush();
    try {
      for (Future<RecordMetadata> ack : pending) {
        ack.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Kafka", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "Kafka did not acknowledge: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pending.clear();
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
