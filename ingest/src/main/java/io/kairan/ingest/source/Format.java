package io.kairan.ingest.source;

import java.util.Arrays;
import java.util.Locale;

/** The source formats the importer reads, by their CLI names. */
public enum Format {
  OPENDATA_EVENTS("opendata-events"),
  RSS("rss"),
  ATOM("atom"),
  ICAL("ical"),
  CAP("cap"),
  JMA("jma"),
  JMA_FEED("jma-feed");

  public final String cliName;

  Format(String cliName) {
    this.cliName = cliName;
  }

  public static Format of(String name) {
    return Arrays.stream(values())
        .filter(f -> f.cliName.equals(name.toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown format "
                        + name
                        + "; one of "
                        + Arrays.stream(values()).map(f -> f.cliName).toList()));
  }
}
