/**
 * Flink type information for the model's records that Flink's POJO analysis cannot follow (a
 * notice, whose audience is a sealed interface): own serializers with snapshots, so no Kryo.
 */
package io.kairan.recommender.job.types;
