package io.kairan.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.ingest.Samples;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCliTest {

  @Test
  void aMissingFileExitsWith3AndNamesTheFile(@TempDir Path dir) {
    Path missing = dir.resolve("events.csv");
    var err = new ByteArrayOutputStream();

    int code =
        IngestCli.run(
            new String[] {
              "import",
              missing.toString(),
              "--format",
              "opendata-events",
              "--municipality",
              "072028"
            },
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Clock.fixed(Samples.NOW, ZoneOffset.UTC));

    assertThat(code).isEqualTo(3);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("failed: no such file " + missing + System.lineSeparator());
  }
}
