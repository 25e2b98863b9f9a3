package io.kairan.api.search;

import java.text.Normalizer;
import java.util.Map;

/**
 * Folds the ways one word is written into one, before tokenizing, on both sides of a search: NFKC
 * (full-width Latin and digits, half-width katakana, compatibility ideographs), a few old or
 * variant kanji residents meet in names of places and people (會津 is 会津), and the written forms of a
 * few words whose spelling municipalities choose differently (障害 / 障碍 / 障がい, 子供 / こども / 子ども).
 */
final class TextVariants {
  /** Single characters NFKC leaves alone, to the form the dictionary knows. */
  private static final Map<Character, Character> KANJI =
      Map.ofEntries(
          Map.entry('會', '会'),
          Map.entry('髙', '高'),
          Map.entry('﨑', '崎'),
          Map.entry('濵', '浜'),
          Map.entry('濱', '浜'),
          Map.entry('邊', '辺'),
          Map.entry('邉', '辺'),
          Map.entry('澤', '沢'),
          Map.entry('櫻', '桜'),
          Map.entry('廣', '広'),
          Map.entry('國', '国'),
          Map.entry('舘', '館'));

  /** Whole spellings, longest first where one contains another. */
  private static final String[][] WORDS = {
    {"障害", "障がい"}, {"障碍", "障がい"}, {"子供", "子ども"}, {"こども", "子ども"},
  };

  private TextVariants() {}

  static String fold(String text) {
    String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC);
    StringBuilder folded = new StringBuilder(normalized.length());
    for (int i = 0; i < normalized.length(); i++) {
      char c = normalized.charAt(i);
      folded.append(KANJI.getOrDefault(c, c));
    }
    String result = folded.toString();
    for (String[] word : WORDS) {
      result = result.replace(word[0], word[1]);
    }
    return result;
  }
}
