package io.kairan.ingest.source;

/** A row or item that cannot become a notice, as read, and why. */
public record Rejected(String sourceRef, String raw, String reason) {
  private static final int MAX_RAW = 10_000;

  public Rejected {
    raw = raw == null ? "" : raw.length() > MAX_RAW ? raw.substring(0, MAX_RAW) : raw;
  }
}
