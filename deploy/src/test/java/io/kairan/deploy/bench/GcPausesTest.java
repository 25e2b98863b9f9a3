package io.kairan.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.deploy.bench.GcPauses.Pause;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcPausesTest {
  @Test
  void aLoggedPauseStartsItsDurationBeforeTheTimeOfItsLine(@TempDir Path dir) throws Exception {
    // Lines as a JDK 17 writes them with -Xlog:gc:file=...:time (the time is the pause's end).
    Path log = dir.resolve("gc.log");
    Files.write(
        log,
        List.of(
            "[2026-11-26T15:58:04.177+0000] Using G1",
            "[2026-11-26T15:58:04.177+0000] GC(0) Pause Young (Normal) (G1 Evacuation Pause)"
                + " 6M->3M(32M) 6.353ms",
            "[2026-11-26T15:58:05.000+0900] GC(7) Pause Remark 20M->20M(32M) 1.499ms",
            "[2026-11-26T15:58:05.100+0000] GC(7) Concurrent Mark Cycle 12.345ms"));

    List<Pause> pauses = GcPauses.fromLog(log);

    long youngEnd = Instant.parse("2026-11-26T15:58:04.177Z").toEpochMilli();
    long remarkEnd = Instant.parse("2026-11-26T06:58:05.000Z").toEpochMilli();
    assertThat(pauses)
        .extracting(Pause::start, Pause::millis, Pause::cause)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                youngEnd - 6, 6L, "Pause Young (Normal) (G1 Evacuation Pause)"),
            org.assertj.core.groups.Tuple.tuple(remarkEnd - 1, 1L, "Pause Remark"));
  }

  @Test
  void aPauseOverlapsAWindowOnlyByTheTimeTheyShare() {
    Pause pause = new Pause(1_000, 100, "G1 Young Generation", "G1 Evacuation Pause");

    assertThat(pause.overlapWith(1_050, 2_000)).isEqualTo(50);
    assertThat(pause.overlapWith(0, 1_020)).isEqualTo(20);
    assertThat(pause.overlapWith(1_100, 2_000)).isZero();
  }
}
