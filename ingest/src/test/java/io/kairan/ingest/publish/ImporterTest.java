package io.kairan.ingest.publish;

import static io.kairan.ingest.Samples.AIZU;
import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.ingest.feed.NewsFeedConnector;
import io.kairan.ingest.opendata.EventListConnector;
import io.kairan.ingest.source.Connector;
import io.kairan.model.DeadLetter;
import io.kairan.model.notice.Notice;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImporterTest {
  private static final String HEADER = "NO,都道府県コード又は市区町村コード,名称,開始日\n";

  /** Keeps what an import wrote, in memory. */
  private static final class MemorySink implements NoticeSink {
    final List<Notice> notices = new ArrayList<>();
    final List<DeadLetter> letters = new ArrayList<>();

    @Override
    public void publish(Notice notice) {
      notices.add(notice);
    }

    @Override
    public void deadLetter(DeadLetter letter) {
      letters.add(letter);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  private static ImportSummary importCsv(String csv, MemorySink sink, DeadLettered seen) {
    return new Importer(sink, new Versions(new HashMap<>()), seen)
        .run(
            EventListConnector.withDefaultDictionaries(),
            csv.getBytes(StandardCharsets.UTF_8),
            AIZU,
            "opendata-events",
            done -> {});
  }

  @Test
  void allRowsAcceptedExitsZero() {
    ImportSummary summary =
        importCsv(HEADER + "1,072028,清掃,2026-12-01\n", new MemorySink(), DeadLettered.none());

    assertThat(summary.exitCode()).isEqualTo(0);
  }

  @Test
  void someRowsRejectedExitsFour() {
    ImportSummary summary =
        importCsv(
            HEADER + "1,072028,清掃,2026-12-01\n2,072028,=cmd,2026-12-01\n",
            new MemorySink(),
            DeadLettered.none());

    assertThat(summary.published()).isEqualTo(1);
    assertThat(summary.exitCode()).isEqualTo(4);
  }

  @Test
  void everyRowRejectedExitsFive() {
    ImportSummary summary =
        importCsv(HEADER + "1,072028,=cmd,2026-12-01\n", new MemorySink(), DeadLettered.none());

    assertThat(summary.exitCode()).isEqualTo(5);
  }

  @Test
  void aRefusedDocumentExitsFive() {
    ImportSummary summary = importCsv("not,an,event,list\n", new MemorySink(), DeadLettered.none());

    assertThat(summary.accepted()).isZero();
    assertThat(summary.exitCode()).isEqualTo(5);
  }

  @Test
  void deadLetterKeysNameTheSourceAndTheRow() {
    MemorySink sink = new MemorySink();

    importCsv(
        HEADER + "1,072028,清掃,2026-12-01\n2,072028,=cmd,2026-12-01\n", sink, DeadLettered.none());

    assertThat(sink.letters)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.key()).isEqualTo("test-source row 3");
              assertThat(l.value()).isEqualTo("2,072028,=cmd,2026-12-01");
              assertThat(l.sourceTopic()).isEqualTo("notices.v1");
              assertThat(l.rejectedBy()).isEqualTo("ingest:opendata-events:test-source");
            });
  }

  @Test
  void aRereadDoesNotDeadLetterTheSameRejectedRowAgainButAChangedOne() {
    MemorySink sink = new MemorySink();
    DeadLettered seen = DeadLettered.none();
    String csv = HEADER + "1,072028,=cmd,2026-12-01\n";

    importCsv(csv, sink, seen);
    ImportSummary again = importCsv(csv, sink, seen);
    importCsv(HEADER + "1,072028,=cmd2,2026-12-01\n", sink, seen);

    assertThat(again.rejected()).as("still reported").hasSize(1);
    assertThat(sink.letters)
        .extracting(DeadLetter::value)
        .containsExactly("1,072028,=cmd,2026-12-01", "1,072028,=cmd2,2026-12-01");
  }

  @Test
  void aDocumentAConnectorFailsOnIsADeadLetterWithTheReasonAndTheImportGoesOn() {
    MemorySink sink = new MemorySink();
    Connector failing =
        (document, context) -> {
          throw new IllegalStateException("a reader bug");
        };

    ImportSummary summary =
        new Importer(sink, new Versions(new HashMap<>()), DeadLettered.none())
            .run(failing, "<feed/>".getBytes(StandardCharsets.UTF_8), AIZU, "atom", done -> {});

    assertThat(summary.exitCode()).isEqualTo(5);
    assertThat(sink.letters)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.key()).isEqualTo("test-source document");
              assertThat(l.value()).isEqualTo("<feed/>");
              assertThat(l.reason())
                  .isEqualTo(
                      "the atom reader failed on this document:"
                          + " java.lang.IllegalStateException: a reader bug");
            });
  }

  @Test
  void anRssItemsMarkupIsStrippedFromTheTitleAndScriptsFromTheBody() {
    String rss =
        """
        <rss version="2.0"><channel><title>市</title><link>https://example.jp/</link><description>d</description>
        <item><guid>https://example.jp/1</guid><title>&lt;b&gt;断水&lt;/b&gt;のお知らせ</title>
        <description>&lt;p&gt;明日&lt;/p&gt;&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;</description>
        <pubDate>Mon, 23 Nov 2026 09:00:00 +0900</pubDate></item></channel></rss>
        """;
    MemorySink sink = new MemorySink();

    ImportSummary summary =
        new Importer(sink, new Versions(new HashMap<>()), DeadLettered.none())
            .run(
                new NewsFeedConnector(EventListConnector.defaultCategories()),
                rss.getBytes(StandardCharsets.UTF_8),
                AIZU,
                "rss",
                done -> {});

    assertThat(summary.rejected()).isEmpty();
    assertThat(sink.notices)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.title()).containsEntry("ja", "断水のお知らせ");
              assertThat(n.body().get("ja")).doesNotContain("script").contains("明日");
              assertThat(n.problems()).isEmpty();
            });
  }
}
