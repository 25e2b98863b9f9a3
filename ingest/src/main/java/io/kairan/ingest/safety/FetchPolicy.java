package io.kairan.ingest.safety;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which hosts may be fetched, how much and how long. Private, loopback and link-local addresses are
 * refused unless {@code allowPrivateNetworks} (for a city-internal CMS, or a test server).
 */
public record FetchPolicy(
    Set<String> allowedHosts,
    long maxBytes,
    Duration timeout,
    int maxRedirects,
    boolean allowPrivateNetworks) {
  public FetchPolicy {
    allowedHosts =
        allowedHosts.stream()
            .map(h -> h.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }

  public static FetchPolicy publicHosts(Set<String> allowedHosts) {
    return new FetchPolicy(allowedHosts, SafeXml.MAX_BYTES, Duration.ofSeconds(20), 5, false);
  }
}
