package io.kairan.recommender.job;

import java.time.Duration;
import org.apache.flink.util.ParameterTool;

/** The job's parameters; nothing about a broker is hard-coded in the job itself. */
public record JobSettings(String bootstrapServers, String groupId, Duration checkpointInterval) {

  /** From {@code --bootstrap-servers host:port [--group-id id] [--checkpoint-interval-ms n]}. */
  public static JobSettings from(String[] args) {
    ParameterTool params = ParameterTool.fromArgs(args);
    return new JobSettings(
        params.getRequired("bootstrap-servers"),
        params.get("group-id", "kairan-recommender"),
        Duration.ofMillis(params.getLong("checkpoint-interval-ms", 10_000)));
  }
}
