package io.kairan.push.fcmlocal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * The last send requests the local server answered, newest first. Bounded, because the local stack
 * runs for hours and a benchmark sends hundreds of thousands: the oldest entry makes room.
 */
final class RequestLog {
  private final int capacity;
  private final Deque<LoggedRequest> entries = new ArrayDeque<>();

  RequestLog(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
  }

  int capacity() {
    return capacity;
  }

  synchronized void add(LoggedRequest request) {
    entries.addFirst(request);
    if (entries.size() > capacity) {
      entries.removeLast();
    }
  }

  /** At most {@code limit} entries that match, newest first. */
  synchronized List<LoggedRequest> newest(Predicate<LoggedRequest> filter, int limit) {
    List<LoggedRequest> found = new ArrayList<>(Math.min(limit, entries.size()));
    for (LoggedRequest request : entries) {
      if (found.size() == limit) {
        break;
      }
      if (filter.test(request)) {
        found.add(request);
      }
    }
    return found;
  }

  synchronized void clear() {
    entries.clear();
  }
}
