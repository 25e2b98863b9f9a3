package io.kairan.api.feed;

import io.kairan.api.index.CurrentNotices;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.notice.Notice;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reads the digest section: the resident's DIGEST deliveries grouped by their pushAt, each notice
 * once (in its latest digest), in its current version; withdrawn and expired notices left out, as
 * the digest push leaves them out.
 */
@Component
class DigestReader {
  /** Digests shown: a week of daily digests. */
  static final int MAX_DIGESTS = 7;

  /** Digest deliveries read at most. */
  static final int MAX_DELIVERIES = 500;

  private final FeedDeliveries deliveries;
  private final CurrentNotices notices;
  private final Clock clock;

  DigestReader(FeedDeliveries deliveries, CurrentNotices notices, Clock clock) {
    this.deliveries = deliveries;
    this.notices = notices;
    this.clock = clock;
  }

  Digest digest(String residentId) {
    List<Delivery> latestFirst = deliveries.digest(residentId, MAX_DELIVERIES);
    List<String> ids = latestFirst.stream().map(Delivery::noticeId).distinct().toList();
    return group(latestFirst, notices.current(ids), clock.instant());
  }

  /** The digests from digest deliveries, the latest digest time (then decision) first. */
  static Digest group(List<Delivery> latestFirst, Map<String, Notice> current, Instant now) {
    Map<Instant, List<Delivery>> byTime = new LinkedHashMap<>();
    Set<String> placed = new HashSet<>();
    for (Delivery delivery : latestFirst) {
      if (!placed.add(delivery.noticeId())) {
        continue;
      }
      Notice notice = current.get(delivery.noticeId());
      if (notice == null || notice.isWithdrawn() || notice.validity().isOver(now)) {
        continue;
      }
      if (!byTime.containsKey(delivery.pushAt()) && byTime.size() == MAX_DIGESTS) {
        continue;
      }
      byTime.computeIfAbsent(delivery.pushAt(), at -> new ArrayList<>()).add(delivery);
    }
    List<Digest.Section> sections = new ArrayList<>();
    byTime.forEach(
        (at, group) ->
            sections.add(
                new Digest.Section(
                    at,
                    !now.isBefore(at),
                    group.stream()
                        .sorted(Comparator.comparingDouble(Delivery::score).reversed())
                        .map(d -> FeedReader.item(d, current.get(d.noticeId())))
                        .toList())));
    return new Digest(sections);
  }
}
