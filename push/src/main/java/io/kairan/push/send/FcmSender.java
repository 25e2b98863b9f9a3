package io.kairan.push.send;

import com.google.api.core.ApiFuture;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.firebase.IncomingHttpResponse;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.MessagingErrorCode;
import io.kairan.model.delivery.PushOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

/**
 * Sends messages one request each through the Admin SDK ({@code sendAsync}), keeping up to {@code
 * maxInFlight} waiting for FCM's answers at once under the rate limit, and retries what FCM says
 * may succeed later. Every message gets exactly one final outcome.
 *
 * <p>FCM answers a send in tens of milliseconds, so the quota's pace needs pace × answer time in
 * flight (10,000 a second × 75 ms = 750): one request at a time, or one {@code sendEach} of 500 at
 * a time, cannot reach it. The SDK sends each message on a thread of its own and waits there, so
 * its app needs at least as many threads ({@code FirebaseConfig} gives it {@code maxInFlight}).
 */
public final class FcmSender {
  /** FCM's own limit for one {@code sendEach}; the dispatcher's chunk of messages. */
  public static final int MAX_BATCH = 500;

  /** The final outcome of one message. */
  public record Outcome(PushOutcome outcome, String messageId, String error, int attempts) {}

  private final FirebaseMessaging fcm;
  private final RateLimiter limiter;
  private final InFlightLimit inFlight;
  private final RetryPolicy retries;
  private final Sleeper sleeper;
  private final PushMetrics metrics;

  public FcmSender(
      FirebaseMessaging fcm,
      RateLimiter limiter,
      int maxInFlight,
      RetryPolicy retries,
      Sleeper sleeper,
      PushMetrics metrics) {
    this.fcm = fcm;
    this.limiter = limiter;
    this.inFlight = new InFlightLimit(maxInFlight);
    this.retries = retries;
    this.sleeper = sleeper;
    this.metrics = metrics;
  }

  /** Outcomes in the order of the messages, however many there are. */
  public List<Outcome> send(List<Message> messages) throws InterruptedException {
    Outcome[] outcomes = new Outcome[messages.size()];
    List<Integer> pending = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      pending.add(i);
    }
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      Response[] responses = sendEach(pending.stream().map(messages::get).toList());
      List<Integer> again = new ArrayList<>();
      MessagingErrorCode worst = null;
      Duration retryAfter = null;
      for (int k = 0; k < pending.size(); k++) {
        int index = pending.get(k);
        Response response = responses[k];
        if (response.sent()) {
          outcomes[index] = new Outcome(PushOutcome.SENT, response.messageId(), null, attempt);
          continue;
        }
        MessagingErrorCode code = response.code();
        if (retries.retryable(code) && attempt < retries.maxAttempts()) {
          again.add(index);
          worst = code == MessagingErrorCode.QUOTA_EXCEEDED ? code : worst == null ? code : worst;
          Duration after = response.retryAfter();
          retryAfter =
              after != null && (retryAfter == null || after.compareTo(retryAfter) > 0)
                  ? after
                  : retryAfter;
        } else {
          outcomes[index] = new Outcome(outcome(code), null, response.error(), attempt);
        }
      }
      if (!again.isEmpty()) {
        metrics.retried(again.size());
        sleeper.sleep(retries.backoff(attempt, worst, retryAfter));
      }
      pending = again;
    }
    Arrays.stream(outcomes).forEach(metrics::count);
    return List.of(outcomes);
  }

  /** The most sends this sender kept waiting for answers at once so far. */
  public int peakInFlight() {
    return inFlight.peak();
  }

  /**
   * One message's answer: a message id, or the error's code (null: none, e.g. a timeout), its
   * description and Retry-After.
   */
  private record Response(
      String messageId, MessagingErrorCode code, String error, Duration retryAfter) {
    boolean sent() {
      return messageId != null;
    }

    static Response of(ApiFuture<String> answered) {
      try {
        return new Response(answered.get(), null, null, null);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof FirebaseMessagingException fcmError) {
          return new Response(
              null,
              fcmError.getMessagingErrorCode(),
              describe(fcmError),
              FcmSender.retryAfter(fcmError));
        }
        return new Response(null, null, "NO_CODE(" + e.getCause() + ")", null);
      } catch (CancellationException e) {
        return new Response(null, null, "NO_CODE(cancelled: " + e.getMessage() + ")", null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("an answered send cannot wait", e);
      }
    }
  }

  /**
   * Each message its own request, taken in order as soon as a place in flight and the rate limit
   * allow; returns once every answer is in.
   */
  private Response[] sendEach(List<Message> messages) throws InterruptedException {
    Response[] responses = new Response[messages.size()];
    CountDownLatch answered = new CountDownLatch(messages.size());
    for (int k = 0; k < messages.size(); k++) {
      inFlight.enter(); // before the rate limit: the turn it grants is used at once
      if (!limiter.acquire(1).isZero()) {
        metrics.rateLimited(1);
      }
      int index = k;
      ApiFuture<String> answer;
      try {
        answer = fcm.sendAsync(messages.get(k));
      } catch (RuntimeException e) {
        inFlight.leave();
        throw e;
      }
      answer.addListener(
          () -> {
            try {
              responses[index] = Response.of(answer);
            } finally {
              inFlight.leave();
              answered.countDown();
            }
          },
          MoreExecutors.directExecutor());
    }
    answered.await(); // also makes every response written by the SDK's threads visible here
    return responses;
  }

  static PushOutcome outcome(MessagingErrorCode code) {
    if (code == MessagingErrorCode.UNREGISTERED) {
      return PushOutcome.INVALID_TOKEN;
    }
    if (code == MessagingErrorCode.INVALID_ARGUMENT
        || code == MessagingErrorCode.SENDER_ID_MISMATCH) {
      return PushOutcome.REJECTED;
    }
    return PushOutcome.FAILED_AFTER_RETRIES;
  }

  private static String describe(FirebaseMessagingException e) {
    MessagingErrorCode code = e.getMessagingErrorCode();
    return (code == null ? "NO_CODE(" + e.getErrorCode() + ")" : code.name())
        + ": "
        + e.getMessage();
  }

  /** Retry-After in seconds, as FCM sends it with 429 and 503. */
  static Duration retryAfter(FirebaseMessagingException e) {
    IncomingHttpResponse response = e.getHttpResponse();
    if (response == null) {
      return null;
    }
    for (Map.Entry<String, Object> header : response.getHeaders().entrySet()) {
      if (header.getKey().equalsIgnoreCase("retry-after")) {
        String value = String.valueOf(header.getValue()).replaceAll("[\\[\\]]", "").strip();
        try {
          return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException notSeconds) {
          return null; // an HTTP date: the back-off decides
        }
      }
    }
    return null;
  }
}
