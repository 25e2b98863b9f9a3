package io.kairan.push.send;

import com.google.firebase.IncomingHttpResponse;
import com.google.firebase.messaging.BatchResponse;
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

/**
 * Sends messages through the Admin SDK's {@code sendEach}, at most 500 a call, under the rate
 * limit, retrying what FCM says may succeed later. Every message gets exactly one final outcome.
 */
public final class FcmSender {
  public static final int MAX_BATCH = 500;

  /** The final outcome of one message. */
  public record Outcome(PushOutcome outcome, String messageId, String error, int attempts) {}

  private final FirebaseMessaging fcm;
  private final RateLimiter limiter;
  private final RetryPolicy retries;
  private final Sleeper sleeper;
  private final PushMetrics metrics;

  public FcmSender(
      FirebaseMessaging fcm,
      RateLimiter limiter,
      RetryPolicy retries,
      Sleeper sleeper,
      PushMetrics metrics) {
    this.fcm = fcm;
    this.limiter = limiter;
    this.retries = retries;
    this.sleeper = sleeper;
    this.metrics = metrics;
  }

  /** Outcomes in the order of the messages; at most {@value #MAX_BATCH} messages. */
  public List<Outcome> send(List<Message> messages) throws InterruptedException {
    if (messages.size() > MAX_BATCH) {
      throw new IllegalArgumentException("FCM takes at most " + MAX_BATCH + " messages a call");
    }
    Outcome[] outcomes = new Outcome[messages.size()];
    List<Integer> pending = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      pending.add(i);
    }
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      Duration waited = limiter.acquire(pending.size());
      if (!waited.isZero()) {
        metrics.rateLimited(pending.size());
      }
      List<Response> responses = sendEach(pending.stream().map(messages::get).toList());
      List<Integer> again = new ArrayList<>();
      MessagingErrorCode worst = null;
      Duration retryAfter = null;
      for (int k = 0; k < pending.size(); k++) {
        int index = pending.get(k);
        Response response = responses.get(k);
        if (response.error() == null) {
          outcomes[index] = new Outcome(PushOutcome.SENT, response.messageId(), null, attempt);
          continue;
        }
        FirebaseMessagingException e = response.error();
        MessagingErrorCode code = e.getMessagingErrorCode();
        if (retries.retryable(code) && attempt < retries.maxAttempts()) {
          again.add(index);
          worst = code == MessagingErrorCode.QUOTA_EXCEEDED ? code : worst == null ? code : worst;
          Duration after = retryAfter(e);
          retryAfter =
              after != null && (retryAfter == null || after.compareTo(retryAfter) > 0)
                  ? after
                  : retryAfter;
        } else {
          outcomes[index] = new Outcome(outcome(code), null, describe(e), attempt);
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

  /** One message's answer: a message id, or the error. */
  private record Response(String messageId, FirebaseMessagingException error) {}

  /** A whole-call failure (auth, network) is every message's failure, to be retried alike. */
  private List<Response> sendEach(List<Message> messages) {
    try {
      BatchResponse batch = fcm.sendEach(messages);
      return batch.getResponses().stream()
          .map(r -> new Response(r.getMessageId(), r.isSuccessful() ? null : r.getException()))
          .toList();
    } catch (FirebaseMessagingException e) {
      return messages.stream().map(m -> new Response(null, e)).toList();
    }
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
