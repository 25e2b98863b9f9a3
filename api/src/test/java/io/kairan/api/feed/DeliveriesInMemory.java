package io.kairan.api.feed;

import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.kairan.api.index.CurrentNotices;
import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The feed's reads as plain scans over a list, for the paging tests: the same order (decidedAt in
 * milliseconds, then id, both descending) and the same meaning as FeedDeliveries' Elasticsearch
 * queries, which FeedJourneyIT runs on a real index.
 */
class DeliveriesInMemory extends FeedDeliveries {
  private final List<Delivery> deliveries = new ArrayList<>();
  private final Set<String> opened = new HashSet<>();

  DeliveriesInMemory() {
    super(null, null);
  }

  static final Comparator<Delivery> FEED_ORDER =
      Comparator.comparingLong((Delivery d) -> d.decidedAt().toEpochMilli())
          .thenComparing(Delivery::id)
          .reversed();

  static Delivery delivery(
      String noticeId, int version, Category category, String decidedAt, Channel channel) {
    Instant at = Instant.parse(decidedAt);
    return new Delivery(
        noticeId + "/" + version + "/r-1",
        "r-1",
        noticeId,
        version,
        category,
        null,
        Map.of(),
        0.5,
        List.of("you live in 北会津町"),
        "builtin/1",
        channel,
        at,
        at);
  }

  /** The notices' current versions as the index would answer them: those of the map. */
  static CurrentNotices currentNotices(Map<String, Notice> current) {
    CurrentNotices notices = mock(CurrentNotices.class);
    answerFrom(notices, current);
    return notices;
  }

  /** A mocked CurrentNotices answering from the map. */
  static void answerFrom(CurrentNotices notices, Map<String, Notice> current) {
    when(notices.current(anyList()))
        .thenAnswer(
            call -> {
              Map<String, Notice> found = new HashMap<>();
              for (Object id : (List<?>) call.getArgument(0)) {
                if (current.containsKey(id)) {
                  found.put((String) id, current.get(id));
                }
              }
              return found;
            });
  }

  DeliveriesInMemory add(Delivery delivery) {
    deliveries.add(delivery);
    return this;
  }

  DeliveriesInMemory open(String noticeId) {
    opened.add(noticeId);
    return this;
  }

  /** Where the delivery is against the cursor in the feed's order: below 0 before it. */
  private static int againstCursor(Delivery d, FeedCursor cursor) {
    int byTime = Long.compare(cursor.decidedAtMillis(), d.decidedAt().toEpochMilli());
    return byTime != 0 ? byTime : cursor.deliveryId().compareTo(d.id());
  }

  private List<Delivery> walk(String residentId, FeedCursor cursor) {
    return deliveries.stream()
        .filter(d -> d.residentId().equals(residentId))
        .filter(d -> d.decidedAt().toEpochMilli() <= cursor.asOfMillis())
        .sorted(FEED_ORDER)
        .toList();
  }

  @Override
  public List<Keyed> after(String residentId, FeedCursor cursor, Category category, int limit) {
    return walk(residentId, cursor).stream()
        .filter(d -> cursor.atStart() || againstCursor(d, cursor) > 0)
        .filter(d -> category == null || d.category() == category)
        .limit(limit)
        .map(d -> new Keyed(d, d.decidedAt().toEpochMilli()))
        .toList();
  }

  @Override
  public Set<String> shownBefore(String residentId, FeedCursor cursor, List<String> noticeIds) {
    if (cursor.atStart()) {
      return Set.of();
    }
    return walk(residentId, cursor).stream()
        .filter(d -> againstCursor(d, cursor) <= 0 && noticeIds.contains(d.noticeId()))
        .map(Delivery::noticeId)
        .collect(Collectors.toSet());
  }

  @Override
  public Set<String> opened(String residentId, List<String> noticeIds) {
    return noticeIds.stream().filter(opened::contains).collect(Collectors.toSet());
  }

  @Override
  public Optional<Delivery> latestOf(String residentId, String noticeId) {
    return deliveries.stream()
        .filter(d -> d.residentId().equals(residentId) && d.noticeId().equals(noticeId))
        .sorted(FEED_ORDER)
        .findFirst();
  }

  @Override
  public List<Delivery> digest(String residentId, int limit) {
    return deliveries.stream()
        .filter(d -> d.residentId().equals(residentId) && d.channel() == Channel.DIGEST)
        .sorted(Comparator.comparing(Delivery::pushAt).reversed().thenComparing(FEED_ORDER))
        .limit(limit)
        .toList();
  }
}
