package io.kairan.api.notice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Marks the titles of a significant change or a correction, so a resident pushed a second time for
 * the same notice sees at once why. A title keeps one mark, the newest: publishers often send back
 * the current notice with their edits, marks included.
 */
final class ChangedTitles {
  static final String JA = "【変更】";
  static final String JA_EASY = "【かわりました】";
  static final String EN = "[Changed] ";
  static final String CORRECTION_JA = "【訂正】";
  static final String CORRECTION_JA_EASY = "【なおしました】";
  static final String CORRECTION_EN = "[Correction] ";

  private static final List<String> MARKS =
      List.of(JA, JA_EASY, EN, CORRECTION_JA, CORRECTION_JA_EASY, CORRECTION_EN);

  private ChangedTitles() {}

  /** The titles of a significant change. */
  static Map<String, String> mark(Map<String, String> titles) {
    return mark(titles, ChangedTitles::prefixFor);
  }

  /** The titles of a correction. */
  static Map<String, String> markCorrected(Map<String, String> titles) {
    return mark(titles, ChangedTitles::correctionPrefixFor);
  }

  private static Map<String, String> mark(
      Map<String, String> titles, Function<String, String> prefixes) {
    var marked = new LinkedHashMap<String, String>();
    titles.forEach(
        (lang, text) ->
            marked.put(lang, text == null ? null : prefixes.apply(lang) + unmarked(text)));
    return marked;
  }

  private static String unmarked(String title) {
    String text = title;
    for (boolean stripped = true; stripped; ) {
      stripped = false;
      for (String mark : MARKS) {
        if (text.startsWith(mark)) {
          text = text.substring(mark.length());
          stripped = true;
        }
      }
    }
    return text;
  }

  /**
   * Easy Japanese has its own words; any other Japanese the kanji mark; every other language the
   * English one, which more foreign residents read than the kanji.
   */
  static String prefixFor(String lang) {
    return byLanguage(lang, JA, JA_EASY, EN);
  }

  static String correctionPrefixFor(String lang) {
    return byLanguage(lang, CORRECTION_JA, CORRECTION_JA_EASY, CORRECTION_EN);
  }

  private static String byLanguage(String lang, String ja, String easy, String other) {
    String tag = lang.toLowerCase(Locale.ROOT);
    if (tag.equals("ja-x-easy")) {
      return easy;
    }
    return tag.equals("ja") || tag.startsWith("ja-") ? ja : other;
  }
}
