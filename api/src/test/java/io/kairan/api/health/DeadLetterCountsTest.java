package io.kairan.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadLetterCountsTest {
  private static FakeAdmin everyDeadLetterTopicEmpty() {
    var admin = new FakeAdmin();
    DeadLetterCounts.TOPICS.forEach(topic -> admin.partition(topic, 0, 0, 0));
    return admin;
  }

  @Test
  void eachDeadLetterTopicCountsTheRecordsEverWrittenToItsPartitions() throws Exception {
    var admin =
        everyDeadLetterTopicEmpty()
            .partition("notices.dlq", 0, 0, 3)
            .partition("notices.dlq", 1, 0, 4)
            .partition("profiles.dlq", 0, 5, 6); // five already past retention: still counted
    var registry = new SimpleMeterRegistry();
    try (var counts = new DeadLetterCounts(admin.admin(), Duration.ofSeconds(1))) {
      counts.bindTo(registry);

      counts.refresh();

      assertThat(
              registry
                  .get("kairan.dead.letters")
                  .tag("topic", "notices.dlq")
                  .functionCounter()
                  .count())
          .isEqualTo(7.0);
      assertThat(
              registry
                  .get("kairan.dead.letters")
                  .tag("topic", "profiles.dlq")
                  .functionCounter()
                  .count())
          .isEqualTo(6.0);
      assertThat(
              registry
                  .get("kairan.dead.letters")
                  .tag("topic", "rules.dlq")
                  .functionCounter()
                  .count())
          .isZero();
    }
  }

  @Test
  void thereIsACounterForEachInputsDeadLetterTopic() {
    assertThat(DeadLetterCounts.TOPICS)
        .contains("notices.dlq", "profiles.dlq", "rules.dlq", "feedback.dlq");
  }
}
