package io.kairan.recommender.job;

/**
 * A notice version addressed to one shard. The notice travels as its JSON: an audience is a sealed
 * interface, which Flink could only serialize with Kryo.
 */
public record ShardedNotice(int shard, String noticeId, int version, String json) {}
