package io.kairan.api.notice;

import io.kairan.api.ledger.LedgerSettings;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import java.time.Instant;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** The notice write path and figures, for slice tests of the whole API (a ledger is the test's). */
@TestConfiguration
@EnableConfigurationProperties(LedgerSettings.class)
@Import({NoticeWrites.class, FiguresReader.class})
public class NoticeTestSupport {
  /** A draft any publisher may post. */
  public static final String DRAFT = NoticeControllerTest.DRAFT;

  /** {@link #DRAFT} as a department's notice, in that version and state. */
  public static Notice departmentNotice(
      String id, String publisherId, int version, NoticeStatus status, Instant at) {
    return Json.read(DRAFT, NoticeDraft.class)
        .toNotice(
            id,
            version,
            new Publisher(publisherId, publisherId, PublisherKind.DEPARTMENT),
            status,
            at);
  }
}
