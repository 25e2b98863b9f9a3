package io.kairan.ingest.cli;

import io.kairan.ingest.source.Format;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A configured source: "NAME FORMAT URL INTERVAL_SECONDS" per line, # for comments. */
record PolledSource(String name, Format format, URI url, Duration interval) {

  static List<PolledSource> load(Path config) throws IOException {
    List<PolledSource> sources = new ArrayList<>();
    List<String> lines = Files.readAllLines(config);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\\s+");
      if (f.length != 4) {
        throw new IllegalArgumentException(
            config + " line " + (i + 1) + ": expected NAME FORMAT URL INTERVAL_SECONDS");
      }
      long seconds = Long.parseLong(f[3]);
      if (seconds < 30) {
        throw new IllegalArgumentException(
            config + " line " + (i + 1) + ": poll no more often than every 30 s");
      }
      sources.add(
          new PolledSource(f[0], Format.of(f[1]), URI.create(f[2]), Duration.ofSeconds(seconds)));
    }
    return sources;
  }
}
