package io.kairan.push.dispatch;

import io.kairan.model.notice.LocalizedText;
import io.kairan.model.site.SiteAdvice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An emergency's evacuation advice in a push: the notification's body names the nearest safe site
 * in the resident's language, and the data carries it and the shelter for the resident's needs
 * (name, distance and point, for the app's map). The shelter stays out of the body: a lock screen
 * is seen by others, and a shelter for 障がい者 or 高齢者 would tell them the resident's needs. Names are
 * cut to {@link #MAX_NAME} characters, so with the title (at most 200) the message stays far under
 * FCM's 4 KB.
 */
final class SiteLines {
  static final int MAX_NAME = 100;

  /** The line around a site's name and distance, per language, picked by the resident's chain. */
  private static final Map<String, Map<String, String>> LINES =
      Map.of(
          SiteAdvice.SAFE_FOR_HAZARD,
          Map.of(
              "ja",
              "避難先: %s（%s km）",
              LocalizedText.EASY_JAPANESE,
              "にげる ところ: %s（%s km）",
              "en",
              "Go to: %s (%s km)"),
          SiteAdvice.TAKES_IN_YOUR_NEEDS,
          Map.of(
              "ja",
              "配慮のある避難所: %s（%s km）",
              LocalizedText.EASY_JAPANESE,
              "あなたを うけいれる ひなんじょ: %s（%s km）",
              "en",
              "Shelter for your needs: %s (%s km)"));

  /** The data key prefix of each kind of advice. */
  private static final Map<String, String> PREFIX =
      Map.of(SiteAdvice.SAFE_FOR_HAZARD, "site", SiteAdvice.TAKES_IN_YOUR_NEEDS, "shelter");

  private SiteLines() {}

  /** The body: the safe site's line, or empty when there is none. */
  static Optional<String> body(List<SiteAdvice> sites, List<String> languages) {
    List<String> lines = new ArrayList<>();
    for (SiteAdvice advice : ordered(sites)) {
      if (!advice.reason().equals(SiteAdvice.SAFE_FOR_HAZARD)) {
        continue; // the needs stay in the data, for the app, not on the lock screen
      }
      String line = LocalizedText.forReader(LINES.get(advice.reason()), languages);
      lines.add(String.format(line, name(advice), km(advice.distanceKm())));
    }
    return lines.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", lines));
  }

  /**
   * Every line, the shelter for the resident's needs too: for an e-mail, which only its reader
   * sees.
   */
  static List<String> allLines(List<SiteAdvice> sites, List<String> languages) {
    List<String> lines = new ArrayList<>();
    for (SiteAdvice advice : ordered(sites)) {
      String line = LocalizedText.forReader(LINES.get(advice.reason()), languages);
      lines.add(String.format(line, name(advice), km(advice.distanceKm())));
    }
    return lines;
  }

  /** siteName, siteDistanceKm, siteLat, siteLon, and the same with shelter… for the shelter. */
  static Map<String, String> data(List<SiteAdvice> sites) {
    Map<String, String> data = new LinkedHashMap<>();
    for (SiteAdvice advice : ordered(sites)) {
      String prefix = PREFIX.get(advice.reason());
      data.put(prefix + "Name", name(advice));
      data.put(prefix + "DistanceKm", km(advice.distanceKm()));
      if (advice.location() != null) {
        data.put(prefix + "Lat", coordinate(advice.location().lat()));
        data.put(prefix + "Lon", coordinate(advice.location().lon()));
      }
    }
    return data;
  }

  /** The first advice of each known kind, the safe site before the shelter. */
  private static List<SiteAdvice> ordered(List<SiteAdvice> sites) {
    List<SiteAdvice> ordered = new ArrayList<>();
    for (String reason : List.of(SiteAdvice.SAFE_FOR_HAZARD, SiteAdvice.TAKES_IN_YOUR_NEEDS)) {
      sites.stream()
          .filter(s -> reason.equals(s.reason()) && s.name() != null)
          .findFirst()
          .ifPresent(ordered::add);
    }
    return ordered;
  }

  private static String name(SiteAdvice advice) {
    String name = advice.name().strip();
    if (name.codePointCount(0, name.length()) <= MAX_NAME) {
      return name;
    }
    return name.substring(0, name.offsetByCodePoints(0, MAX_NAME - 1)) + "…";
  }

  private static String km(double km) {
    return String.format(Locale.ROOT, "%.1f", km);
  }

  /** Five decimals: about a metre. */
  private static String coordinate(double degrees) {
    return String.format(Locale.ROOT, "%.5f", degrees);
  }
}
