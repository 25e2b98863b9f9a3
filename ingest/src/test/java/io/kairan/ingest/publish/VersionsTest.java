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
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionsTest {
  private static final Instant T1 = Instant.parse("2026-11-23T00:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-24T00:00:00Z");
  private final Versions versions = new Versions(new HashMap<>());

  private static Notice notice(String id, String title) {
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
        new Validity(T1, T2),
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
}
