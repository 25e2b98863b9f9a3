package io.kairan.api.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.kairan.api.kafka.RecordPublisher;
import io.kairan.api.ledger.LedgerSettings;
import io.kairan.api.ledger.NoticeLedger;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Writes that overlap: Kafka is held while the first one is being written (the stand-in's only
 * job), so the second arrives at a known moment.
 */
class NoticeWritesTest {
  static final Publisher CITY = new Publisher("dept-1", "会津若松市", PublisherKind.DEPARTMENT);
  static final NoticeDraft DRAFT = Json.read(NoticeTestSupport.DRAFT, NoticeDraft.class);

  private final Clock clock = Clock.fixed(NoticeTestSupport.NOW, ZoneOffset.UTC);
  private final RecordPublisher kafka = mock(RecordPublisher.class);
  private final NoticeLedger ledger = new NoticeLedger(LedgerSettings.defaults(), clock);
  private final NoticeWrites writes =
      new NoticeWrites(kafka, ledger, new NoticeListing(ledger), LedgerSettings.defaults(), clock);
  private final CountDownLatch writing = new CountDownLatch(1);
  private final CountDownLatch acknowledge = new CountDownLatch(1);

  NoticeWritesTest() {
    ledger.markCaughtUp();
  }

  /** The next publish to Kafka signals {@link #writing} and waits for {@link #acknowledge}. */
  private void holdTheNextWrite() {
    doAnswer(
            call -> {
              writing.countDown();
              assertThat(acknowledge.await(10, TimeUnit.SECONDS)).isTrue();
              return null;
            })
        .doNothing()
        .when(kafka)
        .publish(any(), any(), any(), anyMap());
  }

  private static HttpStatus statusOf(Throwable e) {
    return HttpStatus.valueOf(((ResponseStatusException) e).getStatusCode().value());
  }

  @Test
  void aSecondPostWithTheKeyWhileTheFirstIsBeingWrittenIs409() throws Exception {
    holdTheNextWrite();
    IdempotencyKey key = IdempotencyKey.parse("k-1");
    var first = CompletableFuture.supplyAsync(() -> writes.publishOnce(CITY, DRAFT, key));
    assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();

    assertThatThrownBy(() -> writes.publishOnce(CITY, DRAFT, key))
        .satisfies(e -> assertThat(statusOf(e)).isEqualTo(HttpStatus.CONFLICT));

    acknowledge.countDown();
    String id = first.get(10, TimeUnit.SECONDS).notice().id();
    // Once the first is written, the same retry gets it back.
    assertThat(writes.publishOnce(CITY, DRAFT, key).notice().id()).isEqualTo(id);
    verify(kafka, times(1)).publish(any(), any(), any(), anyMap());
  }

  @Test
  void twoPutsNamingTheSameVersionCannotBothPassTheSecondIs412() throws Exception {
    Notice v1 = writes.publish(CITY, DRAFT).notice();
    holdTheNextWrite();
    Precondition ifMatch = Precondition.required("\"1\"");
    var first =
        CompletableFuture.supplyAsync(() -> writes.update("dept-1", v1.id(), ifMatch, DRAFT));
    assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();

    var outcome = new CompletableFuture<Throwable>();
    Thread second =
        new Thread(
            () -> {
              try {
                writes.update("dept-1", v1.id(), ifMatch, DRAFT);
                outcome.complete(null);
              } catch (RuntimeException e) {
                outcome.complete(e);
              }
            });
    second.start();
    // The second waits for the first to finish writing: it is blocked on the notice's lock.
    while (second.getState() != Thread.State.BLOCKED
        && second.getState() != Thread.State.TERMINATED) {
      Thread.onSpinWait();
    }
    assertThat(second.getState()).isEqualTo(Thread.State.BLOCKED);
    acknowledge.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS).version()).isEqualTo(2);
    Throwable refused = outcome.get(10, TimeUnit.SECONDS);
    assertThat(refused).isNotNull();
    assertThat(statusOf(refused)).isEqualTo(HttpStatus.PRECONDITION_FAILED);
    assertThat(ledger.current(v1.id()))
        .get()
        .extracting(Notice::status)
        .isEqualTo(NoticeStatus.UPDATED);
    verify(kafka, times(2)).publish(any(), any(), any(), anyMap()); // the post and one update
  }
}
