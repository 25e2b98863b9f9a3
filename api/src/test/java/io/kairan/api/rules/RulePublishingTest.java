package io.kairan.api.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import io.kairan.api.MovingClock;
import io.kairan.api.kafka.PublishFailedException;
import io.kairan.api.kafka.RecordPublisher;
import io.kairan.api.kafka.WrittenRecords;
import io.kairan.api.kafka.WrittenRecords.Written;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.model.rules.RuleSet;
import io.kairan.model.rules.RuleSlot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The slots' history as a restarted API rebuilds it from what the first instance wrote, and a
 * publication whose rules.v1 write did not complete, completed later.
 */
class RulePublishingTest {
  static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
  static final RuleSet DRAFT = Json.read(RuleControllerTest.RULES, RuleSet.class);

  private final MovingClock clock = new MovingClock(T0);
  private final WrittenRecords records = new WrittenRecords();

  /** An API instance's books, read to the end of what was written, and its publishing. */
  private record Instance(RuleHistory history, RulesOnTopic slots, RulePublishing publishing) {}

  private Instance start(RecordPublisher kafka) {
    RuleHistory history = new RuleHistory();
    RulesOnTopic slots = new RulesOnTopic();
    records.replay(RuleHistory.TOPIC, history::accept);
    for (Written w : records.on(Topics.RULES)) {
      slots.accept(w.key(), w.json(), w.headers().get("kairan-rules-id"));
    }
    history.markCaughtUp();
    slots.markCaughtUp();
    return new Instance(history, slots, new RulePublishing(kafka, history, slots, clock));
  }

  private static RuleSet version(int v) {
    return new RuleSet(
        DRAFT.name(),
        v,
        null,
        DRAFT.weights(),
        DRAFT.categoryWeights(),
        DRAFT.digestCategories(),
        DRAFT.pushThreshold(),
        DRAFT.dailyPushCap(),
        DRAFT.firmDailyPushCap(),
        DRAFT.defaultQuietHours(),
        DRAFT.digestTime(),
        null);
  }

  @Test
  void aRestartedInstanceHasTheSameHistoryAndSlotsAsTheOneThatWroteThem() {
    Instance first = start(records.publisher);
    RulePublication v3 = first.publishing().publish(RuleSlot.ACTIVE, version(3), "ana-1");
    clock.advance(Duration.ofHours(1));
    first.publishing().publish(RuleSlot.SHADOW, version(4), "ana-2");
    clock.advance(Duration.ofHours(1));
    first.publishing().rollback(RuleSlot.SHADOW, v3.id(), "ana-3");
    clock.advance(Duration.ofHours(1));
    first.publishing().stopShadow("ana-4");

    Instance restarted = start(records.publisher);

    for (RuleSlot slot : RuleSlot.values()) {
      assertThat(restarted.history().of(slot)).isEqualTo(first.history().of(slot));
      assertThat(restarted.slots().in(slot)).isEqualTo(first.slots().in(slot));
    }
    assertThat(restarted.history().of(RuleSlot.SHADOW))
        .extracting(RulePublication::publishedBy)
        .containsExactly("ana-4", "ana-3", "ana-2");
    assertThat(restarted.slots().in(RuleSlot.ACTIVE).id()).isEqualTo(v3.id());
  }

  @Test
  void aPublicationWhoseRulesV1WriteFailedReachesTheSlotOnceKafkaTakesIt() {
    RecordPublisher failingOnRules = mock(RecordPublisher.class);
    doAnswer(
            call -> {
              records.publisher.publish(
                  call.getArgument(0),
                  call.getArgument(1),
                  call.getArgument(2),
                  call.getArgument(3));
              return null;
            })
        .when(failingOnRules)
        .publish(eq(RuleHistory.TOPIC), any(), any(), anyMap());
    doThrow(new PublishFailedException(Topics.RULES, new RuntimeException("broker down")))
        .when(failingOnRules)
        .publish(eq(Topics.RULES), any(), any(), anyMap());
    Instance down = start(failingOnRules);

    RulePublication entry = down.publishing().publish(RuleSlot.ACTIVE, version(5), "ana-1");
    // Kafka still refuses rules.v1: the task's run fails (logged, tried again a second later).
    assertThatThrownBy(() -> down.publishing().completePending())
        .isInstanceOf(PublishFailedException.class);

    assertThat(records.on(Topics.RULES)).isEmpty();
    assertThat(down.history().latest(RuleSlot.ACTIVE)).contains(entry);

    // The API restarts with Kafka back: the entry is recorded, so it goes to the slot, once.
    Instance back = start(records.publisher);
    back.publishing().completePending();
    back.publishing().completePending();

    List<Written> onRules = records.on(Topics.RULES);
    assertThat(onRules).hasSize(1);
    assertThat(onRules.get(0).key()).isEqualTo("active");
    assertThat(onRules.get(0).headers()).containsEntry("kairan-rules-id", entry.id());
    assertThat(Json.read(onRules.get(0).json(), RuleSet.class).version()).isEqualTo(5);
    assertThat(back.slots().in(RuleSlot.ACTIVE).id()).isEqualTo(entry.id());
  }

  @Test
  void nothingIsCompletedBeforeBothTopicsAreRead() {
    RuleHistory history = new RuleHistory();
    history.put(new RulePublication("e-1", RuleSlot.ACTIVE, version(2), "ana-1", T0, null));
    history.markCaughtUp();
    RulesOnTopic slots = new RulesOnTopic(); // rules.v1 still being read

    new RulePublishing(records.publisher, history, slots, clock).completePending();

    assertThat(records.all).isEmpty();
  }

  @Test
  void everyRuleCallBeforeBothTopicsAreReadIsRefusedAsNotReadyAndWritesNothing() {
    RuleHistory history = new RuleHistory();
    history.markCaughtUp();
    RulesOnTopic slots = new RulesOnTopic(); // rules.v1 still being read
    RuleController controller =
        new RuleController(
            new RulePublishing(records.publisher, history, slots, clock), history, slots);

    assertThatThrownBy(controller::read).isInstanceOf(RuleController.NotReadyException.class);
    assertThatThrownBy(() -> controller.publish(null, "active", DRAFT))
        .isInstanceOf(RuleController.NotReadyException.class);
    assertThatThrownBy(() -> controller.stop(null, "shadow"))
        .isInstanceOf(RuleController.NotReadyException.class);
    assertThatThrownBy(
            () -> controller.rollback(null, "active", new RuleController.Rollback("e-1")))
        .isInstanceOf(RuleController.NotReadyException.class);
    assertThat(records.all).isEmpty();
  }
}
