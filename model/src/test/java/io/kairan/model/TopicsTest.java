package io.kairan.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The topic table of DESIGN.md ("Topics"), with a dead-letter topic beside each source. */
class TopicsTest {

  @Test
  void aDeadLetterTopicIsTheSourceWithoutItsVersionAndDlqAdded() {
    assertThat(Topics.deadLetter("notices.v1")).isEqualTo("notices.dlq");
    assertThat(Topics.deadLetter("push-results.v1")).isEqualTo("push-results.dlq");
    assertThat(Topics.deadLetter("profiles.v12")).isEqualTo("profiles.dlq");
  }

  @Test
  void onlyAVersionAtTheEndIsDropped() {
    assertThat(Topics.deadLetter("city.v1.notices")).isEqualTo("city.v1.notices.dlq");
  }

  @Test
  void
      theStackCreatesEverySourceItsDeadLettersTheShadowDeliveriesTheEmailAddressesAndTheApisBooks() {
    assertThat(Topics.all())
        .containsExactlyInAnyOrder(
            "notices.v1",
            "notices.dlq",
            "profiles.v1",
            "profiles.dlq",
            "devices.v1",
            "devices.dlq",
            "rules.v1",
            "rules.dlq",
            "feedback.v1",
            "feedback.dlq",
            "deliveries.v1",
            "deliveries.dlq",
            "push-results.v1",
            "push-results.dlq",
            "sites.v1",
            "sites.dlq",
            "deliveries.shadow.v1",
            "residents.emails.v1",
            "residents.consents.v1",
            "notices.drafts.v1",
            "notices.scheduled.v1",
            "notices.approvals.v1",
            "rules.history.v1",
            "operator-access.v1");
  }

  @Test
  void profilesDevicesRulesSitesEmailAddressesAndTheApisBooksKeepOnlyTheirLatestRecordPerKey() {
    assertThat(Topics.COMPACTED)
        .containsExactlyInAnyOrder(
            "profiles.v1",
            "devices.v1",
            "rules.v1",
            "sites.v1",
            "residents.emails.v1",
            "residents.consents.v1",
            "notices.drafts.v1",
            "notices.scheduled.v1",
            "notices.approvals.v1",
            "rules.history.v1");
  }

  @Test
  void theOperatorAccessLogIsKeptAYearAndADay() {
    // 366 × 24 × 3600 × 1000, by hand.
    assertThat(Topics.configOf("operator-access.v1"))
        .containsExactly(java.util.Map.entry("retention.ms", "31622400000"));
  }

  @Test
  void onAThreeBrokerClusterEveryTopicHasThreeReplicasTwoInSyncAndTheBooksOnePartition() {
    var definitions = Topics.definitions(12, 3);

    assertThat(definitions).extracting(TopicDefinition::name).isEqualTo(Topics.all());
    for (TopicDefinition d : definitions) {
      assertThat(d.replicationFactor()).as(d.name()).isEqualTo(3);
      assertThat(d.config()).as(d.name()).containsEntry("min.insync.replicas", "2");
    }
    var byName = new java.util.HashMap<String, TopicDefinition>();
    definitions.forEach(d -> byName.put(d.name(), d));
    assertThat(byName.get("notices.v1").partitions()).isEqualTo(12);
    assertThat(byName.get("deliveries.dlq").partitions()).isEqualTo(12);
    assertThat(byName.get("residents.emails.v1").partitions()).isEqualTo(1);
    assertThat(byName.get("notices.scheduled.v1").partitions()).isEqualTo(1);
    assertThat(byName.get("operator-access.v1").partitions()).isEqualTo(1);
    assertThat(byName.get("profiles.v1").config())
        .containsExactlyInAnyOrderEntriesOf(
            java.util.Map.of("cleanup.policy", "compact", "min.insync.replicas", "2"));
  }

  @Test
  void aTopicWithoutPartitionsOrReplicasIsRefusedNamed() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new TopicDefinition("notices.v1", 0, 3, java.util.Map.of()))
        .hasMessage("notices.v1: partitions and replicas must be at least 1, not 0 and 3");
  }

  @Test
  void oneBrokerNeedsOneInSyncReplicaAndTwoBrokersOne() {
    assertThat(Topics.definitions(4, 1).get(0).config()).containsEntry("min.insync.replicas", "1");
    assertThat(TopicDefinition.minInSyncReplicas(1)).isEqualTo(1);
    assertThat(TopicDefinition.minInSyncReplicas(2)).isEqualTo(1);
    assertThat(TopicDefinition.minInSyncReplicas(3)).isEqualTo(2);
    assertThat(TopicDefinition.minInSyncReplicas(5)).isEqualTo(2);
  }

  @Test
  void theLogsThatNameResidentsAndEveryDeadLetterTopicAreDeletedAfter30Days() {
    // 30 days in milliseconds, by hand: 30 × 24 × 3600 × 1000; a segment rolled each day.
    java.util.Map<String, String> thirtyDays =
        java.util.Map.of(
            "cleanup.policy", "delete", "retention.ms", "2592000000", "segment.ms", "86400000");
    for (String topic :
        java.util.List.of(
            "feedback.v1",
            "deliveries.v1",
            "deliveries.shadow.v1",
            "push-results.v1",
            "profiles.dlq",
            "notices.dlq",
            "feedback.dlq")) {
      assertThat(Topics.configOf(topic)).as(topic).isEqualTo(thirtyDays);
    }
  }

  @Test
  void compactedTopicsAreCreatedCompactedAndNoticesKeepTheBrokersDefault() {
    assertThat(Topics.configOf("profiles.v1"))
        .containsExactly(java.util.Map.entry("cleanup.policy", "compact"));
    assertThat(Topics.configOf("notices.v1")).isEmpty();
  }
}
