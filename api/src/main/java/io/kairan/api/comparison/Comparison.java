package io.kairan.api.comparison;

import java.time.Instant;

/**
 * The shadow rule set beside the active one over a window of decisions ({@code from} inclusive,
 * {@code to} exclusive), from deliveries.v1 and deliveries.shadow.v1.
 *
 * @param zone the zone whose local days the pushes per day are counted in
 */
public record Comparison(
    Instant from,
    Instant to,
    String zone,
    RuleSetFigures active,
    RuleSetFigures shadow,
    ChannelChanges.Figures channelChanged,
    int minimumGroup) {}
