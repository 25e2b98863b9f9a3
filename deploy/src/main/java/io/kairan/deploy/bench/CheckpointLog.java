package io.kairan.deploy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.kairan.model.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The job's checkpoints while a benchmark runs, read from Flink's REST API every 250 ms (its own
 * history keeps only the last few): when each was triggered and when its last task acknowledged.
 */
final class CheckpointLog implements AutoCloseable {
  /** One checkpoint, in wall-clock milliseconds; {@code end} is -1 while it is in progress. */
  record Checkpoint(long id, long start, long end, long bytes) {
    boolean overlaps(long from, long to) {
      return start <= to && (end < 0 || end >= from);
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final String restUrl;
  private final Map<Long, Checkpoint> checkpoints = new TreeMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "checkpoint-log");
            t.setDaemon(true);
            return t;
          });
  private String jobId;

  private CheckpointLog(String restUrl) {
    this.restUrl = restUrl;
  }

  static CheckpointLog follow(String restUrl) {
    CheckpointLog log = new CheckpointLog(restUrl);
    log.timer.scheduleWithFixedDelay(log::poll, 0, 250, TimeUnit.MILLISECONDS);
    return log;
  }

  synchronized List<Checkpoint> all() {
    return new ArrayList<>(checkpoints.values());
  }

  /**
   * The full state size per operator (vertex name) in the last completed checkpoint, as Flink
   * reports it: with the changelog backend, the materialized state plus the changes since.
   */
  Map<String, Long> stateSizes() throws Exception {
    if (jobId == null) {
      return Map.of();
    }
    Map<String, String> names = new TreeMap<>();
    for (JsonNode vertex : get("/jobs/" + jobId).path("vertices")) {
      names.put(vertex.path("id").asText(), vertex.path("name").asText());
    }
    JsonNode latest = get("/jobs/" + jobId + "/checkpoints").path("latest").path("completed");
    if (latest.isMissingNode() || latest.isNull()) {
      return Map.of();
    }
    JsonNode details = get("/jobs/" + jobId + "/checkpoints/details/" + latest.path("id").asLong());
    Map<String, Long> sizes = new TreeMap<>();
    details
        .path("tasks")
        .properties()
        .forEach(
            task ->
                sizes.put(
                    names.getOrDefault(task.getKey(), task.getKey()),
                    task.getValue().path("state_size").asLong()));
    return sizes;
  }

  private void poll() {
    try {
      if (jobId == null) {
        for (JsonNode job : get("/jobs").path("jobs")) {
          if ("RUNNING".equals(job.path("status").asText())) {
            jobId = job.path("id").asText();
          }
        }
        if (jobId == null) {
          return;
        }
      }
      JsonNode history = get("/jobs/" + jobId + "/checkpoints").path("history");
      synchronized (this) {
        for (JsonNode c : history) {
          long end =
              "COMPLETED".equals(c.path("status").asText())
                  ? c.path("latest_ack_timestamp").asLong()
                  : -1;
          long id = c.path("id").asLong();
          checkpoints.put(
              id,
              new Checkpoint(
                  id,
                  c.path("trigger_timestamp").asLong(),
                  end,
                  c.path("checkpointed_size").asLong()));
        }
      }
    } catch (Exception e) {
      // The next poll tries again; a missed poll only loses an entry if ten checkpoints pass.
    }
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(restUrl + path))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return Json.mapper().readTree(response.body());
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
