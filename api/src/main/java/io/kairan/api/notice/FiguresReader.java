package io.kairan.api.notice;

import io.kairan.api.index.NoticeCounts;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A notice's figures from the read model's counts, with every count under 10 withheld. */
@Component
class FiguresReader {
  static final int MINIMUM_GROUP = 10;
  private final NoticeCounts counts;

  FiguresReader(NoticeCounts counts) {
    this.counts = counts;
  }

  NoticeFigures figures(String noticeId) {
    return withheld(noticeId, counts.of(noticeId));
  }

  /** The figures as shown: every count under {@link #MINIMUM_GROUP} replaced by null. */
  static NoticeFigures withheld(String noticeId, NoticeCounts.Counts c) {
    return new NoticeFigures(
        noticeId,
        withheldBelowMinimum(c.residents()),
        withheld(c.byChannel()),
        withheld(c.pushes()),
        MINIMUM_GROUP);
  }

  private static Map<String, Long> withheld(Map<String, Long> counts) {
    Map<String, Long> shown = new LinkedHashMap<>();
    counts.forEach((key, count) -> shown.put(key, withheldBelowMinimum(count)));
    return shown;
  }

  static Long withheldBelowMinimum(long count) {
    return count < MINIMUM_GROUP ? null : count;
  }
}
