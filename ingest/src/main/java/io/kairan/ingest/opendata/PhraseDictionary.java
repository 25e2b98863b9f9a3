package io.kairan.ingest.opendata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An ordered "phrase=value" file in UTF-8 (java.util.Properties would read Latin-1 and forget the
 * order, and the order decides which phrase wins).
 */
public final class PhraseDictionary<V> {
  private final Map<String, V> entries;

  private PhraseDictionary(Map<String, V> entries) {
    this.entries = Collections.unmodifiableMap(entries);
  }

  public static <V> PhraseDictionary<V> parse(List<String> lines, Function<String, V> value) {
    Map<String, V> entries = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "line " + (i + 1) + ": expected phrase=value, got " + line);
      }
      try {
        entries.put(line.substring(0, eq).strip(), value.apply(line.substring(eq + 1).strip()));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return new PhraseDictionary<>(entries);
  }

  public static <V> PhraseDictionary<V> resource(String name, Function<String, V> value) {
    try (InputStream in = PhraseDictionary.class.getResourceAsStream(name)) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList(), value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A dictionary file; a line it cannot read is named with the file's path. */
  public static <V> PhraseDictionary<V> file(Path path, Function<String, V> value)
      throws IOException {
    List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    try {
      return parse(lines, value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + " " + e.getMessage(), e);
    }
  }

  /** The values of every phrase found in the text, in dictionary order. */
  public List<V> findIn(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return entries.entrySet().stream()
        .filter(e -> text.contains(e.getKey()))
        .map(Map.Entry::getValue)
        .distinct()
        .toList();
  }
}
