package io.kairan.recommender.job;

import io.kairan.model.KafkaClientSecurity;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.apache.flink.util.ParameterTool;

/**
 * The job's parameters; nothing about a broker is hard-coded in the job itself. {@code
 * kafkaSecurity} holds the TLS and SASL client properties (KAFKA_SECURITY_PROTOCOL, … in the
 * environment of the process that builds the job graph), which every source and sink gets.
 */
public record JobSettings(
    String bootstrapServers,
    String groupId,
    Duration checkpointInterval,
    Map<String, String> kafkaSecurity) {

  public JobSettings {
    kafkaSecurity = Map.copyOf(kafkaSecurity);
  }

  /** Plaintext Kafka, as on the local stack. */
  public JobSettings(String bootstrapServers, String groupId, Duration checkpointInterval) {
    this(bootstrapServers, groupId, checkpointInterval, Map.of());
  }

  /**
   * From {@code --bootstrap-servers host:port [--group-id id] [--checkpoint-interval-ms n]} and the
   * environment's Kafka security settings.
   */
  public static JobSettings from(String[] args) {
    return from(args, System::getenv);
  }

  /** From the arguments and a lookup of the Kafka security settings by name. */
  public static JobSettings from(String[] args, Function<String, String> settings) {
    ParameterTool params = ParameterTool.fromArgs(args);
    return new JobSettings(
        params.getRequired("bootstrap-servers"),
        params.get("group-id", "kairan-recommender"),
        Duration.ofMillis(params.getLong("checkpoint-interval-ms", 10_000)),
        KafkaClientSecurity.from(settings).properties());
  }

  /** What every Kafka client of the job is given: where the brokers are and how to reach them. */
  public Properties kafkaProperties() {
    Properties props = new Properties();
    props.putAll(kafkaSecurity);
    props.put("bootstrap.servers", bootstrapServers);
    return props;
  }

  /** Without the secrets: the JAAS line and passwords stay out of logs and the web UI. */
  @Override
  public String toString() {
    return "JobSettings[bootstrapServers=%s, groupId=%s, checkpointInterval=%s, security=%s]"
        .formatted(
            bootstrapServers,
            groupId,
            checkpointInterval,
            kafkaSecurity.getOrDefault("security.protocol", "PLAINTEXT"));
  }
}
