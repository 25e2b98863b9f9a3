package io.kairan.api.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kairan.api.MovingClock;
import io.kairan.api.kafka.RecordPublisher;
import io.kairan.api.kafka.WrittenRecords;
import io.kairan.api.kafka.WrittenRecords.Written;
import io.kairan.api.ledger.LedgerSettings;
import io.kairan.api.ledger.NoticeLedger;
import io.kairan.api.problem.NotYoursException;
import io.kairan.api.schedule.ScheduleBook;
import io.kairan.api.schedule.ScheduledNotice;
import io.kairan.model.InvalidRecordException;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scheduled notices on a clock the test moves, with what the API writes to Kafka recorded in order
 * (the stand-in's only job), so a restart can be replayed from it.
 */
class NoticeScheduleTest {
  static final Publisher CITY = new Publisher("dept-1", "会津若松市", PublisherKind.DEPARTMENT);
  static final NoticeDraft DRAFT = Json.read(NoticeTestSupport.DRAFT, NoticeDraft.class);
  static final Instant NOW = NoticeTestSupport.NOW;
  static final Instant IN_AN_HOUR = NOW.plus(Duration.ofHours(1));

  private final MovingClock clock = new MovingClock(NOW);
  private final WrittenRecords records = new WrittenRecords();
  private final List<Written> written = records.all;
  private final RecordPublisher kafka = records.publisher;

  /** An API instance: its ledger and schedule, both read to the end of their topics. */
  private record Instance(NoticeLedger ledger, ScheduleBook book, NoticeSchedule schedule) {}

  private Instance start() {
    NoticeLedger ledger = new NoticeLedger(LedgerSettings.defaults(), clock);
    ScheduleBook book = new ScheduleBook();
    records.replay(ScheduleBook.TOPIC, book::accept);
    records.replay(Topics.NOTICES, (id, json) -> ledger.apply(Json.read(json, Notice.class)));
    ledger.markCaughtUp();
    book.markCaughtUp();
    return new Instance(
        ledger, book, new NoticeSchedule(kafka, book, ledger, LedgerSettings.defaults(), clock));
  }

  private List<Notice> published() {
    return written.stream()
        .filter(w -> w.topic().equals(Topics.NOTICES))
        .map(w -> Json.read(w.json(), Notice.class))
        .toList();
  }

  private static NoticeSchedule.Request at(Instant publishAt) {
    return new NoticeSchedule.Request(publishAt, DRAFT);
  }

  @Test
  void aScheduledNoticeIsPublishedAsVersion1UnderItsIdOnceDueAndNotBefore() {
    Instance api = start();
    ScheduledNotice entry = api.schedule().schedule(CITY, at(IN_AN_HOUR));

    clock.set(IN_AN_HOUR.minusSeconds(1));
    api.schedule().publishDue();
    assertThat(published()).isEmpty();

    clock.set(IN_AN_HOUR.plusMillis(300));
    api.schedule().publishDue();
    assertThat(published())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.id()).isEqualTo(entry.id());
              assertThat(n.version()).isEqualTo(1);
              assertThat(n.status()).isEqualTo(NoticeStatus.PUBLISHED);
              assertThat(n.publishedAt()).isEqualTo(IN_AN_HOUR.plusMillis(300));
              assertThat(n.title()).isEqualTo(DRAFT.title());
            });
    assertThat(api.ledger().current(entry.id())).isPresent();
    assertThat(api.book().get(entry.id())).isEmpty();
    assertThat(written.get(written.size() - 1))
        .isEqualTo(new Written(ScheduleBook.TOPIC, entry.id(), null, Map.of()));
  }

  @Test
  void aScheduleSurvivesARestartAndIsPublishedByTheNewInstanceWhenDue() {
    ScheduledNotice entry = start().schedule().schedule(CITY, at(IN_AN_HOUR));

    Instance restarted = start(); // reads what the first instance wrote
    assertThat(restarted.book().get(entry.id())).contains(entry);
    clock.set(IN_AN_HOUR.plus(Duration.ofMinutes(5))); // it was down when the time came
    restarted.schedule().publishDue();

    assertThat(published()).extracting(Notice::id).containsExactly(entry.id());
  }

  @Test
  void aNoticePublishedJustBeforeARestartIsNotPublishedAgainOnlyItsScheduleEnds() {
    Instance first = start();
    ScheduledNotice entry = first.schedule().schedule(CITY, at(IN_AN_HOUR));
    clock.set(IN_AN_HOUR);
    first.schedule().publishDue();
    written.remove(written.size() - 1); // the tombstone never made it: the API died first

    Instance restarted = start();
    restarted.schedule().publishDue();

    assertThat(published()).hasSize(1);
    assertThat(restarted.book().get(entry.id())).isEmpty();
    assertThat(start().book().get(entry.id())).isEmpty();
  }

  @Test
  void aChangeBeforeTheTimeIsWhatIsPublishedAndACancelledNoticeNeverIs() {
    Instance api = start();
    ScheduledNotice changed = api.schedule().schedule(CITY, at(IN_AN_HOUR));
    ScheduledNotice cancelled = api.schedule().schedule(CITY, at(IN_AN_HOUR));
    NoticeDraft other =
        Json.read(NoticeTestSupport.DRAFT.replace("児童手当の申請", "児童手当の申請（訂正）"), NoticeDraft.class);

    api.schedule()
        .reschedule(
            "dept-1", changed.id(), new NoticeSchedule.Request(IN_AN_HOUR.plusSeconds(60), other));
    api.schedule().cancel("dept-1", cancelled.id());
    clock.set(IN_AN_HOUR.plusSeconds(30));
    api.schedule().publishDue();
    assertThat(published()).isEmpty(); // the change moved it a minute later

    clock.set(IN_AN_HOUR.plusSeconds(60));
    api.schedule().publishDue();
    assertThat(published())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.id()).isEqualTo(changed.id());
              assertThat(n.title()).containsEntry("ja", "児童手当の申請（訂正）");
            });
    assertThat(start().book().get(cancelled.id())).isEmpty();
  }

  @Test
  void nothingIsPublishedBeforeTheScheduleAndTheLedgerAreRead() {
    start().schedule().schedule(CITY, at(IN_AN_HOUR));
    NoticeLedger unread = new NoticeLedger(LedgerSettings.defaults(), clock);
    ScheduleBook book = new ScheduleBook();
    written.forEach(w -> book.accept(w.key(), w.json()));
    book.markCaughtUp();
    clock.set(IN_AN_HOUR);

    new NoticeSchedule(kafka, book, unread, LedgerSettings.defaults(), clock).publishDue();

    assertThat(published()).isEmpty();
  }

  @Test
  void aTimeNotAfterNowOrABadDraftIsRefusedNamingEachField() {
    NoticeSchedule schedule = start().schedule();
    NoticeDraft untitled =
        Json.read(
            NoticeTestSupport.DRAFT.replaceFirst("\"title\":\\{[^}]*\\},", ""), NoticeDraft.class);

    assertThatThrownBy(() -> schedule.schedule(CITY, new NoticeSchedule.Request(NOW, untitled)))
        .isInstanceOfSatisfying(
            InvalidRecordException.class,
            e ->
                assertThat(e.problems())
                    .contains("publishAt: must be a time after now")
                    .anyMatch(p -> p.startsWith("title:")));
    assertThat(written).isEmpty();
  }

  @Test
  void anotherPublisherCanNeitherChangeNorCancelAScheduledNotice() {
    NoticeSchedule schedule = start().schedule();
    ScheduledNotice entry = schedule.schedule(CITY, at(IN_AN_HOUR));

    assertThatThrownBy(() -> schedule.reschedule("dept-2", entry.id(), at(IN_AN_HOUR)))
        .isInstanceOf(NotYoursException.class);
    assertThatThrownBy(() -> schedule.cancel("dept-2", entry.id()))
        .isInstanceOf(NotYoursException.class);
    assertThat(schedule.of("dept-1")).containsExactly(entry);
  }
}
