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

  /** Residents' e-mail addresses for the fallback channel (EmailAddress), keyed by resident id. */
  public static final String EMAILS = "residents.emails.v1";

  // The API's own topics: books it reads whole, in order, at start (one partition each).
  /** Residents' consent histories. */
  public static final String CONSENTS = "residents.consents.v1";

  /** Notices not yet posted (drafts). */
  public static final String DRAFTS = "notices.drafts.v1";

  /** Notices to be posted later. */
  public static final String SCHEDULED = "notices.scheduled.v1";

  /** Notices awaiting a department's approval. */
  public static final String APPROVALS = "notices.approvals.v1";

  /** Every rule set an analyst saved, one key each, so compaction keeps them all. */
  public static final String RULE_HISTORY = "rules.history.v1";

  /** Who was given residents' ids, when and why: kept {@link #OPERATOR_ACCESS_RETENTION}. */
  public static final String OPERATOR_ACCESS = "operator-access.v1";

  /** A year and a day: the city accounts for each use of residents' data over a full year. */
  public static final java.time.Duration OPERATOR_ACCESS_RETENTION = java.time.Duration.ofDays(366);

  /** Compacted topics keep the latest record per key; the others are logs. */
  public static final java.util.Set<String> COMPACTED =
      java.util.Set.of(
          PROFILES,
          DEVICES,
          RULES,
          SITES,
          EMAILS,
          CONSENTS,
          DRAFTS,
          SCHEDULED,
          APPROVALS,
          RULE_HISTORY);

  /**
   * Topics of one partition, whatever the cluster: books read whole and in order (the API's, and
   * the e-mail addresses push reads too). The others spread over the cluster's partition count.
   */
  public static final java.util.Set<String> SINGLE_PARTITION =
      java.util.Set.of(
          EMAILS, CONSENTS, DRAFTS, SCHEDULED, APPROVALS, RULE_HISTORY, OPERATOR_ACCESS);

  /**
   * How long a log topic that names residents (feedback, deliveries, push results, every
   * dead-letter topic) keeps a record: a resident who left can remain there this long, and no
   * longer.
   */
  public static final java.time.Duration RESIDENT_LOG_RETENTION = java.time.Duration.ofDays(30);

  /** How often those logs start a new segment: a record outlives the retention by this at most. */
  public static final java.time.Duration LOG_SEGMENT_ROLL = java.time.Duration.ofDays(1);

  private Topics() {}

  /**
   * The configuration a topic is created with: compacted topics keep the latest record per key (a
   * tombstone erases); the logs that name residents are deleted after {@link
   * #RESIDENT_LOG_RETENTION}; notices and the rest keep Kafka's default.
   */
  public static java.util.Map<String, String> configOf(String topic) {
    if (COMPACTED.contains(topic)) {
      return java.util.Map.of("cleanup.policy", "compact");
    }
    if (topic.equals(OPERATOR_ACCESS)) {
      return java.util.Map.of("retention.ms", String.valueOf(OPERATOR_ACCESS_RETENTION.toMillis()));
    }
    if (topic.endsWith(".dlq")
        || java.util.Set.of(FEEDBACK, DELIVERIES, SHADOW_DELIVERIES, PUSH_RESULTS)
            .contains(topic)) {
      // Kafka deletes whole segments once their newest record is past retention: a segment rolled
      // daily keeps a record at most a day longer.
      return java.util.Map.of(
          "cleanup.policy",
          "delete",
          "retention.ms",
          String.valueOf(RESIDENT_LOG_RETENTION.toMillis()),
          "segment.ms",
          String.valueOf(LOG_SEGMENT_ROLL.toMillis()));
    }
    return java.util.Map.of();
  }

  /** The dead-letter topic beside a source topic: the raw record and why it was rejected. */
  public static String deadLetter(String topic) {
    return topic.replaceFirst("\\.v\\d+$", "") + ".dlq";
  }

  /**
   * Every topic on a cluster of the given shape, with its partitions, replicas and configuration:
   * the one definition the topics command, the local stack and the Kubernetes manifests follow.
   */
  public static java.util.List<TopicDefinition> definitions(int partitions, int replication) {
    return all().stream()
        .map(
            t ->
                TopicDefinition.of(
                    t, SINGLE_PARTITION.contains(t) ? 1 : partitions, replication, configOf(t)))
        .toList();
  }

  /** Every topic the stack needs, dead letters and the API's own topics included. */
  public static java.util.List<String> all() {
    var topics = new java.util.ArrayList<String>();
    for (String t :
        java.util.List.of(
            NOTICES, PROFILES, DEVICES, RULES, FEEDBACK, DELIVERIES, PUSH_RESULTS, SITES)) {
      topics.add(t);
      topics.add(deadLetter(t));
    }
    topics.add(SHADOW_DELIVERIES);
    topics.add(EMAILS);
    topics.addAll(
        java.util.List.of(CONSENTS, DRAFTS, SCHEDULED, APPROVALS, RULE_HISTORY, OPERATOR_ACCESS));
    return topics;
  }
}
