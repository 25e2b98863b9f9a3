package io.kairan.model.site;

/** The two lists a Japanese city designates under the Disaster Countermeasures Basic Act. */
public enum SiteKind {
  /** 指定緊急避難場所: where to flee from a hazard, each flagged safe for some hazards. */
  EVACUATION_SITE,
  /** 指定避難所: where to stay; some take in people who need care (受入対象者). */
  SHELTER
}
