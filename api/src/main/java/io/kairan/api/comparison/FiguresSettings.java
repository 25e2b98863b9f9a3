package io.kairan.api.comparison;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounds of the analysts' figures, so a request cannot hold the API for long.
 *
 * @param zone the city's zone: pushes per resident are counted per local day of it (Asia/Tokyo)
 * @param maxWindow the longest comparison window (31 days)
 * @param maxDeliveries the most deliveries a comparison reads from each topic (5,000,000)
 * @param maxSimulationDays the most days of notices a simulation replays (30; at most the ledger's
 *     {@code forget-after}, or older notices would be missing)
 * @param simulations how many simulations run at once (1; each takes a core)
 * @param keepSimulations how long a finished simulation's figures are kept (1 hour)
 * @param comparisons how many comparisons read Kafka at once (2; each holds up to {@code
 *     max-deliveries} deliveries' ids in memory)
 */
@ConfigurationProperties("kairan.rules.figures")
public record FiguresSettings(
    ZoneId zone,
    Duration maxWindow,
    Integer maxDeliveries,
    Integer maxSimulationDays,
    Integer simulations,
    Duration keepSimulations,
    Integer comparisons) {
  public FiguresSettings {
    zone = zone == null ? ZoneId.of("Asia/Tokyo") : zone;
    maxWindow = maxWindow == null ? Duration.ofDays(31) : maxWindow;
    maxDeliveries = maxDeliveries == null ? 5_000_000 : maxDeliveries;
    maxSimulationDays = maxSimulationDays == null ? 30 : maxSimulationDays;
    simulations = simulations == null ? 1 : simulations;
    keepSimulations = keepSimulations == null ? Duration.ofHours(1) : keepSimulations;
    comparisons = comparisons == null ? 2 : comparisons;
  }

  public static FiguresSettings defaults() {
    return new FiguresSettings(null, null, null, null, null, null, null);
  }
}
