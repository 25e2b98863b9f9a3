package io.kairan.deploy.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What else happened in the stack's JVM while a workload ran: its collections' pauses (they stop
 * the API, the job and the clients alike) and the job's checkpoints (a snapshot of the residents'
 * state competing for the two cores), over the wall-clock windows in which the workload was sent.
 */
final class Disturbances {
  private Disturbances() {}

  /** A span of wall-clock milliseconds, both ends included. */
  record Window(long from, long to) {}

  static Map<String, Object> during(
      List<Window> windows,
      List<GcPauses.Pause> pauses,
      List<CheckpointLog.Checkpoint> checkpoints) {
    long pausedMs = 0;
    long longestMs = 0;
    int collections = 0;
    for (GcPauses.Pause pause : pauses) {
      long overlap = windows.stream().mapToLong(w -> pause.overlapWith(w.from(), w.to())).sum();
      if (overlap > 0) {
        collections++;
        pausedMs += overlap;
        longestMs = Math.max(longestMs, pause.millis());
      }
    }
    long during =
        checkpoints.stream()
            .filter(c -> windows.stream().anyMatch(w -> c.overlaps(w.from(), w.to())))
            .count();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("windowMs", windows.stream().mapToLong(w -> w.to() - w.from()).sum());
    json.put("gcPauses", collections);
    json.put("gcPausedMs", pausedMs);
    json.put("longestGcPauseMs", longestMs);
    json.put("checkpoints", during);
    return json;
  }
}
