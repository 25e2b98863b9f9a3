package io.kairan.ingest.publish;

import io.kairan.model.KafkaClientSecurity;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Where every Kafka client of ingest (and of the deploy tools that read topics through it)
 * connects, and how: the brokers given, with TLS and SASL from the environment
 * (KAFKA_SECURITY_PROTOCOL, …).
 */
public final class KafkaClients {
  private KafkaClients() {}

  /** The brokers and the environment's security settings; a wrong setting fails, named. */
  public static Map<String, Object> settings(String bootstrapServers) {
    return settings(bootstrapServers, System::getenv);
  }

  /** The brokers and the security settings a lookup by name gives. */
  public static Map<String, Object> settings(
      String bootstrapServers, Function<String, String> lookup) {
    Map<String, Object> config = new HashMap<>(KafkaClientSecurity.from(lookup).properties());
    config.put("bootstrap.servers", bootstrapServers);
    return config;
  }
}
