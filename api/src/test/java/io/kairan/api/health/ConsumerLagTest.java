package io.kairan.api.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kairan.api.health.KafkaOffsets.KafkaUnavailableException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsumerLagTest {
  private static final Duration BUDGET = Duration.ofSeconds(1);

  @Test
  void theLagOfATopicIsTheSumOverItsPartitionsOfTheEndLessTheCommittedOffset() throws Exception {
    var admin =
        new FakeAdmin()
            .partition("notices.v1", 0, 0, 100)
            .partition("notices.v1", 1, 0, 50)
            .committed("notices.v1", 0, 90)
            .committed("notices.v1", 1, 50)
            .partition("rules.v1", 0, 0, 4)
            .committed("rules.v1", 0, 4);

    var lag =
        new ConsumerLag(admin.admin(), BUDGET)
            .perTopic("kairan-recommender", List.of("notices.v1", "rules.v1"));

    assertThat(lag).containsEntry("notices.v1", 10L).containsEntry("rules.v1", 0L);
  }

  @Test
  void aPartitionTheGroupNeverCommittedCountsFromItsEarliestRecord() throws Exception {
    // Compacted or expired: the partition's records now start at 30, the end is 80.
    var admin = new FakeAdmin().partition("profiles.v1", 0, 30, 80);

    var lag =
        new ConsumerLag(admin.admin(), BUDGET)
            .perTopic("kairan-recommender", List.of("profiles.v1"));

    assertThat(lag).containsEntry("profiles.v1", 50L);
  }

  @Test
  void anUnreachableBrokerIsAnErrorNotAZeroLag() {
    assertThatThrownBy(
            () ->
                new ConsumerLag(FakeAdmin.unreachable(), BUDGET)
                    .perTopic("kairan-recommender", List.of("notices.v1")))
        .isInstanceOf(KafkaUnavailableException.class);
  }
}
