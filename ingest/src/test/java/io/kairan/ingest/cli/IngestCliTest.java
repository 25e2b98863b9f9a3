package io.kairan.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.ingest.Samples;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCliTest {
  private static final String NL = System.lineSeparator();

  /** What one run of the CLI printed and how it ended. */
  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int code =
        IngestCli.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Clock.fixed(Samples.NOW, ZoneOffset.UTC));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aMissingFileExitsWith3AndNamesTheFile(@TempDir Path dir) {
    Path missing = dir.resolve("events.csv");

    Run run =
        run(
            "import",
            missing.toString(),
            "--format",
            "opendata-events",
            "--municipality",
            "072028");

    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("failed: no such file " + missing + NL);
  }

  @Test
  void anUnknownOptionExitsWith2AndNamesItWithTheUsageOnStderr(@TempDir Path dir) {
    Run run =
        run(
            "import",
            dir.resolve("events.csv").toString(),
            "--format",
            "cap",
            "--municipality",
            "072028",
            "--bootstrap-server",
            "127.0.0.1:9092");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("error: Unknown options: '--bootstrap-server', '127.0.0.1:9092'" + NL)
        .contains("Usage: kairan-ingest import");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anUnknownOptionIsNamedEvenWhenRequiredOptionsAreMissingToo() {
    Run run = run("import", "--bogus", "x");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("error: Unknown option: '--bogus'" + NL)
        .contains("Usage: kairan-ingest import");
  }

  @Test
  void aMissingRequiredOptionIsNamedWhenEveryOptionGivenIsKnown() {
    Run run = run("import", "--format", "cap", "x");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: Missing required option: '--municipality=CODE'" + NL);
  }

  @Test
  void helpPrintsTheUsageWithTheExitCodesOnStdoutAndExits0() {
    Run run = run("--help");

    assertThat(run.code()).isZero();
    assertThat(run.out())
        .startsWith("Usage: kairan-ingest [-h] (import | poll | sites)" + NL)
        .contains("  import  Import one file or URL")
        .contains("  poll    Poll the sources")
        .contains("  sites   Load the municipality's evacuation sites")
        .contains("Exit codes:" + NL + "  0   all fine" + NL + "  2   wrong usage" + NL)
        .contains("  5   nothing accepted");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void eachCommandsHelpListsItsOptions() {
    Run importHelp = run("import", "--help");
    Run pollHelp = run("poll", "-h");

    assertThat(importHelp.code()).isZero();
    assertThat(importHelp.out())
        .startsWith("Usage: kairan-ingest import ")
        .contains("--format=FORMAT", "--municipality=CODE", "--allow-host=HOST", "--towns=FILE");
    assertThat(pollHelp.code()).isZero();
    assertThat(pollHelp.out())
        .startsWith("Usage: kairan-ingest poll ")
        .contains("--config=FILE", "--municipality=CODE", "--allow-private-networks");
  }

  @Test
  void noCommandIsAUsageError() {
    Run run = run();

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("error: a command is required: import or poll" + NL + "Usage: kairan-ingest");
  }

  @Test
  void aMissingRequiredOptionIsAUsageErrorNamingIt() {
    Run run = run("import", "events.csv", "--municipality", "072028");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: Missing required option: '--format=FORMAT'" + NL);
  }

  @Test
  void anUnknownFormatIsAUsageErrorListingTheFormats() {
    Run run = run("import", "events.csv", "--format", "xls", "--municipality", "072028");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(
            "error: Invalid value for option '--format': unknown format xls; one of"
                + " [opendata-events, rss, atom, ical, cap, jma, jma-feed]"
                + NL);
  }

  @Test
  void aMunicipalityCodeWithAWrongCheckDigitIsAUsageError() {
    Run run = run("import", "events.csv", "--format", "cap", "--municipality", "072029");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(
            "error: Invalid value for option '--municipality': 072029 is not a JIS X 0402 code"
                + " (e.g. 072028)"
                + NL);
  }

  @Test
  void aFlagBeforeTheFileLeavesTheFileAsTheDocument(@TempDir Path dir) {
    Path missing = dir.resolve("feed.xml");

    Run run =
        run(
            "import",
            "--allow-private-networks",
            missing.toString(),
            "--format",
            "rss",
            "--municipality",
            "072028");

    assertThat(run.code()).as(run.err()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("failed: no such file " + missing + NL);
  }

  @Test
  void aSourcesFileLineWithoutItsFourFieldsIsAUsageErrorNamingTheLine(@TempDir Path dir)
      throws Exception {
    Path config = dir.resolve("sources.txt");
    Files.writeString(config, "# name format url seconds\ncity rss https://example.jp/rss.xml\n");

    Run run = run("poll", "--config", config.toString(), "--municipality", "072028");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("error: " + config + " line 2: expected NAME FORMAT URL INTERVAL_SECONDS" + NL)
        .contains("Usage: kairan-ingest poll");
  }

  @Test
  void aBrokenAudienceDictionaryIsAUsageErrorNamingTheFileAndLine(@TempDir Path dir)
      throws Exception {
    Path events = Files.writeString(dir.resolve("events.csv"), "NO,名称,開始日\n");
    Path dictionary =
        Files.writeString(
            dir.resolve("targets.properties"),
            "# 対象者\n子ども={\"type\":\"childAge\",\"min\":0,\"max\":12}\n高齢者\n");

    Run run =
        run(
            "import",
            events.toString(),
            "--format",
            "opendata-events",
            "--municipality",
            "072028",
            "--audience-dictionary",
            dictionary.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("error: " + dictionary + " line 3: expected phrase=value, got 高齢者" + NL);
  }

  @Test
  void aSecondDocumentIsAUsageError() {
    Run run = run("import", "a.csv", "b.csv", "--format", "cap", "--municipality", "072028");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: Unmatched argument at index 2: 'b.csv'" + NL);
  }

  @Test
  void sitesWithoutTheEvacuationSitesFileIsAUsageErrorNamingTheOption() {
    Run run = run("sites", "--municipality", "072028");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("error: Missing required option: '--evacuation-sites=FILE'" + NL);
  }

  @Test
  void sitesFromAFileThatIsNoSiteListIsAUsageErrorAndWritesNothing(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path events = dir.resolve("events.csv");
    java.nio.file.Files.writeString(events, "名称,開始日\nお祭り,2026-11-23\n");

    // No broker at this address: the file is refused before Kafka is ever asked.
    Run run =
        run(
            "sites",
            "--evacuation-sites",
            events.toString(),
            "--municipality",
            "072028",
            "--bootstrap-servers",
            "127.0.0.1:1");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("not a GSI site list: no column 共通ID");
  }
}
