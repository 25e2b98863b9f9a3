package io.kairan.push.send;

import com.google.firebase.messaging.FirebaseMessaging;
import io.kairan.push.fcm.FcmSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sender and what it is made of: rate limit, retry policy, waiting, metrics. */
@Configuration
class SendConfig {
  @Bean
  @ConditionalOnMissingBean
  Sleeper sleeper() {
    return Sleeper.REAL;
  }

  @Bean
  PushMetrics pushMetrics(MeterRegistry registry) {
    return new PushMetrics(registry);
  }

  @Bean
  FcmSender fcmSender(
      FirebaseMessaging fcm,
      FcmSettings settings,
      Clock clock,
      Sleeper sleeper,
      PushMetrics metrics) {
    return new FcmSender(
        fcm,
        new RateLimiter(settings.messagesPerMinute(), clock, sleeper),
        settings.maxInFlight(),
        RetryPolicy.standard(),
        sleeper,
        metrics);
  }
}
