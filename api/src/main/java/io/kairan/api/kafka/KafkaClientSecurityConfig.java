package io.kairan.api.kafka;

import io.kairan.model.KafkaClientSecurity;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * TLS and SASL for every Kafka client of the API: Boot's Kafka settings, which its producer,
 * consumers, admin clients and topic readers are all built from, get {@link KafkaClientSecurity}'s
 * properties from the environment (KAFKA_SECURITY_PROTOCOL, …) before anything uses them.
 */
@Configuration
public class KafkaClientSecurityConfig {
  private static final Logger log = LoggerFactory.getLogger(KafkaClientSecurityConfig.class);

  @Bean
  static BeanPostProcessor kafkaClientSecurity(Environment environment) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String name) {
        if (bean instanceof KafkaProperties kafka) {
          applyTo(kafka, environment::getProperty);
        }
        return bean;
      }
    };
  }

  /** Adds the security settings the lookup gives (fails naming a wrong one) to Boot's settings. */
  public static KafkaProperties applyTo(KafkaProperties kafka, Function<String, String> settings) {
    KafkaClientSecurity security = KafkaClientSecurity.from(settings);
    kafka.getProperties().putAll(security.properties());
    log.info("Kafka clients connect with {}", security);
    return kafka;
  }
}
