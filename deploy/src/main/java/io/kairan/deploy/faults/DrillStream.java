package io.kairan.deploy.faults;

import io.kairan.deploy.stack.ApiClient;
import io.kairan.model.json.Json;
import io.kairan.testkit.tokens.TokenIssuer;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stream a city sends while the faults happen: notices posted by a department and profile
 * changes by residents, each at a stated rate, through the API as an app and the console would. A
 * call the API does not answer (it is down, or not ready) is tried again every half second, a
 * notice with the same Idempotency-Key, so an accepted notice is never posted twice.
 */
final class DrillStream {
  /** A notice the API accepted: its number in the workload, its id and when it was accepted. */
  record Accepted(int seq, String noticeId, Instant at, int attempts) {}

  private final DrillWorkload workload;
  private final ApiClient api;
  private final TokenIssuer tokens;
  private final String department;
  private final Map<Integer, Accepted> accepted = new ConcurrentHashMap<>();
  private final AtomicLong profileChanges = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private volatile String lastRefusal = "";

  DrillStream(DrillWorkload workload, ApiClient api, TokenIssuer tokens) {
    this.workload = workload;
    this.api = api;
    this.tokens = tokens;
    this.department = tokens.publisher("bousai-ka", "危機管理課", "DEPARTMENT", "072028");
  }

  /**
   * Posts the workload's notices {@code 1 / noticesPerSecond} apart, each until accepted, and goes
   * on past them while {@code more} holds: a fault's recovery is measured by a notice sent after
   * it.
   */
  void postNotices(double noticesPerSecond, java.util.function.BooleanSupplier more)
      throws Exception {
    long start = System.nanoTime();
    for (int k = 0; k < workload.notices() || more.getAsBoolean(); k++) {
      pace(start, k, noticesPerSecond);
      post(k);
    }
  }

  /** Changes residents' languages at a rate while the notices are being posted. */
  void changeProfiles(double changesPerSecond, java.util.function.BooleanSupplier more)
      throws InterruptedException {
    long start = System.nanoTime();
    for (int n = 0; more.getAsBoolean(); n++) {
      pace(start, n, changesPerSecond);
      int resident = n % workload.residents();
      boolean english = (n / workload.residents()) % 2 == 0;
      String token = tokens.resident(workload.residentId(resident));
      var profile = workload.profile(resident, english, Instant.now());
      untilAnswered(() -> api.put("/api/v1/me/profile", token, profile), 200);
      profileChanges.incrementAndGet();
    }
  }

  private void post(int k) throws Exception {
    String key = "drill-notice-" + k;
    var draft = workload.draft(k, Instant.now());
    int[] attempts = {0};
    HttpResponse<String> response =
        untilAnswered(
            () -> {
              attempts[0]++;
              return api.send("POST", "/api/v1/notices", department, draft, "Idempotency-Key", key);
            },
            201);
    String id = Json.mapper().readTree(response.body()).path("id").asText();
    accepted.put(k, new Accepted(k, id, Instant.now(), attempts[0]));
  }

  private interface Call {
    HttpResponse<String> send() throws Exception;
  }

  /**
   * Sends until the expected status: a refused connection, a timeout and 5xx/429 are the faults at
   * work and are tried again; any other answer is the drill's own mistake and stops it.
   */
  private HttpResponse<String> untilAnswered(Call call, int expected) throws InterruptedException {
    while (true) {
      try {
        HttpResponse<String> response = call.send();
        if (response.statusCode() == expected) {
          return response;
        }
        if (response.statusCode() < 500 && response.statusCode() != 429) {
          throw new IllegalStateException(
              "the API refused the drill: " + response.statusCode() + " " + response.body());
        }
        refused.incrementAndGet();
        lastRefusal = response.statusCode() + " " + response.body();
      } catch (java.io.IOException e) {
        lastRefusal = e.toString();
      } catch (InterruptedException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      retries.incrementAndGet();
      Thread.sleep(500);
    }
  }

  private static void pace(long start, long n, double perSecond) throws InterruptedException {
    long due = start + (long) (n * 1e9 / perSecond);
    long wait = due - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }

  Map<Integer, Accepted> accepted() {
    return Map.copyOf(accepted);
  }

  /** The first notice accepted at or after {@code t}, once there is one. */
  java.util.Optional<Accepted> firstAcceptedAfter(Instant t) {
    return accepted.values().stream()
        .filter(a -> !a.at().isBefore(t))
        .min(java.util.Comparator.comparingInt(Accepted::seq));
  }

  long profileChanges() {
    return profileChanges.get();
  }

  long retries() {
    return retries.get();
  }

  long refused() {
    return refused.get();
  }

  String lastRefusal() {
    return lastRefusal;
  }
}
