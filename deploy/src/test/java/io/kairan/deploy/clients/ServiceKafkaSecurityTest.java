package io.kairan.deploy.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kairan.api.kafka.KafkaClientSecurityConfig;
import io.kairan.push.KafkaSecurityConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The API's and push's Kafka clients, as Boot builds them in each service, carry the security
 * settings of the configuration: the producer, the consumers and the admin client alike; a wrong
 * setting stops the start, named.
 */
class ServiceKafkaSecurityTest {

  /** Boot's Kafka auto-configuration and the service's security configuration, nothing else. */
  private static ConfigurableApplicationContext service(
      Class<?> securityConfig, Map<String, Object> settings) {
    var app = new SpringApplication(KafkaAutoConfiguration.class, securityConfig);
    app.setWebApplicationType(WebApplicationType.NONE);
    app.setBannerMode(Banner.Mode.OFF);
    app.setDefaultProperties(settings);
    return app.run();
  }

  @ParameterizedTest
  @ValueSource(classes = {KafkaClientSecurityConfig.class, KafkaSecurityConfig.class})
  void theProducerConsumersAndAdminClientAllGetScramFromTheConfiguration(Class<?> securityConfig) {
    try (var context =
        service(
            securityConfig,
            Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_USERNAME", "kairan",
                "KAFKA_SASL_PASSWORD", "pw"))) {
      String jaas =
          "org.apache.kafka.common.security.scram.ScramLoginModule required"
              + " username=\"kairan\" password=\"pw\";";
      for (var config :
          List.of(
              context.getBean(ProducerFactory.class).getConfigurationProperties(),
              context.getBean(ConsumerFactory.class).getConfigurationProperties(),
              context.getBean(KafkaAdmin.class).getConfigurationProperties())) {
        assertThat(config)
            .containsEntry("security.protocol", "SASL_PLAINTEXT")
            .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
            .containsEntry("sasl.jaas.config", jaas);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(classes = {KafkaClientSecurityConfig.class, KafkaSecurityConfig.class})
  void aSaslSettingWithoutASaslProtocolStopsTheStartNamingIt(Class<?> securityConfig) {
    assertThatThrownBy(() -> service(securityConfig, Map.of("KAFKA_SASL_USERNAME", "kairan")))
        .rootCause()
        .hasMessageStartingWith(
            "KAFKA_SASL_USERNAME is set but KAFKA_SECURITY_PROTOCOL is PLAINTEXT");
  }
}
