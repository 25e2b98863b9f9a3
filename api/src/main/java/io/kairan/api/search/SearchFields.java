package io.kairan.api.search;

import io.kairan.model.notice.Notice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the notices index holds for search beside the notice itself, under {@value #FIELD}: the
 * terms of its titles and bodies in every language it has, space-separated for a
 * whitespace-analysed field, Japanese ({@code ja.title}, {@code ja.body}) apart from the rest
 * ({@code other.title}, {@code other.body}) because a query is tokenized once for each.
 */
public record SearchFields(Part ja, Part other) {
  /** The notice document's field that holds these; its mapping is resources/elasticsearch. */
  public static final String FIELD = "search";

  /** The terms of all titles, and of all bodies, of one kind of language. */
  public record Part(String title, String body) {}

  public static SearchFields of(Notice notice, SearchAnalysis analysis) {
    return new SearchFields(
        new Part(terms(notice.title(), analysis, true), terms(notice.body(), analysis, true)),
        new Part(terms(notice.title(), analysis, false), terms(notice.body(), analysis, false)));
  }

  private static String terms(
      Map<String, String> texts, SearchAnalysis analysis, boolean japanese) {
    List<String> terms = new ArrayList<>();
    // Sorted, so a notice's document is the same however its map iterates.
    new TreeMap<>(texts)
        .forEach(
            (language, text) -> {
              if (SearchAnalysis.isJapanese(language) == japanese) {
                terms.addAll(analysis.terms(language, text));
              }
            });
    return String.join(" ", terms);
  }
}
