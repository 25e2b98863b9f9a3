/**
 * The Flink job around the matching core: Kafka in, match per shard, decide per resident, Kafka
 * out. Every stateful operator has a stable uid so savepoints survive upgrades.
 */
package io.kairan.recommender.job;
