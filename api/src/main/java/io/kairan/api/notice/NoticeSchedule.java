package io.kairan.api.notice;

import io.kairan.api.kafka.RecordPublisher;
import io.kairan.api.ledger.LedgerNotReadyException;
import io.kairan.api.ledger.LedgerSettings;
import io.kairan.api.ledger.NoticeLedger;
import io.kairan.api.problem.NotFoundException;
import io.kairan.api.problem.NotYoursException;
import io.kairan.api.schedule.ScheduleBook;
import io.kairan.api.schedule.ScheduledNotice;
import io.kairan.model.InvalidRecordException;
import io.kairan.model.Topics;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Notices scheduled for later: checked as a post is when scheduled or changed, written to
 * notices.scheduled.v1 (so a restart keeps them), and published as version 1 on notices.v1 once
 * due. Changing, cancelling and publishing one notice take turns, so a change that arrives as the
 * notice is published either makes it into the published version or is refused (404).
 */
@Component
class NoticeSchedule {
  private final StripedLocks locks = new StripedLocks();
  private final RecordPublisher kafka;
  private final ScheduleBook book;
  private final NoticeLedger ledger;
  private final LedgerSettings settings;
  private final Clock clock;

  NoticeSchedule(
      RecordPublisher kafka,
      ScheduleBook book,
      NoticeLedger ledger,
      LedgerSettings settings,
      Clock clock) {
    this.kafka = kafka;
    this.book = book;
    this.ledger = ledger;
    this.settings = settings;
    this.clock = clock;
  }

  /** A draft and when to publish it. */
  record Request(Instant publishAt, NoticeDraft notice) {}

  ScheduledNotice schedule(Publisher publisher, Request request) {
    awaitBook();
    ScheduledNotice entry = checked(publisher, UUID.randomUUID().toString(), request);
    write(entry);
    return entry;
  }

  /** Another draft or time for a notice still waiting. */
  ScheduledNotice reschedule(String callerId, String id, Request request) {
    awaitBook();
    synchronized (lockFor(id)) {
      ScheduledNotice held = owned(callerId, id);
      ScheduledNotice entry = checked(held.notice().publisher(), id, request);
      write(entry);
      return entry;
    }
  }

  void cancel(String callerId, String id) {
    awaitBook();
    synchronized (lockFor(id)) {
      owned(callerId, id);
      done(id);
    }
  }

  List<ScheduledNotice> of(String callerId) {
    awaitBook();
    return book.ofPublisher(callerId);
  }

  /**
   * Publishes every scheduled notice whose time has come, once both topics are read. A notice the
   * ledger already holds (published just before a restart, its tombstone not yet written) is not
   * published again; were it, the same version under the same id would change nothing anywhere.
   */
  void publishDue() {
    if (!book.isCaughtUp() || !ledger.isCaughtUp()) {
      return;
    }
    for (ScheduledNotice due : book.due(clock.instant())) {
      synchronized (lockFor(due.id())) {
        if (book.get(due.id()).filter(due::equals).isEmpty()) {
          continue; // changed or cancelled meanwhile
        }
        if (ledger.current(due.id()).isEmpty()) {
          Notice first = due.notice().withVersion(1, NoticeStatus.PUBLISHED, clock.instant());
          kafka.publish(Topics.NOTICES, first.id(), first, Map.of());
          ledger.apply(first);
        }
        done(due.id());
      }
    }
  }

  private ScheduledNotice checked(Publisher publisher, String id, Request request) {
    Instant now = clock.instant();
    NoticeDraft draft = request.notice();
    if (draft == null) {
      throw new InvalidRecordException(List.of("notice: is required"));
    }
    Instant at = request.publishAt();
    NoticeWrites.refuseWhatChanged(draft);
    Notice notice = draft.toNotice(id, 1, publisher, NoticeStatus.PUBLISHED, at);
    NoticeWrites.problemsOf(notice)
        .require(at != null && at.isAfter(now), "publishAt", "must be a time after now")
        .throwIfAny();
    return new ScheduledNotice(at, notice);
  }

  private ScheduledNotice owned(String callerId, String id) {
    ScheduledNotice held =
        book.get(id)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "no scheduled notice " + id + " (it may be published or cancelled)"));
    if (!held.publisherId().equals(callerId)) {
      throw new NotYoursException("scheduled notice " + id + " belongs to another publisher");
    }
    return held;
  }

  private void write(ScheduledNotice entry) {
    kafka.publish(ScheduleBook.TOPIC, entry.id(), entry, Map.of());
    book.put(entry);
  }

  private void done(String id) {
    kafka.publish(ScheduleBook.TOPIC, id, null, Map.of());
    book.remove(id);
  }

  private void awaitBook() {
    if (!book.awaitCaughtUp(settings.writeWait())) {
      throw new LedgerNotReadyException();
    }
  }

  private Object lockFor(String id) {
    return locks.of(id);
  }
}
