package io.kairan.model.notice;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Picking text in a reader's languages from a language-tag keyed map. */
public final class LocalizedText {
  private static final Pattern TAG = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*");

  private LocalizedText() {}

  /** Easy Japanese (やさしい日本語): read by those whose own languages a text is not in. */
  public static final String EASY_JAPANESE = "ja-x-easy";

  /**
   * A resident's fallback chain, shared by the feed and push: their languages in order, then easy
   * Japanese, then Japanese.
   */
  public static List<String> chainFor(List<String> languages) {
    LinkedHashSet<String> chain = new LinkedHashSet<>(languages);
    chain.add(EASY_JAPANESE);
    chain.add("ja");
    return List.copyOf(chain);
  }

  /** The text for a resident who reads {@code languages}, by their {@link #chainFor chain}. */
  public static String forReader(Map<String, String> texts, List<String> languages) {
    return pick(texts, chainFor(languages));
  }

  public static boolean isLanguageTag(String tag) {
    return tag != null && TAG.matcher(tag).matches();
  }

  /**
   * The text in the first preferred language present (an exact tag, then its base language such as
   * ja for ja-x-easy), else Japanese, else any; empty when there is no text at all.
   */
  public static String pick(Map<String, String> texts, List<String> preferred) {
    for (String lang : preferred) {
      if (texts.containsKey(lang)) {
        return texts.get(lang);
      }
      String base = lang.split("-")[0];
      if (texts.containsKey(base)) {
        return texts.get(base);
      }
    }
    if (texts.containsKey("ja")) {
      return texts.get("ja");
    }
    return texts.values().stream().sorted().findFirst().orElse("");
  }
}
