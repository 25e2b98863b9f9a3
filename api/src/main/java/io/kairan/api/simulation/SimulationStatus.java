package io.kairan.api.simulation;

import java.time.Instant;

/**
 * Where a simulation is.
 *
 * @param progress the share of the notice versions replayed, 0 to 1
 * @param candidate the candidate's "name/version"; {@code active} the active set's at the start
 * @param figures once done; null before
 * @param error why it failed; null otherwise
 */
record SimulationStatus(
    String id,
    State state,
    double progress,
    int days,
    String candidate,
    String active,
    String requestedBy,
    Instant startedAt,
    Instant finishedAt,
    SimulationFigures figures,
    String error) {

  enum State {
    RUNNING,
    DONE,
    FAILED
  }
}
