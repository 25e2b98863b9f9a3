package io.kairan.api.feed;

import io.kairan.api.index.CurrentNotices;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reads a feed: the resident's deliveries in the feed's order (latest decided first), then the
 * current version of each notice, so an update shows at once and a withdrawn or expired notice is
 * gone at once. A page is a stretch of that order after a cursor; each notice is shown once, at its
 * latest delivery decided by the walk's start.
 */
@Component
class FeedReader {
  /** How many deliveries one page may look through, so that a sparse filter stays bounded. */
  static final int MAX_SCANNED = 2_000;

  private final FeedDeliveries deliveries;
  private final CurrentNotices notices;
  private final Clock clock;

  FeedReader(FeedDeliveries deliveries, CurrentNotices notices, Clock clock) {
    this.deliveries = deliveries;
    this.notices = notices;
    this.clock = clock;
  }

  /** What a page asks for. */
  record Query(String residentId, FeedCursor cursor, Category category, boolean unread, int size) {}

  /**
   * One page: its items, and the cursor of the next page, or null when the walk has reached the
   * end. A page may hold fewer than {@code size} items when a filter leaves out many deliveries.
   */
  record Page(List<FeedItem> items, FeedCursor next) {}

  /** The first page of a walk that starts now. */
  FeedCursor start() {
    return FeedCursor.start(clock.instant());
  }

  Page page(Query query) {
    Instant now = clock.instant();
    FeedCursor consumed = query.cursor();
    Set<String> passed = new HashSet<>();
    List<FeedItem> items = new ArrayList<>();
    int batch = Math.min(Math.max(2 * (query.size() + 1), 20), 500);
    int scanned = 0;
    FeedCursor scan = query.cursor();
    while (scanned < MAX_SCANNED) {
      List<FeedDeliveries.Keyed> read =
          deliveries.after(query.residentId(), scan, query.category(), batch);
      if (read.isEmpty()) {
        return new Page(items, null);
      }
      scanned += read.size();
      List<String> ids = read.stream().map(k -> k.delivery().noticeId()).distinct().toList();
      List<String> fresh = ids.stream().filter(id -> !passed.contains(id)).toList();
      Set<String> skip = new HashSet<>(passed);
      skip.addAll(deliveries.shownBefore(query.residentId(), query.cursor(), fresh));
      if (query.unread()) {
        skip.addAll(deliveries.opened(query.residentId(), fresh));
      }
      Map<String, Notice> current = notices.current(fresh);
      for (FeedDeliveries.Keyed keyed : read) {
        Delivery delivery = keyed.delivery();
        String noticeId = delivery.noticeId();
        if (skip.add(noticeId) && shows(current.get(noticeId), query.category(), now)) {
          if (items.size() == query.size()) {
            // One more to show: this page ends at the last item it shows.
            return new Page(items, consumed);
          }
          items.add(item(delivery, current.get(noticeId)));
        }
        passed.add(noticeId);
        consumed = consumed.after(keyed.decidedAtMillis(), delivery.id());
      }
      scan = consumed;
      if (read.size() < batch) {
        return new Page(items, null);
      }
    }
    return new Page(items, consumed);
  }

  private static boolean shows(Notice notice, Category category, Instant now) {
    return notice != null
        && !notice.isWithdrawn()
        && !notice.validity().isOver(now)
        && (category == null || category == notice.category());
  }

  static FeedItem item(Delivery delivery, Notice notice) {
    return new FeedItem(
        notice.id(),
        notice.version(),
        notice.category(),
        notice.severity(),
        notice.publisher().name(),
        notice.title(),
        notice.body(),
        notice.url(),
        notice.location(),
        notice.validity(),
        delivery.reasons(),
        delivery.channel(),
        delivery.score(),
        delivery.decidedAt(),
        notice.correction(),
        delivery.sites());
  }
}
