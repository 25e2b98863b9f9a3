package io.kairan.api.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import io.kairan.api.kafka.RecordPublisher;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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

  /** One record the API wrote: topic, key and the value as JSON (null for a tombstone). */
  record Written(String topic, String key, String json) {}

  private final MovingClock clock = new MovingClock(NOW);
  private final List<Written> written = new ArrayList<>();
  private final RecordPublisher kafka = recording();

  private RecordPublisher recording() {
    RecordPublisher publisher = mock(RecordPublisher.class);
    doAnswer(
            call -> {
              Object value = call.getArgument(2);
              written.add(
                  new Written(
                      call.getArgument(0),
                      call.getArgument(1),
                      value == null ? null : Json.write(value)));
              return null;
            })
        .when(publisher)
        .publish(any(), any(), any(), anyMap());
    return publisher;
  }

  /** An API instance: its ledger and schedule, both read to the end of their topics. */
  private record Instance(NoticeLedger ledger, ScheduleBook book, NoticeSchedule schedule) {}

  private Instance start() {
    NoticeLedger ledger = new NoticeLedger(LedgerSettings.defaults(), clock);
    ScheduleBook book = new ScheduleBook();
    for (Written w : written) {
      if (w.topic().equals(ScheduleBook.TOPIC)) {
        book.accept(w.key(), w.json());
      } else if (w.topic().equals(Topics.NOTICES)) {
        ledger.apply(Json.read(w.json(), Notice.class));
      }
    }
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

    clock.now = IN_AN_HOUR.minusSeconds(1);
    api.schedule().publishDue();
    assertThat(published()).isEmpty();

    clock.now = IN_AN_HOUR.plusMillis(300);
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
        .isEqualTo(new Written(ScheduleBook.TOPIC, entry.id(), null));
  }

  @Test
  void aScheduleSurvivesARestartAndIsPublishedByTheNewInstanceWhenDue() {
    ScheduledNotice entry = start().schedule().schedule(CITY, at(IN_AN_HOUR));

    Instance restarted = start(); // reads what the first instance wrote
    assertThat(restarted.book().get(entry.id())).contains(entry);
    clock.now = IN_AN_HOUR.plus(Duration.ofMinutes(5)); // it was down when the time came
    restarted.schedule().publishDue();

    assertThat(published()).extracting(Notice::id).containsExactly(entry.id());
  }

  @Test
  void aNoticePublishedJustBeforeARestartIsNotPublishedAgainOnlyItsScheduleEnds() {
    Instance first = start();
    ScheduledNotice entry = first.schedule().schedule(CITY, at(IN_AN_HOUR));
    clock.now = IN_AN_HOUR;
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
    clock.now = IN_AN_HOUR.plusSeconds(30);
    api.schedule().publishDue();
    assertThat(published()).isEmpty(); // the change moved it a minute later

    clock.now = IN_AN_HOUR.plusSeconds(60);
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
    clock.now = IN_AN_HOUR;

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

  /** A clock the test moves by hand. */
  private static final class MovingClock extends Clock {
    Instant now;

    MovingClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
