package io.kairan.api.comparison;

import java.util.HashMap;
import java.util.Map;

/** Numbers residents from 0 in the order first seen, for the tallies' arrays. Not thread-safe. */
final class ResidentNumbers {
  private final Map<String, Integer> numbers = new HashMap<>();

  int of(String residentId) {
    return numbers.computeIfAbsent(residentId, id -> numbers.size());
  }
}
