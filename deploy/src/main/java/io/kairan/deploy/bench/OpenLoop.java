package io.kairan.deploy.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * An open-loop load: requests are sent at a fixed rate whatever the answers do, each on a pool of
 * concurrent clients, and each latency is measured from the request's intended send time, not from
 * when a client got round to it. A server that stalls thus shows the whole wait of every request
 * scheduled meanwhile (no coordinated omission), as real users arriving on their own would see it.
 */
final class OpenLoop {
  private OpenLoop() {}

  /**
   * Requests evenly spaced at {@code perSecond}: request i is due i / perSecond after the start.
   */
  record Schedule(double perSecond, int requests) {
    Schedule {
      if (!(perSecond > 0) || requests < 0) {
        throw new IllegalArgumentException(
            "a schedule needs a positive rate and no negative count: "
                + perSecond
                + ", "
                + requests);
      }
    }

    /** As many requests as fit in {@code seconds} at the rate. */
    static Schedule over(double perSecond, double seconds) {
      return new Schedule(perSecond, (int) Math.floor(perSecond * seconds + 1e-9));
    }

    long dueNanosAfterStart(int i) {
      return Math.round(i * 1e9 / perSecond);
    }
  }

  /** One request: null when it was answered as it should be, else what went wrong. */
  @FunctionalInterface
  interface Request {
    String send(int i) throws Exception;
  }

  /** The latencies (microseconds, from the intended send time) and failures of one workload. */
  static final class Run {
    private final ConcurrentHistogram micros = new ConcurrentHistogram(3_600_000_000L, 3);
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    long count() {
      return micros.getTotalCount();
    }

    long failed() {
      return failed.get();
    }

    double percentileMs(double p) {
      return micros.getValueAtPercentile(p) / 1000.0;
    }

    double p50Ms() {
      return percentileMs(50);
    }

    double p99Ms() {
      return percentileMs(99);
    }

    String firstFailure() {
      return firstFailure.get();
    }

    /** A request's latency; {@code failure} is null when it succeeded. */
    void record(long nanos, String failure) {
      micros.recordValue(Math.max(0, nanos / 1000));
      if (failure != null) {
        failed.incrementAndGet();
        firstFailure.compareAndSet(null, failure);
      }
    }

    Map<String, Object> json() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("requests", count());
      json.put("failed", failed());
      json.put("p50Ms", p50Ms());
      json.put("p90Ms", percentileMs(90));
      json.put("p99Ms", p99Ms());
      json.put("p999Ms", percentileMs(99.9));
      json.put("maxMs", micros.getMaxValue() / 1000.0);
      if (firstFailure() != null) {
        json.put("firstFailure", firstFailure());
      }
      return json;
    }
  }

  /**
   * Sends the schedule's requests on the clients and waits for the last answer (at most {@code
   * timeoutSeconds} after the last was due); {@code into} may be null for a warm-up.
   */
  static void drive(
      Schedule schedule,
      ExecutorService clients,
      Request request,
      int offset,
      Run into,
      long timeoutSeconds)
      throws InterruptedException {
    CountDownLatch answered = new CountDownLatch(schedule.requests());
    long start = System.nanoTime() + 20_000_000L;
    for (int i = 0; i < schedule.requests(); i++) {
      long due = start + schedule.dueNanosAfterStart(i);
      for (long wait; (wait = due - System.nanoTime()) > 0; ) {
        LockSupport.parkNanos(wait);
      }
      int n = offset + i;
      clients.execute(
          () -> {
            String failure;
            try {
              failure = request.send(n);
            } catch (Exception e) {
              failure = e.toString();
            }
            if (into != null) {
              into.record(System.nanoTime() - due, failure == null ? null : n + ": " + failure);
            }
            answered.countDown();
          });
    }
    if (!answered.await(timeoutSeconds, TimeUnit.SECONDS)) {
      throw new IllegalStateException(
          answered.getCount() + " requests unanswered " + timeoutSeconds + " s after the last");
    }
  }
}
