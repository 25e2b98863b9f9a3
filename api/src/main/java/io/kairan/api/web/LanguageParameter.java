package io.kairan.api.web;

import io.kairan.model.notice.LocalizedText;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code lang} parameter of a resident's reads: language tags separated by commas, the first
 * preferred (then easy Japanese, then Japanese, by {@link LocalizedText#chainFor}).
 */
public final class LanguageParameter {
  public static final int MAX_LANGUAGES = 10;

  private LanguageParameter() {}

  /** The tags, or none when {@code lang} is absent; a problem naming {@code lang} if not tags. */
  public static List<String> parse(String lang, List<String> problems) {
    if (lang == null || lang.isBlank()) {
      return List.of();
    }
    List<String> tags = Arrays.stream(lang.split(",")).map(String::strip).toList();
    if (tags.size() > MAX_LANGUAGES) {
      problems.add("lang: at most " + MAX_LANGUAGES + " languages");
    } else if (!tags.stream().allMatch(LocalizedText::isLanguageTag)) {
      problems.add("lang: must be language tags separated by commas, such as en,ja-x-easy");
    }
    return tags;
  }
}
