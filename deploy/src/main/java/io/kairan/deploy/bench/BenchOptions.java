package io.kairan.deploy.bench;

import java.util.HashMap;
import java.util.Map;

/** "--name value" pairs of a benchmark command. */
record BenchOptions(Map<String, String> values) {
  static BenchOptions parse(String[] args) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      values.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    return new BenchOptions(values);
  }

  String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  int integer(String name, int fallback) {
    return Integer.parseInt(values.getOrDefault(name, Integer.toString(fallback)));
  }
}
