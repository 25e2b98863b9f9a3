package io.kairan.model;

/** Kafka topic names; the design's table of keys and retention lives in DESIGN.md. */
public final class Topics {
  public static final String NOTICES = "notices.v1";
  public static final String PROFILES = "profiles.v1";
  public static final String DEVICES = "devices.v1";
  public static final String RULES = "rules.v1";
  public static final String FEEDBACK = "feedback.v1";
  public static final String DELIVERIES = "deliveries.v1";

  /** What a shadow rule set would have delivered: for analysts' comparison, never pushed. */
  public static final String SHADOW_DELIVERIES = "deliveries.shadow.v1";

  public static final String PUSH_RESULTS = "push-results.v1";

  /** The city's evacuation sites and shelters, keyed by the GSI's common id (共通ID). */
  public static final String SITES = "sites.v1";

  /** Compacted topics keep the latest record per key; the others are logs. */
  public static final java.util.Set<String> COMPACTED =
      java.util.Set.of(PROFILES, DEVICES, RULES, SITES);

  private Topics() {}

  /** The dead-letter topic beside a source topic: the raw record and why it was rejected. */
  public static String deadLetter(String topic) {
    return topic.replaceFirst("\\.v\\d+$", "") + ".dlq";
  }

  /** Every topic the stack needs, dead letters included. */
  public static java.util.List<String> all() {
    var topics = new java.util.ArrayList<String>();
    for (String t :
        java.util.List.of(
            NOTICES, PROFILES, DEVICES, RULES, FEEDBACK, DELIVERIES, PUSH_RESULTS, SITES)) {
      topics.add(t);
      topics.add(deadLetter(t));
    }
    topics.add(SHADOW_DELIVERIES);
    return topics;
  }
}
