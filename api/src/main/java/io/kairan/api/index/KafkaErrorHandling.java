package io.kairan.api.index;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * When Elasticsearch is down the indexer waits and retries the same batch for as long as it takes:
 * skipping would leave the read model silently behind Kafka.
 */
@Configuration
class KafkaErrorHandling {
  @Bean
  DefaultErrorHandler indexerErrorHandler() {
    ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
    backOff.setMaxInterval(30_000);
    backOff.setMaxElapsedTime(Long.MAX_VALUE);
    return new DefaultErrorHandler(backOff);
  }
}
