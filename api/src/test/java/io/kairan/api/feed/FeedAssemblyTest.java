package io.kairan.api.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kairan.api.notice.NoticeTestSupport;
import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How a feed is put together from the deliveries (latest first) and the notices' current versions.
 */
class FeedAssemblyTest {
  static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

  private static Delivery delivery(String noticeId, int version, String decidedAt) {
    Instant at = Instant.parse(decidedAt);
    return new Delivery(
        noticeId + "/" + version + "/r-1",
        "r-1",
        noticeId,
        version,
        null,
        null,
        Map.of(),
        0.5,
        List.of("you live in 北会津町"),
        "builtin/1",
        Channel.FEED_ONLY,
        at,
        at);
  }

  private static Notice notice(String id, int version, NoticeStatus status) {
    return NoticeTestSupport.departmentNotice(
        id, "dept-1", version, status, Instant.parse("2026-11-23T00:00:00Z"));
  }

  @Test
  void eachNoticeOnceAtItsLatestDeliveryInItsCurrentVersion() {
    // n-a v1 on the 23rd, n-b v1 on the 24th, n-a v2 on the 25th: n-a first (its latest delivery),
    // shown at version 3 (the current version, later than any delivered one).
    List<Delivery> newestFirst =
        List.of(
            delivery("n-a", 2, "2026-11-25T08:00:00Z"),
            delivery("n-b", 1, "2026-11-24T08:00:00Z"),
            delivery("n-a", 1, "2026-11-23T08:00:00Z"));
    Map<String, Notice> current =
        Map.of(
            "n-a",
            notice("n-a", 3, NoticeStatus.UPDATED),
            "n-b",
            notice("n-b", 1, NoticeStatus.PUBLISHED));

    assertThat(FeedReader.assemble(newestFirst, current, NOW, 20))
        .extracting(FeedItem::noticeId, FeedItem::version, FeedItem::deliveredAt)
        .containsExactly(
            tuple("n-a", 3, Instant.parse("2026-11-25T08:00:00Z")),
            tuple("n-b", 1, Instant.parse("2026-11-24T08:00:00Z")));
  }

  @Test
  void withdrawnExpiredAndUnknownNoticesAreLeftOutAndTheSizeCountsWhatIsShown() {
    List<Delivery> newestFirst =
        List.of(
            delivery("n-withdrawn", 1, "2026-11-25T08:00:00Z"),
            delivery("n-unknown", 1, "2026-11-25T07:00:00Z"),
            delivery("n-live-1", 1, "2026-11-25T06:00:00Z"),
            delivery("n-live-2", 1, "2026-11-25T05:00:00Z"),
            delivery("n-live-3", 1, "2026-11-25T04:00:00Z"));
    Map<String, Notice> current =
        Map.of(
            "n-withdrawn", notice("n-withdrawn", 2, NoticeStatus.WITHDRAWN),
            "n-live-1", notice("n-live-1", 1, NoticeStatus.PUBLISHED),
            "n-live-2", notice("n-live-2", 1, NoticeStatus.PUBLISHED),
            "n-live-3", notice("n-live-3", 1, NoticeStatus.PUBLISHED));

    assertThat(FeedReader.assemble(newestFirst, current, NOW, 2))
        .extracting(FeedItem::noticeId)
        .containsExactly("n-live-1", "n-live-2");
    // The draft's validity ends on 2026-12-23: on that instant the notice is over.
    assertThat(FeedReader.assemble(newestFirst, current, Instant.parse("2026-12-23T00:00:00Z"), 20))
        .isEmpty();
  }
}
