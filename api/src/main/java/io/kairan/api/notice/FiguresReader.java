package io.kairan.api.notice;

import io.kairan.api.index.NoticeCounts;
import io.kairan.api.reach.Withholding;
import io.kairan.model.resident.FeedbackKind;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A notice's figures from the read model's counts. Every count under 10 is withheld, and so is
 * whatever would recover one by subtraction: a split (channels of the deliveries, outcomes of the
 * pushes) never withholds a single cell alone, and a kind of feedback is withheld when the
 * residents who did not give it are fewer than 10.
 */
@Component
class FiguresReader {
  static final int MINIMUM_GROUP = Withholding.MINIMUM_GROUP;
  private final NoticeCounts counts;

  FiguresReader(NoticeCounts counts) {
    this.counts = counts;
  }

  NoticeFigures figures(String noticeId) {
    return withheld(noticeId, counts.of(noticeId));
  }

  /** The figures as shown. */
  static NoticeFigures withheld(String noticeId, NoticeCounts.Counts c) {
    long residents = c.residents();
    long deliveries = sum(c.byChannel());
    long pushed = sum(c.pushes());
    // A notice that reached fewer than ten residents shows nothing: every figure is about them.
    boolean few = Withholding.withholds(residents);
    return new NoticeFigures(
        noticeId,
        shown(residents, few),
        shown(deliveries, few),
        split(deliveries, c.byChannel(), few),
        shown(pushed, few),
        split(pushed, c.pushes(), few),
        feedback(residents, c.feedback(), FeedbackKind.OPENED, few),
        feedback(residents, c.feedback(), FeedbackKind.USEFUL, few),
        feedback(residents, c.feedback(), FeedbackKind.NOT_INTERESTED, few),
        MINIMUM_GROUP);
  }

  private static Long shown(long count, boolean few) {
    return few || Withholding.withholds(count) ? null : count;
  }

  private static Map<String, Long> split(long total, Map<String, Long> counts, boolean few) {
    Map<String, Long> shown = new LinkedHashMap<>();
    if (few) {
      counts.keySet().forEach(name -> shown.put(name, null));
      return shown;
    }
    Withholding.split(total, counts).forEach(group -> shown.put(group.name(), group.residents()));
    return shown;
  }

  /** Residents who gave it and those who did not are both a group of residents. */
  private static Long feedback(
      long residents, Map<String, Long> feedback, FeedbackKind kind, boolean few) {
    long gave = feedback.getOrDefault(kind.name(), 0L);
    long didNot = residents - gave;
    return few || Withholding.withholds(gave) || (didNot > 0 && Withholding.withholds(didNot))
        ? null
        : gave;
  }

  private static long sum(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
