package io.kairan.api.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where to ask about the recommender job.
 *
 * @param restUrl Flink's REST API (the JobManager, e.g. http://127.0.0.1:8082); blank when the API
 *     runs without a job to watch, and the job's health is then UNKNOWN
 * @param name the job's name on Flink
 * @param groupId the consumer group whose committed offsets measure the job's lag
 * @param timeout for each health check as a whole, per component asked (Flink, Kafka)
 */
@ConfigurationProperties("kairan.job")
public record RecommenderJobSettings(
    String restUrl, String name, String groupId, Duration timeout) {
  public RecommenderJobSettings {
    restUrl = restUrl == null || restUrl.isBlank() ? null : restUrl.replaceFirst("/+$", "");
    name = name == null ? "kairan-recommender" : name;
    groupId = groupId == null ? "kairan-recommender" : groupId;
    timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
  }
}
