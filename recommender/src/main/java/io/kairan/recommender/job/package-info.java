/**
 * The Flink job around the matching core: Kafka in, match per shard, decide per resident, Kafka
 * out. Every operator has a stable uid so savepoints survive upgrades; {@code types} holds the
 * serializers of what Flink's POJO analysis cannot follow.
 */
package io.kairan.recommender.job;
