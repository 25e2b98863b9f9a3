package io.kairan.ingest.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** "--name value" options and positional arguments; repeated options keep every value. */
record Options(List<String> positional, Map<String, List<String>> named) {

  static Options parse(String[] args) {
    List<String> positional = new ArrayList<>();
    Map<String, List<String>> named = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--")) {
        String name = args[i].substring(2);
        boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
        named.computeIfAbsent(name, k -> new ArrayList<>()).add(flag ? "true" : args[++i]);
      } else {
        positional.add(args[i]);
      }
    }
    return new Options(positional, named);
  }

  String get(String name, String fallback) {
    List<String> values = named.get(name);
    return values == null ? fallback : values.get(values.size() - 1);
  }

  String required(String name) {
    String value = get(name, null);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  List<String> all(String name) {
    return named.getOrDefault(name, List.of());
  }

  boolean flag(String name) {
    return Boolean.parseBoolean(get(name, "false"));
  }
}
