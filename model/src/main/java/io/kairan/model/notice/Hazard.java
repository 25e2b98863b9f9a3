package io.kairan.model.notice;

import java.util.Optional;

/**
 * The hazards for which the GSI (国土地理院) lists each designated emergency evacuation site (指定緊急避難場所)
 * as safe, one column each in its CSV: an emergency notice names one, so a resident is sent to a
 * site that is safe for it.
 */
public enum Hazard {
  FLOOD("洪水"),
  LANDSLIDE("崖崩れ、土石流及び地滑り"),
  STORM_SURGE("高潮"),
  EARTHQUAKE("地震"),
  TSUNAMI("津波"),
  LARGE_FIRE("大規模な火事"),
  INLAND_FLOOD("内水氾濫"),
  VOLCANO("火山現象");

  private final String gsiColumn;

  Hazard(String gsiColumn) {
    this.gsiColumn = gsiColumn;
  }

  /** The header of this hazard's column in the GSI CSV. */
  public String gsiColumn() {
    return gsiColumn;
  }

  /** The hazard of a GSI column header, if it is one. */
  public static Optional<Hazard> ofGsiColumn(String header) {
    for (Hazard hazard : values()) {
      if (hazard.gsiColumn.equals(header.strip())) {
        return Optional.of(hazard);
      }
    }
    return Optional.empty();
  }
}
