package io.kairan.ingest.cli;

import io.kairan.ingest.publish.DeadLettered;
import io.kairan.ingest.publish.ImportSummary;
import io.kairan.ingest.publish.Importer;
import io.kairan.ingest.publish.KafkaNoticeSink;
import io.kairan.ingest.publish.KnownNotices;
import io.kairan.ingest.publish.Versions;
import io.kairan.ingest.safety.SafeFetcher;
import io.kairan.ingest.source.Format;
import io.kairan.ingest.source.SourceContext;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** {@code import FILE|URL --format F --municipality CODE}: one document onto notices.v1. */
@Command(
    name = "import",
    description = "Import one file or URL onto notices.v1 (rejected rows to notices.dlq).",
    sortOptions = false)
final class ImportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE|URL", description = "the document: a path, or an http(s) URL")
  String location;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "FORMAT",
      converter = FormatConverter.class,
      description = "opendata-events, rss, atom, ical, cap, jma or jma-feed")
  Format format;

  @Option(
      names = "--source",
      paramLabel = "NAME",
      description =
          "the source's name in notice ids (default: the URL's host and path, or the file's name)")
  String source;

  @Mixin SourceOptions options;

  @Mixin HelpOption help;

  private final PrintStream out;
  private final Clock clock;

  ImportCommand(PrintStream out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    boolean remote = isUrl(location);
    SafeFetcher fetcher =
        options.fetcher(remote ? List.of(URI.create(location).getHost()) : List.of());
    byte[] document =
        remote
            ? fetcher.fetch(URI.create(location), null, null).body()
            : Files.readAllBytes(Path.of(location));
    SourceContext context =
        new SourceContext(
            source == null ? sourceName(location) : source, options.municipality, clock.instant());
    out.printf(
        "importing %s (%s) for %s from %d bytes%n",
        location, format.cliName, options.municipality, document.length);
    ImportSummary summary =
        importDocument(
            options.bootstrapServers, format, document, context, options.lookups(), fetcher, out);
    out.println(summary.render());
    return summary.exitCode();
  }

  static ImportSummary importDocument(
      String bootstrap,
      Format format,
      byte[] document,
      SourceContext context,
      Lookups lookups,
      SafeFetcher fetcher,
      PrintStream out) {
    try (var sink = new KafkaNoticeSink(bootstrap)) {
      var known = KnownNotices.read(bootstrap, id -> id.matches("(od|feed|ics|cap|jma)-.*"));
      var importer = new Importer(sink, new Versions(known), DeadLettered.read(bootstrap));
      return importer.run(
          Connectors.of(format, lookups.targets(), lookups.area(), fetcher),
          document,
          context,
          format.cliName,
          done -> {
            if (done % 100 == 0) {
              out.printf("  %d items…%n", done);
            }
          });
    }
  }

  private static boolean isUrl(String location) {
    return location.matches("(?i)https?://.*");
  }

  /** A URL's host and path, or a file's name: part of every notice id from the source. */
  static String sourceName(String location) {
    if (isUrl(location)) {
      URI uri = URI.create(location);
      return uri.getHost() + uri.getPath();
    }
    return Path.of(location).getFileName().toString();
  }

  /** A format by its CLI name; anything else is a usage error that lists the names. */
  static final class FormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String name) {
      try {
        return Format.of(name);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
