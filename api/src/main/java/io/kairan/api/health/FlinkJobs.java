package io.kairan.api.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.kairan.model.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** Asks Flink's REST API ({@code GET /jobs/overview}) for the state of a job, by its name. */
final class FlinkJobs {
  static final String RUNNING = "RUNNING";

  private final HttpClient http;
  private final URI overview;
  private final Duration timeout;

  FlinkJobs(String restUrl, Duration timeout) {
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.overview = URI.create(restUrl + "/jobs/overview");
    this.timeout = timeout;
  }

  /**
   * The state of the job with that name (RUNNING, RESTARTING, FAILED…), empty when Flink has none.
   * A cluster keeps finished jobs in its overview: a running one wins, else the newest.
   *
   * @throws IOException when Flink does not answer in time or answers with an error
   */
  Optional<String> stateOf(String name) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(overview).timeout(timeout).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(overview + " answered HTTP " + response.statusCode());
    }
    JsonNode jobs = Json.mapper().readTree(response.body()).path("jobs");
    return StreamSupport.stream(jobs.spliterator(), false)
        .filter(job -> name.equals(job.path("name").asText()))
        .max(
            Comparator.comparing((JsonNode job) -> RUNNING.equals(job.path("state").asText()))
                .thenComparingLong(job -> job.path("start-time").asLong()))
        .map(job -> job.path("state").asText());
  }

  URI overview() {
    return overview;
  }
}
