package io.kairan.ingest.cli;

import io.kairan.ingest.publish.ImportSummary;
import io.kairan.ingest.site.GsiSiteFile;
import io.kairan.ingest.site.SitesOnTopic;
import io.kairan.model.site.EvacuationSite;
import io.kairan.model.site.SiteKind;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sites --evacuation-sites FILE --shelters FILE --municipality CODE}: the city's lists in
 * the GSI layout onto sites.v1, replacing what the topic held for the municipality.
 */
@Command(
    name = "sites",
    description =
        "Load the municipality's evacuation sites and shelters (GSI CSV layout) onto sites.v1.",
    sortOptions = false)
final class SitesCommand implements Callable<Integer> {
  @Option(
      names = "--evacuation-sites",
      required = true,
      paramLabel = "FILE",
      description = "指定緊急避難場所 CSV (a column per hazard)")
  Path evacuationSites;

  @Option(names = "--shelters", paramLabel = "FILE", description = "指定避難所 CSV (受入対象者)")
  Path shelters;

  @Option(
      names = "--municipality",
      required = true,
      paramLabel = "CODE",
      converter = SourceOptions.MunicipalityConverter.class,
      description = "JIS X 0402 code of the municipality (072028: the demo city)")
  String municipality;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT",
      defaultValue = "localhost:9092",
      description = "Kafka (default: ${DEFAULT-VALUE})")
  String bootstrapServers;

  @Mixin HelpOption help;

  private final PrintStream out;
  private final Clock clock;

  SitesCommand(PrintStream out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    var sites = new ArrayList<EvacuationSite>();
    var refused = new ArrayList<GsiSiteFile.Refused>();
    read(evacuationSites, SiteKind.EVACUATION_SITE, sites, refused);
    if (shelters != null) {
      read(shelters, SiteKind.SHELTER, sites, refused);
    }
    refused.forEach(r -> out.printf("  refused line %d (%s): %s%n", r.line(), r.id(), r.reason()));
    if (sites.isEmpty()) {
      out.println("no site could be read: the topic is left as it was");
      return ImportSummary.ALL_REFUSED;
    }
    var kinds = java.util.EnumSet.of(SiteKind.EVACUATION_SITE);
    if (shelters != null) {
      kinds.add(SiteKind.SHELTER);
    }
    SitesOnTopic.Published published =
        SitesOnTopic.publish(
            bootstrapServers, municipality, kinds, sites, refused, clock.instant());
    out.printf(
        "%d sites on sites.v1 for %s, %d removed, %d rows refused (on sites.dlq)%n",
        published.sites(), municipality, published.removed(), published.refused());
    if (!refused.isEmpty()) {
      out.println(
          "sites no longer listed were kept: fix the refused rows and load again to remove them");
    }
    return refused.isEmpty() ? ImportSummary.ALL_FINE : ImportSummary.SOME_REJECTED;
  }

  private void read(
      Path file, SiteKind kind, List<EvacuationSite> sites, List<GsiSiteFile.Refused> refused)
      throws Exception {
    if (Files.size(file) > GsiSiteFile.MAX_BYTES) {
      throw new IllegalArgumentException(
          file + " has more than " + GsiSiteFile.MAX_BYTES + " bytes: not a GSI site list");
    }
    GsiSiteFile.Read read = GsiSiteFile.read(Files.readAllBytes(file), kind, municipality);
    out.printf("%s: %d sites, %d rows refused%n", file, read.sites().size(), read.refused().size());
    sites.addAll(read.sites());
    refused.addAll(read.refused());
  }
}
