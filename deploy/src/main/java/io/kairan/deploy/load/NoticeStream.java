package io.kairan.deploy.load;

import io.kairan.api.notice.NoticeDraft;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Notice;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * Posts notices through the API at a fixed rate, open loop: the n-th is sent at n / rate seconds
 * whether or not the earlier ones were answered, so a slow API shows as latency, not as a lower
 * rate. Each accepted notice is timed from the API's answer (201).
 */
final class NoticeStream {
  /** One accepted notice: when its request went out and when the API's 201 came back (wall ms). */
  record Accepted(String noticeId, long sentMs, long acceptedMs) {}

  /** What the stream did: the accepted notices, the refused ones' first reasons, its duration. */
  record Result(List<Accepted> accepted, int refused, List<String> reasons, double seconds) {}

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String apiUrl;

  NoticeStream(String apiUrl) {
    this.apiUrl = apiUrl;
  }

  /**
   * @param draft the n-th notice
   * @param token the token of the n-th notice's publisher, given the notice
   */
  Result post(
      int notices,
      double perSecond,
      IntFunction<NoticeDraft> draft,
      BiFunction<Integer, NoticeDraft, String> token)
      throws InterruptedException {
    var accepted = new ConcurrentLinkedQueue<Accepted>();
    var reasons = new ConcurrentLinkedQueue<String>();
    List<CompletableFuture<?>> pending = new ArrayList<>();
    Map<Integer, Boolean> refused = new ConcurrentHashMap<>();
    long start = System.nanoTime();
    for (int n = 0; n < notices; n++) {
      long due = start + (long) (n * 1e9 / perSecond);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      NoticeDraft notice = draft.apply(n);
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(apiUrl + "/api/v1/notices"))
              .timeout(Duration.ofSeconds(60))
              .header("Content-Type", "application/json")
              .header("Authorization", "Bearer " + token.apply(n, notice))
              .POST(HttpRequest.BodyPublishers.ofString(Json.write(notice)))
              .build();
      long sent = System.currentTimeMillis();
      int number = n;
      pending.add(
          http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
              .whenComplete(
                  (response, failure) -> {
                    long answered = System.currentTimeMillis();
                    if (failure == null && response.statusCode() == 201) {
                      String id = Json.read(response.body(), Notice.class).id();
                      accepted.add(new Accepted(id, sent, answered));
                      return;
                    }
                    refused.put(number, true);
                    if (reasons.size() < 5) {
                      reasons.add(
                          failure != null
                              ? failure.toString()
                              : response.statusCode() + " " + response.body());
                    }
                  }));
    }
    try {
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    } catch (RuntimeException e) {
      // each failure is counted above
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(List.copyOf(accepted), refused.size(), List.copyOf(reasons), seconds);
  }
}
