package io.kairan.push.schedule;

import io.kairan.push.dispatch.Dispatcher;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;

/** The scheduler, filled from the last 26 hours of deliveries.v1 before the intake starts. */
@Configuration
class ScheduleConfig {
  private static final Logger log = LoggerFactory.getLogger(ScheduleConfig.class);

  @Bean
  PushScheduler pushScheduler(Clock clock, ConsumerFactory<String, String> consumers) {
    PushScheduler scheduler = new PushScheduler(clock);
    try (var consumer = consumers.createConsumer("kairan-push-schedule", "schedule")) {
      int held = ScheduleRecovery.recover(consumer, clock, scheduler);
      log.info("{} scheduled pushes re-read from the last {}", held, ScheduleRecovery.HORIZON);
    }
    return scheduler;
  }

  @Bean
  DueTimer dueTimer(PushScheduler scheduler, Dispatcher dispatcher) {
    return new DueTimer(scheduler, dispatcher);
  }
}
