package io.kairan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.deploy.kafka.KafkaBroker;
import io.kairan.deploy.stack.Ports;
import io.kairan.ingest.cli.IngestCli;
import io.kairan.ingest.publish.KnownNotices;
import io.kairan.model.DeadLetter;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every sample file through the ingest CLI into a real broker, and the notices read back. */
class IngestIT {
  private static final Path SAMPLES = Path.of(System.getProperty("kairan.samples", "../samples"));
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T03:00:00Z"), ZoneOffset.UTC);
  private static KafkaBroker kafka;

  @BeforeAll
  static void startKafka(@TempDir Path dir) throws Exception {
    kafka = KafkaBroker.start(dir.resolve("kafka"), Ports.free(), Ports.free());
    kafka.createTopics();
  }

  @AfterAll
  static void stopKafka() {
    if (kafka != null) {
      kafka.close();
    }
  }

  /** Imports a file that must be accepted whole (exit code 0). */
  private static String importFile(Path file, String format, String... extra) {
    return importFile(0, file, format, extra);
  }

  /**
   * Imports a file and checks the CLI's exit code (0 all fine, 4 some rows rejected, 5 nothing
   * accepted); returns the summary line.
   */
  private static String importFile(int exitCode, Path file, String format, String... extra) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    List<String> args =
        new ArrayList<>(
            List.of(
                "import",
                file.toString(),
                "--format",
                format,
                "--municipality",
                "072028",
                "--bootstrap-servers",
                kafka.bootstrapServers()));
    args.addAll(List.of(extra));
    int code =
        IngestCli.run(
            args.toArray(String[]::new),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            CLOCK);
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(exitCode);
    String output = out.toString(StandardCharsets.UTF_8);
    return output.lines().filter(l -> l.startsWith("read ")).findFirst().orElse(output);
  }

  private static Map<String, Notice> notices(String prefix) {
    return KnownNotices.read(kafka.bootstrapServers(), id -> id.startsWith(prefix));
  }

  @Test
  void theOpenDataEventListsArriveAndReReadingChangesNothing() {
    assertThat(
            importFile(
                SAMPLES.resolve("opendata-events/zama_142166_events.csv"), "opendata-events"))
        .isEqualTo("read 16, published 8, updated 0, withdrawn 0, unchanged 0, rejected 0");
    assertThat(
            importFile(
                SAMPLES.resolve("opendata-events/okazaki_232025_events_excerpt.csv"),
                "opendata-events"))
        .isEqualTo("read 12, published 12, updated 0, withdrawn 0, unchanged 0, rejected 0");

    assertThat(
            importFile(
                SAMPLES.resolve("opendata-events/zama_142166_events.csv"), "opendata-events"))
        .isEqualTo("read 16, published 0, updated 0, withdrawn 0, unchanged 8, rejected 0");
    assertThat(notices("od-").values().stream().filter(n -> !n.municipalityCode().equals("072028")))
        .hasSize(20)
        .allSatisfy(n -> assertThat(n.version()).isEqualTo(1));
  }

  @Test
  void aChangedRowBecomesANewVersionAndAHostileRowADeadLetter(@TempDir Path dir) throws Exception {
    String header = "NO,都道府県コード又は市区町村コード,名称,開始日,終了日,開始時刻,対象者,イベント種類\n";
    Path csv = dir.resolve("aizu.csv");
    Files.writeString(csv, header + "1,072028,鶴ヶ城さくら祭り,2027-04-01,2027-04-30,,どなたでも,観光\n");
    importFile(csv, "opendata-events");

    Files.writeString(
        csv,
        header
            + "1,072028,鶴ヶ城さくら祭り（夜間ライトアップあり）,2027-04-01,2027-04-30,,どなたでも,観光\n2,072028,=cmd|'/c calc'!A1,2027-05-01,,,,\n");
    assertThat(importFile(4, csv, "opendata-events"))
        .startsWith("read 2, published 0, updated 1, withdrawn 0, unchanged 0, rejected 1");

    Notice festival =
        notices("od-").values().stream()
            .filter(n -> n.municipalityCode().equals("072028"))
            .findFirst()
            .orElseThrow();
    assertThat(festival.version()).isEqualTo(2);
    assertThat(festival.status()).isEqualTo(NoticeStatus.UPDATED);
    assertThat(deadLetters())
        .anySatisfy(
            l -> {
              assertThat(l.reason()).contains("spreadsheet formula");
              assertThat(l.value()).contains("cmd|");
            });
  }

  @Test
  void feedsAndCalendarsArriveAndAlertsForOtherCountriesAreRefused() {
    assertThat(importFile(SAMPLES.resolve("feeds/municipal_cms_sample.rss2.xml"), "rss"))
        .startsWith("read ")
        .contains("rejected 0")
        .doesNotContain("published 0,");
    assertThat(importFile(SAMPLES.resolve("feeds/municipal_cms_events.ics"), "ical"))
        .isEqualTo("read 2, published 2, updated 0, withdrawn 0, unchanged 0, rejected 0");
    // A US and a Canadian alert resolve to no area of 会津若松市: never an alert for everyone.
    assertThat(
            importFile(5, SAMPLES.resolve("cap/us_nws_thunderstorm_oasis-example.cap.xml"), "cap"))
        .isEqualTo("read 1, published 0, updated 0, withdrawn 0, unchanged 0, rejected 1");
    assertThat(importFile(5, SAMPLES.resolve("cap/ca_envcanada_canada.cap.xml"), "cap"))
        .isEqualTo("read 1, published 0, updated 0, withdrawn 0, unchanged 0, rejected 1");

    assertThat(notices("feed-")).isNotEmpty();
    assertThat(notices("ics-")).hasSize(2);
    assertThat(notices("cap-")).isEmpty();
    assertThat(deadLetters())
        .filteredOn(l -> l.reason().contains("072028"))
        .extracting(DeadLetter::sourceTopic)
        .hasSize(2)
        .containsOnly(Topics.NOTICES);
  }

  @Test
  void aJmaWarningIsPublishedAndLiftedByTheNextReport(@TempDir Path dir) throws Exception {
    String report = Files.readString(SAMPLES.resolve("jma/fukushima_warning_20160310.xml"));
    Path issued = dir.resolve("issued.xml");
    Files.writeString(
        issued,
        report.replaceFirst(
            "<Kind>\\s*<Status>発表警報・注意報はなし</Status>\\s*</Kind>(\\s*<Area>\\s*<Name>会津若松市</Name>)",
            "<Kind><Name>大雪警報</Name><Code>05</Code><Status>発表</Status></Kind>$1"));

    assertThat(importFile(issued, "jma"))
        .isEqualTo("read 1, published 1, updated 0, withdrawn 0, unchanged 0, rejected 0");
    assertThat(importFile(SAMPLES.resolve("jma/fukushima_warning_20160310.xml"), "jma"))
        .isEqualTo("read 1, published 0, updated 0, withdrawn 1, unchanged 0, rejected 0");

    assertThat(notices("jma-0720200-05").get("jma-0720200-05").status())
        .isEqualTo(NoticeStatus.WITHDRAWN);
  }

  @Test
  void anXxeDocumentIsADeadLetterAndNothingElse(@TempDir Path dir) throws Exception {
    Path xxe = dir.resolve("xxe.cap.xml");
    Files.writeString(
        xxe,
        "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>&x;</identifier></alert>");

    assertThat(importFile(5, xxe, "cap"))
        .startsWith("read 1, published 0, updated 0, withdrawn 0, unchanged 0, rejected 1");
    assertThat(deadLetters()).anySatisfy(l -> assertThat(l.reason()).contains("DOCTYPE"));
  }

  @Test
  void anAtomFeedArrives(@TempDir Path dir) throws Exception {
    Path atom = dir.resolve("news.atom");
    Files.writeString(
        atom,
        """
        <feed xmlns="http://www.w3.org/2005/Atom"><title>会津若松市 新着情報</title><id>urn:aizu</id><updated>2026-11-20T00:00:00Z</updated>
        <entry><title>インフルエンザ予防接種の助成</title><id>urn:aizu:1</id><updated>2026-11-20T00:00:00Z</updated><link href="https://www.city.aizuwakamatsu.fukushima.jp/a"/><category term="健康"/></entry>
        <entry><title>除雪計画のお知らせ</title><id>urn:aizu:2</id><updated>2026-11-21T00:00:00Z</updated><link href="https://www.city.aizuwakamatsu.fukushima.jp/b"/></entry>
        </feed>
        """);

    assertThat(importFile(atom, "atom"))
        .isEqualTo("read 2, published 2, updated 0, withdrawn 0, unchanged 0, rejected 0");
  }

  @Test
  void theJmaFeedIsFollowedToEachWarningThroughTheSafeFetcher(@TempDir Path dir) throws Exception {
    byte[] report = Files.readAllBytes(SAMPLES.resolve("jma/fukushima_warning_20160310.xml"));
    var server =
        com.sun.net.httpserver.HttpServer.create(
            new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/data/",
        exchange -> {
          exchange.sendResponseHeaders(200, report.length);
          exchange.getResponseBody().write(report);
          exchange.close();
        });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      String feed =
          Files.readString(SAMPLES.resolve("jma/extra_feed_sample.atom.xml"))
              .replace("http://xml.kishou.go.jp/data/", base + "/data/");
      Path feedFile = dir.resolve("extra.xml");
      Files.writeString(feedFile, feed);

      // The test server is on loopback, which the importer refuses unless told it is a private
      // source.
      assertThat(importFile(5, feedFile, "jma-feed", "--allow-host", "127.0.0.1"))
          .startsWith("read 0, published 0")
          .contains("rejected 2");
      assertThat(
              importFile(
                  feedFile, "jma-feed", "--allow-host", "127.0.0.1", "--allow-private-networks"))
          .isEqualTo("read 2, published 0, updated 0, withdrawn 0, unchanged 0, rejected 0");
    } finally {
      server.stop(0);
    }
  }

  private static List<DeadLetter> deadLetters() {
    return TopicRecords.all(kafka.bootstrapServers(), Topics.deadLetter(Topics.NOTICES)).stream()
        .map(r -> Json.read(r.value(), DeadLetter.class))
        .toList();
  }
}
