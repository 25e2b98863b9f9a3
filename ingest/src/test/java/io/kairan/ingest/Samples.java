package io.kairan.ingest;

import io.kairan.ingest.source.SourceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** The real files of the project's samples/ folder, read as they are. */
public final class Samples {
  public static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");
  public static final SourceContext AIZU = new SourceContext("test-source", "072028", NOW);

  private Samples() {}

  public static byte[] read(String relative) {
    try {
      return Files.readAllBytes(
          Path.of(System.getProperty("kairan.samples", "../samples"), relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
