package io.kairan.api.feed;

import io.kairan.api.index.CurrentNotices;
import io.kairan.api.problem.NotFoundException;
import io.kairan.api.reach.ResidentIndex;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.notice.LocalizedText;
import io.kairan.model.notice.Notice;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads one notice for the resident who received it. A notice they never received is not found,
 * whether or not it exists: the answer tells nothing about others' notices.
 */
@Component
class NoticeReader {
  private final FeedDeliveries deliveries;
  private final CurrentNotices notices;
  private final ResidentIndex residents;

  NoticeReader(FeedDeliveries deliveries, CurrentNotices notices, ResidentIndex residents) {
    this.deliveries = deliveries;
    this.notices = notices;
    this.residents = residents;
  }

  /** A notice withdrawn after the resident got it: gone, since {@code at}. */
  static class WithdrawnException extends RuntimeException {
    final Instant at;

    WithdrawnException(String noticeId, Instant at) {
      super("notice " + noticeId + " was withdrawn");
      this.at = at;
    }
  }

  /**
   * @param languages the languages asked for; when empty, those of the resident's profile
   */
  NoticeDetail read(String residentId, String noticeId, List<String> languages) {
    Delivery delivery =
        deliveries
            .latestOf(residentId, noticeId)
            .orElseThrow(() -> new NotFoundException("no notice " + noticeId));
    Notice notice = notices.current(List.of(noticeId)).get(noticeId);
    if (notice == null) {
      throw new NotFoundException("no notice " + noticeId);
    }
    if (notice.isWithdrawn()) {
      // The withdrawn version is published at the moment of withdrawal.
      throw new WithdrawnException(noticeId, notice.publishedAt());
    }
    List<String> reads = languages.isEmpty() ? residents.languagesOf(residentId) : languages;
    return new NoticeDetail(
        notice.id(),
        notice.version(),
        notice.category(),
        notice.severity(),
        notice.publisher().name(),
        LocalizedText.forReader(notice.title(), reads),
        LocalizedText.forReader(notice.body(), reads),
        notice.url(),
        notice.location(),
        notice.validity(),
        notice.publishedAt(),
        delivery.reasons(),
        delivery.ruleVersion(),
        delivery.channel(),
        delivery.score(),
        delivery.decidedAt(),
        notice.correction().isEmpty() ? null : LocalizedText.forReader(notice.correction(), reads),
        delivery.sites());
  }
}
