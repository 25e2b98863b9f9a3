package io.kairan.ingest.alert;

import io.kairan.model.notice.Hazard;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The GSI hazard an alert is about, from its words: JMA's warning kinds (大雨警報（土砂災害）, 洪水警報, 高潮警報…)
 * and CAP's {@code event}, {@code headline} and {@code category} (Flood, Earthquake, Fire…). The
 * hazard named first in this order, in any of the texts, wins — so 大雨警報（土砂災害） is a landslide, and
 * an earthquake alert whose headline warns of a tsunami sends residents to tsunami-safe sites.
 * Phrases that say there is no tsunami name none.
 */
final class Hazards {
  private static final List<Map.Entry<String, Hazard>> WORDS =
      List.of(
          Map.entry("土砂", Hazard.LANDSLIDE),
          Map.entry("がけ", Hazard.LANDSLIDE),
          Map.entry("崖", Hazard.LANDSLIDE),
          Map.entry("landslide", Hazard.LANDSLIDE),
          Map.entry("mudslide", Hazard.LANDSLIDE),
          Map.entry("debris flow", Hazard.LANDSLIDE),
          Map.entry("avalanche", Hazard.LANDSLIDE),
          Map.entry("津波", Hazard.TSUNAMI),
          Map.entry("tsunami", Hazard.TSUNAMI),
          Map.entry("高潮", Hazard.STORM_SURGE),
          Map.entry("storm surge", Hazard.STORM_SURGE),
          Map.entry("洪水", Hazard.FLOOD),
          Map.entry("flood", Hazard.FLOOD),
          Map.entry("浸水", Hazard.INLAND_FLOOD),
          Map.entry("大雨", Hazard.INLAND_FLOOD),
          Map.entry("地震", Hazard.EARTHQUAKE),
          Map.entry("earthquake", Hazard.EARTHQUAKE),
          Map.entry("噴火", Hazard.VOLCANO),
          Map.entry("火山", Hazard.VOLCANO),
          Map.entry("volcan", Hazard.VOLCANO),
          Map.entry("火災", Hazard.LARGE_FIRE),
          Map.entry("火事", Hazard.LARGE_FIRE),
          Map.entry("wildfire", Hazard.LARGE_FIRE),
          Map.entry("fire", Hazard.LARGE_FIRE));

  private Hazards() {}

  /** The highest hazard any of these texts names; empty when none names one. */
  static Optional<Hazard> of(String... texts) {
    List<String> lowered = new java.util.ArrayList<>();
    for (String text : texts) {
      if (text != null) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String none : NO_TSUNAMI) {
          lower = lower.replace(none, " ");
        }
        lowered.add(lower);
      }
    }
    for (var word : WORDS) {
      for (String text : lowered) {
        if (text.contains(word.getKey())) {
          return Optional.of(word.getValue());
        }
      }
    }
    return Optional.empty();
  }

  /** What JMA and CAP write when an earthquake brings no tsunami. */
  private static final List<String> NO_TSUNAMI =
      List.of(
          "この地震による津波の心配はありません",
          "津波の心配はありません",
          "津波の心配なし",
          "津波の心配はない",
          "no tsunami",
          "tsunami is not expected");
}
