package io.kairan.api.feed;

import static io.kairan.api.feed.DeliveriesInMemory.delivery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kairan.api.MovingClock;
import io.kairan.api.notice.NoticeTestSupport;
import io.kairan.model.delivery.Channel;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the feed is cut into pages: each notice once, at its latest delivery, in its current version;
 * a cursor is the key of the last delivery a page used, so deliveries that arrive during a walk
 * neither repeat nor skip what the walk shows. The deliveries are read by plain scans
 * (Elasticsearch runs the same reads in FeedJourneyIT).
 */
class FeedPagingTest {
  static final Instant START = Instant.parse("2026-11-25T09:00:00Z");

  private final MovingClock clock = new MovingClock(START);
  private final DeliveriesInMemory deliveries = new DeliveriesInMemory();
  private final Map<String, Notice> current = new HashMap<>();
  private final FeedReader reader =
      new FeedReader(deliveries, DeliveriesInMemory.currentNotices(current), clock);

  private void notice(String id, int version, NoticeStatus status, Category category) {
    Notice draft =
        NoticeTestSupport.departmentNotice(
            id, "dept-1", version, status, Instant.parse("2026-11-23T00:00:00Z"));
    current.put(
        id,
        new Notice(
            draft.id(),
            draft.version(),
            draft.publisher(),
            draft.municipalityCode(),
            category,
            draft.title(),
            draft.body(),
            draft.url(),
            draft.location(),
            draft.validity(),
            draft.severity(),
            draft.status(),
            draft.audience(),
            draft.publishedAt()));
  }

  private void delivered(String noticeId, int version, String decidedAt) {
    deliveries.add(delivery(noticeId, version, Category.CHILDCARE, decidedAt, Channel.FEED_ONLY));
  }

  /** Walks from the cursor to the end, a page of {@code size} at a time. */
  private List<String> walk(FeedCursor from, int size) {
    List<String> seen = new ArrayList<>();
    FeedCursor cursor = from;
    while (cursor != null) {
      FeedReader.Page page = reader.page(new FeedReader.Query("r-1", cursor, null, false, size));
      page.items().forEach(i -> seen.add(i.noticeId()));
      cursor = page.next();
    }
    return seen;
  }

  @Test
  void pagesWalkTheWholeFeedEachNoticeOnceAtItsLatestDeliveryInItsCurrentVersion() {
    // n-a v1 on the 20th and v2 on the 24th; n-b..n-e one each. The order by latest delivery:
    // n-a (24th), n-e (23rd 12:00), n-d (23rd 12:00, the same millisecond: n-e's id sorts later),
    // n-c (22nd), n-b (21st).
    delivered("n-a", 1, "2026-11-20T08:00:00Z");
    delivered("n-b", 1, "2026-11-21T08:00:00Z");
    delivered("n-c", 1, "2026-11-22T08:00:00Z");
    delivered("n-d", 1, "2026-11-23T12:00:00Z");
    delivered("n-e", 1, "2026-11-23T12:00:00Z");
    delivered("n-a", 2, "2026-11-24T08:00:00Z");
    for (String id : List.of("n-b", "n-c", "n-d", "n-e")) {
      notice(id, 1, NoticeStatus.PUBLISHED, Category.CHILDCARE);
    }
    notice("n-a", 3, NoticeStatus.UPDATED, Category.CHILDCARE);

    FeedReader.Page first =
        reader.page(new FeedReader.Query("r-1", reader.start(), null, false, 2));
    assertThat(first.items())
        .extracting(FeedItem::noticeId, FeedItem::version, FeedItem::deliveredAt)
        .containsExactly(
            tuple("n-a", 3, Instant.parse("2026-11-24T08:00:00Z")),
            tuple("n-e", 1, Instant.parse("2026-11-23T12:00:00Z")));
    assertThat(walk(first.next(), 2)).containsExactly("n-d", "n-c", "n-b");
    // Pages of one and of a hundred cut the same feed.
    assertThat(walk(reader.start(), 1)).containsExactly("n-a", "n-e", "n-d", "n-c", "n-b");
    assertThat(walk(reader.start(), 100)).containsExactly("n-a", "n-e", "n-d", "n-c", "n-b");
  }

  @Test
  void deliveriesArrivingBetweenPagesNeitherRepeatNorSkipAndTheNextWalkShowsThem() {
    delivered("n-1", 1, "2026-11-24T01:00:00Z");
    delivered("n-2", 1, "2026-11-24T02:00:00Z");
    delivered("n-3", 1, "2026-11-24T03:00:00Z");
    delivered("n-4", 1, "2026-11-24T04:00:00Z");
    for (String id : List.of("n-1", "n-2", "n-3", "n-4", "n-new")) {
      notice(id, 1, NoticeStatus.PUBLISHED, Category.CHILDCARE);
    }
    FeedReader.Page first =
        reader.page(new FeedReader.Query("r-1", reader.start(), null, false, 2));
    assertThat(first.items()).extracting(FeedItem::noticeId).containsExactly("n-4", "n-3");

    // Meanwhile: a new notice, a new version of one already shown (n-4) and of one not yet
    // shown (n-1), all decided after the walk began.
    clock.advance(Duration.ofMinutes(5));
    delivered("n-new", 1, "2026-11-25T09:01:00Z");
    delivered("n-4", 2, "2026-11-25T09:02:00Z");
    delivered("n-1", 2, "2026-11-25T09:03:00Z");

    assertThat(walk(first.next(), 2)).containsExactly("n-2", "n-1");
    assertThat(walk(reader.start(), 2)).containsExactly("n-1", "n-4", "n-new", "n-3", "n-2");
  }

  @Test
  void unreadLeavesOutWhatTheResidentOpenedAndCategoryOtherCategories() {
    delivered("n-1", 1, "2026-11-24T01:00:00Z");
    delivered("n-2", 1, "2026-11-24T02:00:00Z");
    deliveries.add(delivery("n-3", 1, Category.DISASTER, "2026-11-24T03:00:00Z", Channel.PUSH_NOW));
    notice("n-1", 1, NoticeStatus.PUBLISHED, Category.CHILDCARE);
    notice("n-2", 1, NoticeStatus.PUBLISHED, Category.CHILDCARE);
    notice("n-3", 1, NoticeStatus.PUBLISHED, Category.DISASTER);
    deliveries.open("n-2");

    assertThat(reader.page(new FeedReader.Query("r-1", reader.start(), null, true, 20)).items())
        .extracting(FeedItem::noticeId)
        .containsExactly("n-3", "n-1");
    assertThat(
            reader
                .page(new FeedReader.Query("r-1", reader.start(), Category.CHILDCARE, false, 20))
                .items())
        .extracting(FeedItem::noticeId)
        .containsExactly("n-2", "n-1");
    assertThat(
            reader
                .page(new FeedReader.Query("r-1", reader.start(), Category.CHILDCARE, true, 20))
                .items())
        .extracting(FeedItem::noticeId)
        .containsExactly("n-1");
  }

  @Test
  void withdrawnExpiredAndUnknownNoticesAreLeftOutAndTheSizeCountsWhatIsShown() {
    delivered("n-live-3", 1, "2026-11-25T04:00:00Z");
    delivered("n-live-2", 1, "2026-11-25T05:00:00Z");
    delivered("n-live-1", 1, "2026-11-25T06:00:00Z");
    delivered("n-unknown", 1, "2026-11-25T07:00:00Z");
    delivered("n-withdrawn", 1, "2026-11-25T08:00:00Z");
    notice("n-withdrawn", 2, NoticeStatus.WITHDRAWN, Category.CHILDCARE);
    for (String id : List.of("n-live-1", "n-live-2", "n-live-3")) {
      notice(id, 1, NoticeStatus.PUBLISHED, Category.CHILDCARE);
    }

    FeedReader.Page first =
        reader.page(new FeedReader.Query("r-1", reader.start(), null, false, 2));
    assertThat(first.items())
        .extracting(FeedItem::noticeId)
        .containsExactly("n-live-1", "n-live-2");
    assertThat(walk(first.next(), 2)).containsExactly("n-live-3");
    // The notices' validity ends on 2026-12-23: on that instant they are over.
    clock.set(Instant.parse("2026-12-23T00:00:00Z"));
    assertThat(walk(reader.start(), 20)).isEmpty();
  }

  @Test
  void aPageLooksThroughAtMostTwoThousandDeliveriesAndThenHandsOnACursor() {
    // 2,500 deliveries of one withdrawn notice, then one live notice below them.
    for (int i = 0; i < 2_500; i++) {
      delivered("n-gone", i + 1, START.minusSeconds(10 + i).toString());
    }
    delivered("n-live", 1, START.minusSeconds(100_000).toString());
    notice("n-gone", 2_501, NoticeStatus.WITHDRAWN, Category.CHILDCARE);
    notice("n-live", 1, NoticeStatus.PUBLISHED, Category.CHILDCARE);

    FeedReader.Page first =
        reader.page(new FeedReader.Query("r-1", reader.start(), null, false, 20));
    assertThat(first.items()).isEmpty();
    assertThat(first.next()).isNotNull();
    assertThat(walk(first.next(), 20)).containsExactly("n-live");
  }

  @Test
  void aCursorIsReadBackAsItWasWritten() {
    FeedCursor cursor = FeedCursor.start(START).after(1_764_000_000_000L, "n-1/2/r-1|x");
    assertThat(FeedCursor.decode(cursor.encode())).isEqualTo(cursor);
  }
}
