package io.kairan.api.notice;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Marks the titles of a significant change, so a resident pushed a second time for the same notice
 * sees at once why. A title that already carries the mark keeps it once: publishers often send back
 * the current notice with their edits, marks included.
 */
final class ChangedTitles {
  static final String JA = "【変更】";
  static final String JA_EASY = "【かわりました】";
  static final String EN = "[Changed] ";

  private ChangedTitles() {}

  static Map<String, String> mark(Map<String, String> titles) {
    var marked = new LinkedHashMap<String, String>();
    titles.forEach(
        (lang, text) -> {
          String prefix = prefixFor(lang);
          marked.put(lang, text == null || text.startsWith(prefix) ? text : prefix + text);
        });
    return marked;
  }

  /**
   * Easy Japanese has its own words; any other Japanese the kanji mark; every other language the
   * English one, which more foreign residents read than the kanji.
   */
  static String prefixFor(String lang) {
    String tag = lang.toLowerCase(Locale.ROOT);
    if (tag.equals("ja-x-easy")) {
      return JA_EASY;
    }
    return tag.equals("ja") || tag.startsWith("ja-") ? JA : EN;
  }
}
