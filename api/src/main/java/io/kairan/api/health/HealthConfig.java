package io.kairan.api.health;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.util.HashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The health indicators (the job, Kafka, Elasticsearch), the dead-letter metric, and the one admin
 * client they share.
 */
@Configuration
class HealthConfig {
  static final Duration DEAD_LETTER_REFRESH = Duration.ofSeconds(30);

  /** Bounded by the health timeout, so no admin call outlives a health check by much. */
  @Bean(destroyMethod = "close")
  Admin healthAdmin(KafkaAdmin kafkaAdmin, RecommenderJobSettings settings) {
    var config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
    int timeoutMs = (int) settings.timeout().toMillis();
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "kairan-api-health");
    return Admin.create(config);
  }

  /** The bean name makes the indicator's name: recommenderJob. */
  @Bean
  RecommenderJobHealthIndicator recommenderJobHealthIndicator(
      RecommenderJobSettings settings, Admin healthAdmin) {
    return new RecommenderJobHealthIndicator(
        settings, new ConsumerLag(healthAdmin, settings.timeout()));
  }

  /** The bean name makes the indicator's name: kafka (in readiness). */
  @Bean
  KafkaHealthIndicator kafkaHealthIndicator(Admin healthAdmin, RecommenderJobSettings settings) {
    return new KafkaHealthIndicator(healthAdmin, settings.timeout());
  }

  /** The bean name makes the indicator's name: elasticsearch (in health, not in readiness). */
  @Bean(destroyMethod = "close")
  ElasticsearchHealthIndicator elasticsearchHealthIndicator(
      ElasticsearchClient elasticsearchClient, RecommenderJobSettings settings) {
    return new ElasticsearchHealthIndicator(elasticsearchClient, settings.timeout());
  }

  @Bean(destroyMethod = "close")
  DeadLetterCounts deadLetterCounts(Admin healthAdmin, RecommenderJobSettings settings) {
    DeadLetterCounts counts = new DeadLetterCounts(healthAdmin, settings.timeout());
    counts.start(DEAD_LETTER_REFRESH);
    return counts;
  }
}
