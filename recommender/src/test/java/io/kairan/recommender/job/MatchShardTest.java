package io.kairan.recommender.job;

import static io.kairan.recommender.Examples.NOON_JST;
import static io.kairan.recommender.Examples.childcareNoticeForKitaaizuParents;
import static io.kairan.recommender.Examples.resident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Severity;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.recommender.Examples;
import io.kairan.recommender.match.Match;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MatchShardTest {
  // Shard 0 writes the one dead letter for a notice every shard fails on.
  private static final int SHARD = 0;
  private KeyedTwoInputStreamOperatorTestHarness<Integer, ProfileChange, ShardedNotice, Match>
      harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
            new MatchShard(Clock.fixed(NOON_JST, ZoneOffset.UTC)),
            change -> SHARD,
            ShardedNotice::shard,
            Types.INT);
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  private void profile(ResidentProfile p) throws Exception {
    harness.processElement1(new ProfileChange(p.id(), p), 0);
  }

  private void notice(Notice n) throws Exception {
    harness.processElement2(new ShardedNotice(SHARD, n), 0);
  }

  @Test
  void aNoticeTheShardFailsOnIsDeadLetteredOnceAndTheNextNoticeStillArrives() throws Exception {
    profile(resident("parent", "北会津町", 1990, List.of(2022), Category.CHILDCARE));

    // The parser refuses a notice without validity; a bug upstream must still not stop the shard.
    Notice valid = childcareNoticeForKitaaizuParents();
    notice(
        new Notice(
            "n-broken",
            1,
            valid.publisher(),
            valid.municipalityCode(),
            valid.category(),
            valid.title(),
            valid.body(),
            null,
            null,
            null,
            valid.severity(),
            valid.status(),
            valid.audience(),
            valid.publishedAt()));
    notice(valid);

    assertThat(harness.extractOutputValues())
        .extracting(Match::residentId, Match::noticeId)
        .containsExactly(tuple("parent", "n-child"));
    assertThat(harness.getSideOutput(DeadLetters.TAG))
        .extracting(r -> r.getValue())
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(letter.sourceTopic()).isEqualTo("notices.v1");
              assertThat(letter.key()).isEqualTo("n-broken");
              assertThat(Json.read(letter.value(), Notice.class).id()).isEqualTo("n-broken");
              assertThat(letter.reason()).startsWith("failed: NullPointerException");
            });
  }

  @Test
  void aLaterVersionOfAWithdrawnNoticeReachesNobodyAndIsForgottenWhenItsValidityEnds()
      throws Exception {
    profile(resident("parent", "北会津町", 1990, List.of(2022), Category.CHILDCARE));
    Notice notice = childcareNoticeForKitaaizuParents();
    notice(notice);
    notice(notice.withVersion(2, NoticeStatus.WITHDRAWN, NOON_JST));
    notice(notice.withVersion(3, NoticeStatus.UPDATED, NOON_JST));
    profile(resident("newcomer", "北会津町", 1990, List.of(2023), Category.CHILDCARE));

    assertThat(harness.extractOutputValues())
        .extracting(Match::residentId, Match::noticeVersion)
        .containsExactly(tuple("parent", 1));
    assertThat(harness.numKeyedStateEntries()).as("the profiles and the withdrawal").isEqualTo(2);

    harness.setProcessingTime(notice.validity().until().toEpochMilli());

    assertThat(harness.numKeyedStateEntries()).as("only the profiles").isEqualTo(1);
  }

  @Test
  void theProfilesKeptInACheckpointAreMatchedAfterARestoreAsBefore() throws Exception {
    ResidentProfile parent = resident("parent", "北会津町", 1990, List.of(2022), Category.CHILDCARE);
    profile(parent);
    profile(resident("elsewhere", "湊町", 1990, List.of(2022), Category.CHILDCARE));
    OperatorSubtaskState checkpoint = harness.snapshot(1L, 1L);

    try (var restored =
        new KeyedTwoInputStreamOperatorTestHarness<>(
            new KeyedCoProcessOperator<>(new MatchShard(Clock.fixed(NOON_JST, ZoneOffset.UTC))),
            (ProfileChange change) -> SHARD,
            ShardedNotice::shard,
            Types.INT)) {
      restored.setup();
      restored.initializeState(checkpoint);
      restored.open();
      restored.processElement2(new ShardedNotice(SHARD, childcareNoticeForKitaaizuParents()), 0);

      assertThat(restored.extractOutputValues())
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.residentId()).isEqualTo("parent");
                assertThat(m.fromProfileChange()).isFalse();
              });
    }
  }

  @Test
  void aNoticeReachesOnlyTheEligibleResidentsOfTheShard() throws Exception {
    profile(resident("parent", "北会津町", 1990, List.of(2022), Category.CHILDCARE));
    profile(resident("elsewhere", "湊町", 1990, List.of(2022), Category.CHILDCARE));
    profile(resident("no-children", "北会津町", 1990, List.of(), Category.CHILDCARE));

    notice(childcareNoticeForKitaaizuParents());

    assertThat(harness.extractOutputValues())
        .extracting(Match::residentId)
        .containsExactly("parent");
    assertThat(harness.extractOutputValues().get(0).fromProfileChange()).isFalse();
  }

  @Test
  void aNewResidentIsMatchedAgainstTheLiveNoticesAsAProfileChange() throws Exception {
    notice(childcareNoticeForKitaaizuParents());

    profile(resident("newcomer", "北会津町", 1990, List.of(2023), Category.CHILDCARE));

    assertThat(harness.extractOutputValues())
        .singleElement()
        .satisfies(m -> assertThat(m.fromProfileChange()).isTrue());
  }

  @Test
  void aWithdrawnNoticeIsNoLongerMatchedToNewResidents() throws Exception {
    Notice n = childcareNoticeForKitaaizuParents();
    notice(n);
    notice(n.withVersion(2, NoticeStatus.WITHDRAWN, n.publishedAt()));

    profile(resident("newcomer", "北会津町", 1990, List.of(2023), Category.CHILDCARE));

    assertThat(harness.extractOutputValues()).isEmpty();
  }

  @Test
  void anExpiredNoticeLeavesStateAndNoTimerWhenItsTimerFires() throws Exception {
    Notice n = childcareNoticeForKitaaizuParents();
    notice(n);

    harness.setProcessingTime(n.validity().until().toEpochMilli());

    assertThat(harness.numKeyedStateEntries()).isZero();
    assertThat(harness.numProcessingTimeTimers()).isZero();
  }

  /** The resident's profile, later, with the category's consent withdrawn (as the API sends it). */
  private static ResidentProfile withdrawn(ResidentProfile p, Category category) {
    ObjectNode json = Json.mapper().valueToTree(p);
    ((ObjectNode) json.get("consents").get(category.name())).put("granted", false);
    return Json.read(json.toString(), ResidentProfile.class);
  }

  @Test
  void aWithdrawnConsentStopsTheNextNoticeOfItsCategoryWhileTheShardMovesOn() throws Exception {
    Audience kitaaizu = new Audience.InDistrict(List.of("北会津町"));
    ResidentProfile parent =
        resident("parent", "北会津町", 1990, List.of(2022), Category.CHILDCARE, Category.EVENTS);
    profile(parent);
    profile(resident("neighbour", "北会津町", 1990, List.of(2022), Category.CHILDCARE));
    notice(Examples.notice("n-before", 1, Severity.IMPORTANT, Category.CHILDCARE, kitaaizu));

    profile(withdrawn(parent, Category.CHILDCARE));
    notice(Examples.notice("n-after", 1, Severity.IMPORTANT, Category.CHILDCARE, kitaaizu));
    // A notice the parent still consents to: the shard has gone past n-after for them.
    notice(Examples.notice("n-marker", 1, Severity.IMPORTANT, Category.EVENTS, kitaaizu));

    List<Match> out = harness.extractOutputValues();
    assertThat(out)
        .extracting(Match::residentId, Match::noticeId)
        .containsExactlyInAnyOrder(
            tuple("parent", "n-before"),
            tuple("neighbour", "n-before"),
            tuple("neighbour", "n-after"),
            tuple("parent", "n-marker"));
    assertThat(out.get(out.size() - 1))
        .extracting(Match::residentId, Match::noticeId)
        .containsExactly("parent", "n-marker");
  }

  @Test
  void aDeletedResidentIsForgotten() throws Exception {
    profile(resident("gone", "北会津町", 1990, List.of(2022), Category.CHILDCARE));
    harness.processElement1(new ProfileChange("gone", null), 0);

    notice(childcareNoticeForKitaaizuParents());

    assertThat(harness.extractOutputValues()).isEmpty();
  }
}
