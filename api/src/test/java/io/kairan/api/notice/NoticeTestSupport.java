package io.kairan.api.notice;

import io.kairan.api.approval.ApprovalBook;
import io.kairan.api.ledger.LedgerSettings;
import io.kairan.api.ledger.NoticeLedger;
import io.kairan.api.schedule.ScheduleBook;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The notice write path and figures for slice tests: a clock fixed at {@link #NOW} and a ledger
 * that counts as read to its end (tests put in it what they need, each under its own ids).
 */
@TestConfiguration
@EnableConfigurationProperties(LedgerSettings.class)
@Import({
  NoticeWrites.class,
  NoticeListing.class,
  NoticeSchedule.class,
  NoticeApprovals.class,
  NoticeDrafts.class,
  FiguresReader.class,
  io.kairan.api.coverage.OperatorAccessLog.class
})
public class NoticeTestSupport {
  public static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  /** A draft any publisher may post. */
  public static final String DRAFT = NoticeControllerTest.DRAFT;

  @Bean
  @Primary
  Clock fixedClock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }

  @Bean
  ScheduleBook scheduleBook() {
    ScheduleBook book = new ScheduleBook();
    book.markCaughtUp();
    return book;
  }

  @Bean
  io.kairan.api.draft.DraftBook draftBook() {
    io.kairan.api.draft.DraftBook book = new io.kairan.api.draft.DraftBook();
    book.markCaughtUp();
    return book;
  }

  @Bean
  ApprovalBook approvalBook() {
    ApprovalBook book = new ApprovalBook();
    book.markCaughtUp();
    return book;
  }

  @Bean
  NoticeLedger noticeLedger(LedgerSettings settings, Clock clock) {
    NoticeLedger ledger = new NoticeLedger(settings, clock);
    ledger.markCaughtUp();
    return ledger;
  }

  /** {@link #DRAFT} as a department's notice, in that version and state. */
  public static Notice departmentNotice(
      String id, String publisherId, int version, NoticeStatus status, Instant at) {
    return draftBy(
        id, new Publisher(publisherId, publisherId, PublisherKind.DEPARTMENT), version, status, at);
  }

  /** {@link #DRAFT} as a firm's notice, as it waits for approval (version 1). */
  public static Notice firmNotice(String id, String firmId, Instant at) {
    return draftBy(
        id, new Publisher(firmId, firmId, PublisherKind.FIRM), 1, NoticeStatus.PUBLISHED, at);
  }

  private static Notice draftBy(
      String id, Publisher publisher, int version, NoticeStatus status, Instant at) {
    return Json.read(DRAFT, NoticeDraft.class).toNotice(id, version, publisher, status, at);
  }
}
