package io.kairan.deploy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** What every benchmark command takes besides its sizes: where to write the figures as JSON. */
final class BenchOptions {
  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "also write the figures to FILE as JSON")
  Path json;

  /** Writes the figures as JSON to the file given with --json, if one was. */
  void writeJson(Map<String, Object> figures) throws IOException {
    if (json != null) {
      Files.writeString(
          json,
          io.kairan.model.json.Json.mapper()
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(figures));
      System.out.println("  figures written to " + json);
    }
  }
}
