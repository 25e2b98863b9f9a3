package io.kairan.ingest.cli;

import io.kairan.ingest.alert.MunicipalityArea;
import io.kairan.ingest.opendata.EventListConnector;
import io.kairan.ingest.opendata.PhraseDictionary;
import io.kairan.ingest.safety.FetchPolicy;
import io.kairan.ingest.safety.SafeFetcher;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.MunicipalityCode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options {@code import} and {@code poll} share: where to, for whom, and what to trust. */
final class SourceOptions {
  @Option(
      names = "--municipality",
      required = true,
      paramLabel = "CODE",
      converter = MunicipalityConverter.class,
      description = "JIS X 0402 code of the municipality imported for (072028: the demo city)")
  String municipality;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT",
      defaultValue = "localhost:9092",
      description = "Kafka (default: ${DEFAULT-VALUE})")
  String bootstrapServers;

  @Option(
      names = "--allow-host",
      paramLabel = "HOST",
      description = "another host that may be fetched (the source URL's own host always may)")
  List<String> allowHosts = new ArrayList<>();

  @Option(
      names = "--allow-private-networks",
      description = "fetch from loopback and private addresses too (a city-internal CMS)")
  boolean allowPrivateNetworks;

  @Option(
      names = "--audience-dictionary",
      paramLabel = "FILE",
      description = "target-audience phrases to audiences (default: the shipped dictionary)")
  Path audienceDictionary;

  @Option(
      names = "--towns",
      paramLabel = "FILE",
      description = "the municipality's towns, a CSV with lat and lon (default: the demo city's)")
  Path towns;

  /** What connectors look things up in. */
  Lookups lookups() throws IOException {
    return new Lookups(targets(), area());
  }

  private PhraseDictionary<Audience> targets() throws IOException {
    return audienceDictionary == null
        ? EventListConnector.defaultTargets()
        : PhraseDictionary.file(audienceDictionary, json -> Json.read(json, Audience.class));
  }

  /** The municipality's towns: --towns FILE, else the shipped demo city's (else unknown). */
  private MunicipalityArea area() throws IOException {
    return towns == null
        ? MunicipalityArea.shipped(municipality)
        : MunicipalityArea.townsFile(municipality, towns);
  }

  /** Only the hosts named with --allow-host and the sources' own hosts may be fetched. */
  SafeFetcher fetcher(Collection<String> sourceHosts) {
    Set<String> hosts = new HashSet<>(allowHosts);
    hosts.addAll(sourceHosts);
    FetchPolicy policy = FetchPolicy.publicHosts(hosts);
    return new SafeFetcher(
        new FetchPolicy(
            policy.allowedHosts(),
            policy.maxBytes(),
            policy.timeout(),
            policy.maxRedirects(),
            allowPrivateNetworks));
  }

  /** A wrong code is a usage error (exit 2), caught before anything is read. */
  static final class MunicipalityConverter implements ITypeConverter<String> {
    @Override
    public String convert(String code) {
      if (!MunicipalityCode.isValid(code)) {
        throw new TypeConversionException(code + " is not a JIS X 0402 code (e.g. 072028)");
      }
      return code;
    }
  }
}
