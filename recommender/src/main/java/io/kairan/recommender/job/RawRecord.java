package io.kairan.recommender.job;

/**
 * A Kafka record as received, before parsing, so a bad one can go to the dead-letter topic whole.
 */
public record RawRecord(String topic, String key, String value, long timestamp) {}
