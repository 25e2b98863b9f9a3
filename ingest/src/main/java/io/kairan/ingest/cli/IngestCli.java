package io.kairan.ingest.cli;

import io.kairan.ingest.alert.MunicipalityArea;
import io.kairan.ingest.opendata.EventListConnector;
import io.kairan.ingest.opendata.PhraseDictionary;
import io.kairan.ingest.publish.DeadLettered;
import io.kairan.ingest.publish.ImportSummary;
import io.kairan.ingest.publish.Importer;
import io.kairan.ingest.publish.KafkaNoticeSink;
import io.kairan.ingest.publish.KnownNotices;
import io.kairan.ingest.publish.Versions;
import io.kairan.ingest.safety.FetchPolicy;
import io.kairan.ingest.safety.SafeFetcher;
import io.kairan.ingest.source.Format;
import io.kairan.ingest.source.SourceContext;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.MunicipalityCode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code import FILE|URL --format F --municipality 072028} and {@code poll --config FILE}. Exit
 * codes: 0 all fine, 2 wrong usage, 3 the source or Kafka failed, 4 some rows rejected (the others
 * arrived), 5 nothing accepted (the document refused or every row rejected).
 */
public final class IngestCli {
  static final String USAGE =
      """
      usage:
        import FILE|URL --format opendata-events|rss|atom|ical|cap|jma|jma-feed --municipality CODE
               [--source NAME] [--bootstrap-servers HOST:PORT] [--allow-host HOST]... [--allow-private-networks]
               [--audience-dictionary FILE] [--towns FILE]
        poll --config FILE --municipality CODE [--bootstrap-servers HOST:PORT] [--allow-private-networks]
             [--towns FILE]
      exit codes: 0 all fine, 2 usage, 3 source or Kafka failed, 4 some rows rejected, 5 all refused
      """;

  private IngestCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, Clock.systemUTC()));
  }

  /** The CLI without exiting, for tests and embedding. */
  public static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
    Options options = Options.parse(args);
    try {
      if (options.positional().isEmpty()) {
        throw new IllegalArgumentException("a command is required");
      }
      return switch (options.positional().get(0)) {
        case "import" -> importOne(options, out, clock);
        case "poll" -> Poller.run(options, out, clock);
        default ->
            throw new IllegalArgumentException("unknown command " + options.positional().get(0));
      };
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.print(USAGE);
      return 2;
    } catch (NoSuchFileException e) {
      err.println("failed: no such file " + e.getFile());
      return 3;
    } catch (Exception e) {
      err.println("failed: " + e.getMessage());
      return 3;
    }
  }

  private static int importOne(Options options, PrintStream out, Clock clock) throws Exception {
    if (options.positional().size() != 2) {
      throw new IllegalArgumentException("import takes one FILE or URL");
    }
    String location = options.positional().get(1);
    Format format = Format.of(options.required("format"));
    String municipality = municipality(options);
    SafeFetcher fetcher = fetcher(options, location);
    byte[] document =
        location.matches("(?i)https?://.*")
            ? fetcher.fetch(URI.create(location), null, null).body()
            : Files.readAllBytes(Path.of(location));
    String source = options.get("source", sourceName(location));
    SourceContext context = new SourceContext(source, municipality, clock.instant());
    String bootstrap = options.get("bootstrap-servers", "localhost:9092");
    out.printf(
        "importing %s (%s) for %s from %d bytes%n",
        location, format.cliName, municipality, document.length);
    ImportSummary summary =
        importDocument(
            bootstrap,
            format,
            document,
            context,
            new Lookups(targets(options), area(options, municipality)),
            fetcher,
            out);
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

  /** A URL's host and path, or a file's name: part of every notice id from the source. */
  static String sourceName(String location) {
    if (location.matches("(?i)https?://.*")) {
      URI uri = URI.create(location);
      return uri.getHost() + uri.getPath();
    }
    return Path.of(location).getFileName().toString();
  }

  static String municipality(Options options) {
    String code = options.required("municipality");
    if (!MunicipalityCode.isValid(code)) {
      throw new IllegalArgumentException(
          "--municipality " + code + " is not a JIS X 0402 code (e.g. 072028)");
    }
    return code;
  }

  static PhraseDictionary<Audience> targets(Options options) throws IOException {
    String file = options.get("audience-dictionary", null);
    return file == null
        ? EventListConnector.defaultTargets()
        : PhraseDictionary.file(
            Path.of(file), json -> io.kairan.model.json.Json.read(json, Audience.class));
  }

  /** The municipality's towns: --towns FILE, else the shipped demo city's (else unknown). */
  static MunicipalityArea area(Options options, String municipality) throws IOException {
    String file = options.get("towns", null);
    return file == null
        ? MunicipalityArea.shipped(municipality)
        : MunicipalityArea.townsFile(municipality, Path.of(file));
  }

  /** Only hosts named on the command line (and the URL's own host) may be fetched. */
  static SafeFetcher fetcher(Options options, String location) {
    Set<String> hosts = new HashSet<>(options.all("allow-host"));
    if (location.matches("(?i)https?://.*")) {
      hosts.add(URI.create(location).getHost());
    }
    FetchPolicy policy = FetchPolicy.publicHosts(hosts);
    return new SafeFetcher(
        new FetchPolicy(
            policy.allowedHosts(),
            policy.maxBytes(),
            policy.timeout(),
            policy.maxRedirects(),
            options.flag("allow-private-networks")));
  }
}
