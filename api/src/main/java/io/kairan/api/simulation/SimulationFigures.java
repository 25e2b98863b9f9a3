package io.kairan.api.simulation;

import io.kairan.api.comparison.ChannelChanges;
import io.kairan.api.comparison.RuleSetFigures;
import java.time.Instant;

/**
 * What a candidate rule set would have done over the notices published in [from, to], beside what
 * the active set does with the same notices and residents: the comparison's figures for each.
 *
 * @param residents the residents replayed against (withheld under ten)
 * @param notices the notices with a version published in the window
 * @param versions the versions published in the window (withdrawals included)
 */
public record SimulationFigures(
    Instant from,
    Instant to,
    String zone,
    Long residents,
    long notices,
    long versions,
    RuleSetFigures active,
    RuleSetFigures candidate,
    ChannelChanges.Figures channelChanged,
    int minimumGroup) {}
