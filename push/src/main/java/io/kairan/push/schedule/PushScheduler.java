package io.kairan.push.schedule;

import io.kairan.model.delivery.Delivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PUSH_AT and DIGEST deliveries held until due, each once however often it is read (a replayed
 * poll, the re-read after a restart). Time comes from the clock; {@link DueTimer} asks every
 * second.
 */
public final class PushScheduler {
  private record Held(Instant due, Delivery delivery) {}

  private final Clock clock;
  private final PriorityQueue<Held> queue = new PriorityQueue<>(Comparator.comparing(Held::due));
  private final Map<String, Instant> held = new ConcurrentHashMap<>();

  public PushScheduler(Clock clock) {
    this.clock = clock;
  }

  /** Holds a delivery until its push time; false if it is already held. */
  public synchronized boolean hold(Delivery delivery) {
    return holdUntil(delivery, delivery.pushAt());
  }

  /** Holds a delivery again after a failed attempt, to be tried after {@code delay}. */
  public synchronized void retryLater(Delivery delivery, Duration delay) {
    held.remove(delivery.id());
    holdUntil(delivery, clock.instant().plus(delay));
  }

  private boolean holdUntil(Delivery delivery, Instant due) {
    if (held.putIfAbsent(delivery.id(), due) != null) {
      return false;
    }
    queue.add(new Held(due, delivery));
    return true;
  }

  /** Takes out every delivery that is due now, earliest first. */
  public synchronized List<Delivery> takeDue() {
    Instant now = clock.instant();
    List<Delivery> due = new ArrayList<>();
    while (!queue.isEmpty() && !queue.peek().due().isAfter(now)) {
      Delivery delivery = queue.poll().delivery();
      held.remove(delivery.id());
      due.add(delivery);
    }
    return due;
  }

  public boolean isHeld(String deliveryId) {
    return held.containsKey(deliveryId);
  }

  public synchronized int size() {
    return queue.size();
  }
}
