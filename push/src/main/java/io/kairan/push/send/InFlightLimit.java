package io.kairan.push.send;

/**
 * At most {@code max} sends waiting for FCM's answer at once. Reaching the quota pace takes pace ×
 * answer time in flight (10,000 a second × 75 ms = 750); the limit keeps a slow or stalled FCM from
 * tying up ever more threads and connections.
 */
final class InFlightLimit {
  private final int max;
  private int current;
  private int peak;

  InFlightLimit(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("at least one send must be allowed in flight, was " + max);
    }
    this.max = max;
  }

  /** Takes a place, waiting until an answer frees one if all are taken. */
  synchronized void enter() throws InterruptedException {
    while (current == max) {
      wait();
    }
    current++;
    peak = Math.max(peak, current);
  }

  /** An answer arrived: its place is free for the next send. */
  synchronized void leave() {
    if (current == 0) {
      throw new IllegalStateException("no send is in flight");
    }
    current--;
    notifyAll();
  }

  synchronized int current() {
    return current;
  }

  /** The most sends that were in flight at once. */
  synchronized int peak() {
    return peak;
  }
}
