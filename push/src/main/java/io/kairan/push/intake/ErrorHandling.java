package io.kairan.push.intake;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A failed batch is retried, never skipped: skipping would commit offsets of deliveries that were
 * never pushed. The sent ledger makes each retry send only what is still missing.
 */
@Configuration
class ErrorHandling {
  @Bean
  DefaultErrorHandler pushErrorHandler() {
    ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
    backOff.setMaxInterval(60_000);
    backOff.setMaxElapsedTime(Long.MAX_VALUE);
    return new DefaultErrorHandler(backOff);
  }
}
