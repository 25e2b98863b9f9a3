package io.kairan.api.feed;

import io.kairan.api.index.CurrentNotices;
import io.kairan.api.index.Deliveries;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.notice.Notice;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Reads a feed: the resident's newest deliveries, then the current version of each notice, so an
 * update shows at once and a withdrawn or expired notice is gone at once.
 */
@Component
class FeedReader {
  private final Deliveries deliveries;
  private final CurrentNotices notices;
  private final Clock clock;

  FeedReader(Deliveries deliveries, CurrentNotices notices, Clock clock) {
    this.deliveries = deliveries;
    this.notices = notices;
    this.clock = clock;
  }

  List<FeedItem> feed(String residentId, int size) {
    // Several versions of a notice may each have a delivery: read extra, keep the newest per
    // notice.
    List<Delivery> newestFirst = deliveries.newestFirst(residentId, size * 3);
    List<String> ids = newestFirst.stream().map(Delivery::noticeId).distinct().toList();
    return assemble(newestFirst, notices.current(ids), clock.instant(), size);
  }

  /**
   * The feed from deliveries (latest decided first) and the notices' current versions: one item per
   * notice, at the place of its latest delivery, in the notice's current version; withdrawn,
   * expired and unknown notices left out.
   */
  static List<FeedItem> assemble(
      List<Delivery> newestFirst, Map<String, Notice> current, Instant now, int size) {
    Map<String, Delivery> newestPerNotice = new LinkedHashMap<>();
    newestFirst.forEach(d -> newestPerNotice.putIfAbsent(d.noticeId(), d));
    List<FeedItem> feed = new ArrayList<>();
    for (Delivery delivery : newestPerNotice.values()) {
      Notice notice = current.get(delivery.noticeId());
      if (notice == null || notice.isWithdrawn() || notice.validity().isOver(now)) {
        continue;
      }
      feed.add(item(delivery, notice));
      if (feed.size() == size) {
        break;
      }
    }
    return feed;
  }

  private static FeedItem item(Delivery delivery, Notice notice) {
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
