package io.kairan.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Collections and checkpoints counted against the windows in which a workload ran. */
class DisturbancesTest {
  private static final List<Disturbances.Window> WINDOWS =
      List.of(new Disturbances.Window(1_000, 2_000), new Disturbances.Window(5_000, 6_000));

  @Test
  void onlyThePartOfAPauseInsideAWindowCountsAndPausesOutsideAllWindowsNotAtAll() {
    var pauses =
        List.of(
            new GcPauses.Pause(950, 100, "G1 Young Generation", "G1 Evacuation Pause"), // 50 in
            new GcPauses.Pause(1_500, 30, "G1 Young Generation", "G1 Evacuation Pause"), // 30 in
            new GcPauses.Pause(3_000, 400, "G1 Old Generation", "System.gc()"), // between
            new GcPauses.Pause(5_990, 20, "G1 Young Generation", "G1 Evacuation Pause")); // 10 in
    var seen = Disturbances.during(WINDOWS, pauses, List.of());
    assertThat(seen)
        .containsEntry("windowMs", 2_000L)
        .containsEntry("gcPauses", 3)
        .containsEntry("gcPausedMs", 90L)
        .containsEntry("longestGcPauseMs", 100L);
  }

  @Test
  void aCheckpointCountsWhenItOverlapsAWindowIncludingOneStillInProgress() {
    var checkpoints =
        List.of(
            new CheckpointLog.Checkpoint(1, 500, 1_200, 0), // overlaps the first
            new CheckpointLog.Checkpoint(2, 2_500, 4_000, 0), // between
            new CheckpointLog.Checkpoint(3, 5_500, -1, 0)); // in progress in the second
    assertThat(Disturbances.during(WINDOWS, List.of(), checkpoints))
        .containsEntry("checkpoints", 2L);
  }
}
