package io.kairan.push.intake;

import io.kairan.model.Topics;
import io.kairan.push.dispatch.Dispatcher;
import io.kairan.push.results.ResultRecorder;
import io.kairan.push.schedule.PushScheduler;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes each poll of deliveries.v1: holds what must wait, pushes what is due, dead-letters what
 * cannot be read. It returns, and the offsets are committed, only once every result is written; an
 * exception leaves the poll uncommitted and the error handler tries it again.
 */
@Component
class DeliveryIntake {
  private static final Logger log = LoggerFactory.getLogger(DeliveryIntake.class);
  private final PushScheduler scheduler;
  private final Dispatcher dispatcher;
  private final ResultRecorder recorder;
  private final Clock clock;

  DeliveryIntake(
      PushScheduler scheduler, Dispatcher dispatcher, ResultRecorder recorder, Clock clock) {
    this.scheduler = scheduler;
    this.dispatcher = dispatcher;
    this.recorder = recorder;
    this.clock = clock;
  }

  // The group is spring.kafka.consumer.group-id (kairan-push), not the listener's id.
  @KafkaListener(id = "push-sender", idIsGroup = false, topics = Topics.DELIVERIES, batch = "true")
  void onDeliveries(List<ConsumerRecord<String, String>> records) throws InterruptedException {
    Sorted sorted = Sorted.of(records, clock.instant());
    sorted.later().forEach(scheduler::hold);
    dispatcher.push(sorted.now());
    // After the pushes: a poll tried again because a result was refused does not dead-letter twice.
    if (!sorted.unreadable().isEmpty()) {
      ResultRecorder.Batch letters = recorder.batch();
      for (Sorted.Unreadable u : sorted.unreadable()) {
        log.warn("dead-lettering unreadable delivery {}: {}", u.key(), u.reason());
        letters.deadLetter(u.key(), u.value(), u.reason());
      }
      letters.awaitWritten();
    }
  }
}
