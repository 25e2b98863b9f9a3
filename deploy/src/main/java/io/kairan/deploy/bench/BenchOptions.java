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

  /** Writes the figures as JSON to the file given with --json, if one was. */
  void writeJson(Map<String, Object> figures) throws java.io.IOException {
    String json = values.get("json");
    if (json != null) {
      java.nio.file.Files.writeString(
          java.nio.file.Path.of(json),
          io.kairan.model.json.Json.mapper()
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(figures));
      System.out.println("  figures written to " + json);
    }
  }

  int integer(String name, int fallback) {
    return Integer.parseInt(values.getOrDefault(name, Integer.toString(fallback)));
  }
}
