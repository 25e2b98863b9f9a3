package io.kairan.ingest.cli;

import io.kairan.ingest.publish.ImportSummary;
import io.kairan.ingest.safety.Fetched;
import io.kairan.ingest.safety.SafeFetcher;
import io.kairan.ingest.source.SourceContext;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Polls configured sources with conditional GET (ETag, Last-Modified): an unchanged feed costs one
 * 304. A failing source backs off exponentially (with jitter) up to an hour; the others go on.
 */
final class Poller {
  static final Duration MAX_BACKOFF = Duration.ofHours(1);

  /** Imports one fetched document of a source. */
  interface Import {
    ImportSummary run(PolledSource source, byte[] document, SourceContext context);
  }

  private final PolledSource source;
  private final SafeFetcher fetcher;
  private final Import importer;
  private final String municipality;
  private final Clock clock;
  private String etag;
  private String lastModified;
  private int failures;

  Poller(
      PolledSource source, SafeFetcher fetcher, Import importer, String municipality, Clock clock) {
    this.source = source;
    this.fetcher = fetcher;
    this.importer = importer;
    this.municipality = municipality;
    this.clock = clock;
  }

  /** Polls every source on two threads until the process is stopped. */
  static void pollForever(
      List<PolledSource> sources, SourceOptions options, PrintStream out, Clock clock)
      throws Exception {
    SafeFetcher fetcher = options.fetcher(sources.stream().map(s -> s.url().getHost()).toList());
    Lookups lookups = options.lookups();
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    for (PolledSource source : sources) {
      Import importer =
          (s, document, context) ->
              ImportCommand.importDocument(
                  options.bootstrapServers, s.format(), document, context, lookups, fetcher, out);
      Poller poller = new Poller(source, fetcher, importer, options.municipality, clock);
      scheduler.schedule(() -> poller.loop(scheduler, out), 0, TimeUnit.SECONDS);
    }
    out.printf("polling %d sources; Ctrl-C stops%n", sources.size());
    scheduler.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
  }

  private void loop(ScheduledExecutorService scheduler, PrintStream out) {
    Duration next = pollOnce(out);
    scheduler.schedule(() -> loop(scheduler, out), next.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One conditional fetch and import; returns how long to wait before the next. */
  Duration pollOnce(PrintStream out) {
    try {
      Fetched fetched = fetcher.fetch(source.url(), etag, lastModified);
      failures = 0;
      if (fetched.notModified()) {
        return source.interval();
      }
      etag = fetched.etag();
      lastModified = fetched.lastModified();
      SourceContext context = new SourceContext(source.name(), municipality, clock.instant());
      ImportSummary summary = importer.run(source, fetched.body(), context);
      out.printf("%s: %s%n", source.name(), summary.render());
      return source.interval();
    } catch (Exception e) {
      failures++;
      Duration wait = backoff(source.interval(), failures);
      out.printf(
          "%s: failed (%s); retrying in %d s%n", source.name(), e.getMessage(), wait.toSeconds());
      return wait;
    }
  }

  /**
   * interval·2^failures, at most an hour, minus up to a fifth at random so sources do not align.
   */
  static Duration backoff(Duration interval, int failures) {
    long capped = Math.min(MAX_BACKOFF.toMillis(), interval.toMillis() << Math.min(failures, 20));
    return Duration.ofMillis(capped - ThreadLocalRandom.current().nextLong(capped / 5 + 1));
  }
}
