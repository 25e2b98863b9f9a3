package io.kairan.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.ingest.source.Item;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionsTest {
  private static final Instant T1 = Instant.parse("2026-11-23T00:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-24T00:00:00Z");
  private final Versions versions = new Versions(new HashMap<>());

  private static Notice notice(String id, String title) {
    return notice(id, title, T1);
  }

  /** A warning as a report issued at {@code reported} says it. */
  private static Notice notice(String id, String title, Instant reported) {
    return new Notice(
        id,
        1,
        new Publisher("s", "s", PublisherKind.FEED),
        "072028",
        Category.EVENTS,
        Map.of("ja", title),
        Map.of(),
        null,
        null,
        new Validity(reported, reported.plus(Duration.ofHours(72))),
        Severity.INFO,
        NoticeStatus.PUBLISHED,
        new Audience.Everyone(),
        T1);
  }

  @Test
  void aNewItemIsVersionOneAndTheSameItemAgainIsNothing() {
    assertThat(versions.decide(new Item.Publish(notice("od-1", "祭り"), "row 2"), T1))
        .singleElement()
        .isInstanceOfSatisfying(
            Change.Published.class, p -> assertThat(p.notice().version()).isEqualTo(1));

    assertThat(versions.decide(new Item.Publish(notice("od-1", "祭り"), "row 2"), T2))
        .containsExactly(new Change.Unchanged("od-1"));
  }

  @Test
  void aChangedItemIsTheNextVersionMarkedUpdated() {
    versions.decide(new Item.Publish(notice("od-1", "祭り"), "row 2"), T1);

    var change = versions.decide(new Item.Publish(notice("od-1", "祭り（雨天中止）"), "row 2"), T2);

    assertThat(change)
        .singleElement()
        .isInstanceOfSatisfying(
            Change.Updated.class,
            u -> {
              assertThat(u.notice().version()).isEqualTo(2);
              assertThat(u.notice().status()).isEqualTo(NoticeStatus.UPDATED);
              assertThat(u.notice().publishedAt()).isEqualTo(T2);
            });
  }

  @Test
  void aWithdrawalIsTheNextVersionOnceAndOnlyForWhatIsLive() {
    versions.decide(new Item.Publish(notice("cap-1", "避難指示"), "a"), T1);

    assertThat(versions.decide(new Item.Withdraw("cap-1", "c", "cancelled"), T2))
        .singleElement()
        .isInstanceOfSatisfying(
            Change.Withdrawn.class, w -> assertThat(w.notice().version()).isEqualTo(2));
    assertThat(versions.decide(new Item.Withdraw("cap-1", "c", "cancelled"), T2))
        .containsExactly(new Change.Unchanged("cap-1"));
    assertThat(versions.decide(new Item.Withdraw("cap-unknown", "c", "cancelled"), T2))
        .containsExactly(new Change.Unchanged("cap-unknown"));
  }

  @Test
  void aContinuingWarningDoesNotMakeANewVersion() {
    versions.decide(new Item.Publish(notice("jma-0720200-03", "大雨警報"), "j"), T1);

    assertThat(versions.decide(new Item.Ensure(notice("jma-0720200-03", "大雨警報（継続）"), "j"), T2))
        .containsExactly(new Change.Unchanged("jma-0720200-03"));
  }

  @Test
  void noWarningsInForceWithdrawsEveryLiveWarningOfTheArea() {
    versions.decide(new Item.Publish(notice("jma-0720200-03", "大雨警報"), "j"), T1);
    versions.decide(new Item.Publish(notice("jma-0720200-14", "雷注意報"), "j"), T1);
    versions.decide(new Item.Publish(notice("jma-0720100-03", "福島市の大雨警報"), "j"), T1);

    var changes = versions.decide(new Item.WithdrawAll("jma-0720200-", "j", "none"), T2);

    assertThat(changes).hasSize(2).allMatch(c -> c instanceof Change.Withdrawn);
  }

  @Test
  void aWarningIssuedAgainAfterItWasLiftedIsANewNoticeTheNextGenerationOfItsId() {
    versions.decide(new Item.Publish(notice("jma-0720200-03", "大雨警報", T1), "j"), T1);
    versions.decide(new Item.Withdraw("jma-0720200-03", "j", "lifted"), T1.plusSeconds(3600));

    var reissued = versions.decide(new Item.Publish(notice("jma-0720200-03", "大雨警報", T2), "j"), T2);
    var liftedAgain = versions.decide(new Item.Withdraw("jma-0720200-03", "j", "lifted"), T2);

    assertThat(reissued)
        .singleElement()
        .isInstanceOfSatisfying(
            Change.Published.class,
            p -> {
              assertThat(p.notice().id()).isEqualTo("jma-0720200-03~2");
              assertThat(p.notice().version()).isEqualTo(1);
              assertThat(p.notice().status()).isEqualTo(NoticeStatus.PUBLISHED);
            });
    assertThat(liftedAgain)
        .singleElement()
        .isInstanceOfSatisfying(
            Change.Withdrawn.class,
            w -> {
              assertThat(w.notice().id()).isEqualTo("jma-0720200-03~2");
              assertThat(w.notice().version()).isEqualTo(2);
            });
  }

  @Test
  void reReadingTheReportsFromBeforeALiftingChangesNothing() {
    Instant continued = T1.plusSeconds(1800);
    versions.decide(new Item.Publish(notice("jma-0720200-03", "大雨警報", T1), "j"), T1);
    versions.decide(new Item.Withdraw("jma-0720200-03", "j", "lifted"), T1.plusSeconds(3600));

    // The feed read again: the announcement and the report that it continued.
    assertThat(versions.decide(new Item.Publish(notice("jma-0720200-03", "大雨警報", T1), "j"), T2))
        .containsExactly(new Change.Unchanged("jma-0720200-03"));
    assertThat(
            versions.decide(new Item.Ensure(notice("jma-0720200-03", "大雨警報", continued), "j"), T2))
        .containsExactly(new Change.Unchanged("jma-0720200-03"));
  }

  @Test
  void theGenerationsAlreadyOnNoticesV1AreContinued() {
    Map<String, Notice> known = new HashMap<>();
    for (String id : List.of("jma-0720200-03", "jma-0720200-03~2")) {
      known.put(id, notice(id, "大雨警報", T1).withVersion(2, NoticeStatus.WITHDRAWN, T1));
    }
    known.put("jma-0720200-14~4", notice("jma-0720200-14~4", "雷注意報", T1));
    var restarted = new Versions(known);

    assertThat(restarted.decide(new Item.Publish(notice("jma-0720200-03", "大雨警報", T2), "j"), T2))
        .singleElement()
        .isInstanceOfSatisfying(
            Change.Published.class, p -> assertThat(p.notice().id()).isEqualTo("jma-0720200-03~3"));
    assertThat(restarted.decide(new Item.Withdraw("jma-0720200-14", "j", "lifted"), T2))
        .singleElement()
        .isInstanceOfSatisfying(
            Change.Withdrawn.class, w -> assertThat(w.notice().id()).isEqualTo("jma-0720200-14~4"));
  }
}
