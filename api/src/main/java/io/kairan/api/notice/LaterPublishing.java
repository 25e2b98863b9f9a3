package io.kairan.api.notice;

import io.kairan.api.approval.ApprovalBook;
import io.kairan.api.kafka.FollowedTopicTask;
import io.kairan.api.kafka.TopicReplay;
import io.kairan.api.schedule.ScheduleBook;
import java.util.function.BiConsumer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Notices published after their post, each kept on an API-owned topic read whole at start: a
 * scheduled notice once due (notices.scheduled.v1; one due while the API was down goes out as soon
 * as it runs again), and an approved firm's notice whose publication did not complete
 * (notices.approvals.v1; entries are forgotten as the ledger forgets notices). Both are looked at
 * every second.
 */
@Configuration
class LaterPublishing {
  @Bean
  FollowedTopicTask scheduledPublishing(
      NoticeSchedule schedule, ScheduleBook book, KafkaProperties kafka) {
    return followed(
        ScheduleBook.TOPIC,
        "kairan-api-schedule",
        kafka,
        book::accept,
        book::markCaughtUp,
        "scheduled-notices",
        schedule::publishDue);
  }

  @Bean
  FollowedTopicTask approvalPublishing(
      NoticeApprovals approvals, ApprovalBook book, KafkaProperties kafka) {
    return followed(
        ApprovalBook.TOPIC,
        "kairan-api-approvals",
        kafka,
        book::accept,
        book::markCaughtUp,
        "approved-notices",
        () -> {
          approvals.publishApproved();
          approvals.forgetEnded();
        });
  }

  private static FollowedTopicTask followed(
      String topic,
      String clientId,
      KafkaProperties kafka,
      BiConsumer<String, String> accept,
      Runnable caughtUp,
      String taskName,
      Runnable task) {
    return new FollowedTopicTask(
        new TopicReplay(
            topic,
            clientId,
            kafka,
            TopicReplay.Reader.of(r -> accept.accept(r.key(), r.value()), caughtUp)),
        taskName,
        task);
  }
}
