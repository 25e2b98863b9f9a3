package io.kairan.ingest.feed;

import io.kairan.ingest.opendata.PhraseDictionary;
import io.kairan.ingest.source.SourceContext;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import java.util.List;
import java.util.Map;

/**
 * What feed items share: the source as publisher, categories by dictionary, the whole city as
 * audience.
 */
final class FeedNotices {
  private FeedNotices() {}

  static Notice notice(
      String id,
      SourceContext context,
      PhraseDictionary<Category> categories,
      List<String> feedCategories,
      String language,
      String title,
      String body,
      String url,
      Validity validity) {
    Category category =
        feedCategories.stream()
            .flatMap(c -> categories.findIn(c).stream())
            .findFirst()
            .orElse(Category.ADMINISTRATION);
    // "ja_JP" is ja; a missing or empty one (" ", "_") is the city's own language.
    String[] tag = language == null ? new String[0] : language.strip().split("_");
    String lang = tag.length == 0 || tag[0].isEmpty() ? "ja" : tag[0];
    return new Notice(
        id,
        1,
        new Publisher(context.sourceName(), context.sourceName(), PublisherKind.FEED),
        context.municipalityCode(),
        category,
        Map.of(lang, title),
        body == null ? Map.of() : Map.of(lang, body),
        url,
        null,
        validity,
        Severity.INFO,
        NoticeStatus.PUBLISHED,
        new Audience.Everyone(),
        context.now());
  }
}
