/**
 * The recommender: {@code match} (plain Java: who a notice is for and why, the bitmap index and the
 * plain scan), {@code decide} (plain Java: channel, caps, quiet hours, score) and {@code job} (the
 * Flink job around them, with {@code job.types}, the Flink serializers of the model's records).
 */
package io.kairan.recommender;
