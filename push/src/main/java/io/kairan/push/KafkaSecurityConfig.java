package io.kairan.push;

import io.kairan.model.KafkaClientSecurity;
import java.util.function.Function;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * TLS and SASL for every Kafka client of push (intake, followed topics, results): added from the
 * environment (KAFKA_SECURITY_PROTOCOL, …) to Boot's Kafka settings, which they are all built from.
 */
@Configuration
public class KafkaSecurityConfig {
  @Bean
  static BeanPostProcessor kafkaSecurity(Environment environment) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String name) {
        return bean instanceof KafkaProperties kafka
            ? secure(kafka, environment::getProperty)
            : bean;
      }
    };
  }

  /** Boot's settings with the security the lookup gives; a wrong setting fails, named. */
  public static KafkaProperties secure(KafkaProperties kafka, Function<String, String> lookup) {
    var security = KafkaClientSecurity.from(lookup);
    kafka.getProperties().putAll(security.properties());
    LoggerFactory.getLogger(KafkaSecurityConfig.class).info("Kafka: {}", security);
    return kafka;
  }
}
