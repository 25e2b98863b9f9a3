package io.kairan.push.fcmlocal;

import java.time.Duration;
import java.util.Arrays;

/**
 * When each send request reached the local server (its monotonic clock, {@link System#nanoTime})
 * and how many sends were waiting for their answer at once: the reference, independent of the
 * sender, that a benchmark holds the sender's pace and concurrency against. Eight bytes per send;
 * {@link LocalFcmServer#clear()} empties it.
 */
public final class SendTraffic {
  private long[] arrivals = new long[1024];
  private int count;
  private int inFlight;
  private int peakInFlight;

  synchronized void arrived(long nanos) {
    if (count == arrivals.length) {
      arrivals = Arrays.copyOf(arrivals, count * 2);
    }
    arrivals[count++] = nanos;
    inFlight++;
    peakInFlight = Math.max(peakInFlight, inFlight);
    notifyAll();
  }

  synchronized void answered() {
    inFlight--;
  }

  /** Forgets the arrivals and starts the peak afresh from the sends waiting now. */
  synchronized void clear() {
    count = 0;
    peakInFlight = inFlight;
  }

  /** Arrival times of the sends since the last clear, in nanoseconds of the server's clock. */
  public synchronized long[] arrivalNanos() {
    return Arrays.copyOf(arrivals, count);
  }

  /** Sends received and not yet answered. */
  public synchronized int inFlight() {
    return inFlight;
  }

  /**
   * Waits until at least {@code sends} are waiting for their answer, woken by each arrival; false
   * if they are not there within {@code timeout}.
   */
  public synchronized boolean awaitInFlight(int sends, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (inFlight < sends) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  /** The most sends that were waiting for their answer at one moment since the last clear. */
  public synchronized int peakInFlight() {
    return peakInFlight;
  }

  /**
   * The most arrivals within any window of this length, each window half-open ({@code [t, t +
   * window)}) and starting at an arrival (a window holding the most arrivals can always be moved to
   * start at its first one).
   */
  public static int maxWithin(long[] arrivalNanos, Duration window) {
    long[] sorted = arrivalNanos.clone();
    Arrays.sort(sorted);
    long length = window.toNanos();
    int most = 0;
    int end = 0;
    for (int start = 0; start < sorted.length; start++) {
      while (end < sorted.length && sorted[end] - sorted[start] < length) {
        end++;
      }
      most = Math.max(most, end - start);
    }
    return most;
  }
}
