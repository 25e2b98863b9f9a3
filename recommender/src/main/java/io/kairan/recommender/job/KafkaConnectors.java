package io.kairan.recommender.job;

import io.kairan.model.DeadLetter;
import io.kairan.model.Topics;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The job's Kafka sources and sinks, built in one place. */
final class KafkaConnectors {
  private KafkaConnectors() {}

  /**
   * Reads a topic from the beginning on a first start: profiles are compacted and must all be in
   * state; on restart the checkpointed offsets win.
   */
  static KafkaSource<RawRecord> source(JobSettings settings, String topic) {
    return KafkaSource.<RawRecord>builder()
        .setBootstrapServers(settings.bootstrapServers())
        .setProperties(settings.kafkaProperties())
        .setTopics(topic)
        .setGroupId(settings.groupId())
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setDeserializer(new RawRecordDeserializer())
        .build();
  }

  /**
   * At-least-once: a transactional sink would hold every delivery until the next checkpoint, and an
   * urgent notice must not wait for one. Consumers are idempotent by delivery id instead.
   */
  static KafkaSink<Delivery> deliveries(JobSettings settings, String topic) {
    return KafkaSink.<Delivery>builder()
        .setBootstrapServers(settings.bootstrapServers())
        .setKafkaProducerConfig(producerConfig(settings))
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        .setRecordSerializer(
            (KafkaRecordSerializationSchema<Delivery>)
                (delivery, context, timestamp) ->
                    new ProducerRecord<>(
                        topic, bytes(delivery.residentId()), Json.writeBytes(delivery)))
        .build();
  }

  static KafkaSink<DeadLetter> deadLetters(JobSettings settings) {
    return KafkaSink.<DeadLetter>builder()
        .setBootstrapServers(settings.bootstrapServers())
        .setKafkaProducerConfig(producerConfig(settings))
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        .setRecordSerializer(deadLetterRecords())
        .build();
  }

  /** A dead letter goes to the *.dlq topic beside the topic its record came from, under its key. */
  static KafkaRecordSerializationSchema<DeadLetter> deadLetterRecords() {
    return (letter, context, timestamp) ->
        new ProducerRecord<>(
            Topics.deadLetter(letter.sourceTopic()), bytes(letter.key()), Json.writeBytes(letter));
  }

  private static Properties producerConfig(JobSettings settings) {
    Properties props = settings.kafkaProperties();
    // Deliveries are few bytes each and come in bursts per notice: batch briefly, compress well.
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return props;
  }

  private static byte[] bytes(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  /** Keeps key and value as text, null value included: a tombstone is a deletion, not an error. */
  static final class RawRecordDeserializer implements KafkaRecordDeserializationSchema<RawRecord> {
    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawRecord> out) {
      out.collect(
          new RawRecord(
              record.topic(), text(record.key()), text(record.value()), record.timestamp()));
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
      return TypeInformation.of(RawRecord.class);
    }

    private static String text(byte[] bytes) {
      return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
