package io.kairan.api.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kairan.api.MovingClock;
import io.kairan.api.approval.Approval;
import io.kairan.api.approval.ApprovalBook;
import io.kairan.api.approval.ApprovalState;
import io.kairan.api.approval.Decision;
import io.kairan.api.kafka.WrittenRecords;
import io.kairan.api.kafka.WrittenRecords.Written;
import io.kairan.api.ledger.LedgerSettings;
import io.kairan.api.ledger.NoticeLedger;
import io.kairan.api.problem.NotYoursException;
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
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Approval of firms' notices on a clock the test moves, with what the API writes to Kafka recorded
 * in order, so a restarted instance can be built from exactly those records.
 */
class NoticeApprovalsTest {
  static final Publisher SHOP = new Publisher("shop-1", "会津商店", PublisherKind.FIRM);
  static final NoticeDraft DRAFT = Json.read(NoticeTestSupport.DRAFT, NoticeDraft.class);
  static final Instant NOW = NoticeTestSupport.NOW;
  static final String AIZU = "072028";
  static final NoticeApprovals.Approver DEPT = new NoticeApprovals.Approver("dept-1", AIZU);

  private final MovingClock clock = new MovingClock(NOW);
  private final WrittenRecords records = new WrittenRecords();

  /** An API instance: its ledger and approvals, both read to the end of what was written. */
  private record Instance(NoticeLedger ledger, ApprovalBook book, NoticeApprovals approvals) {}

  private Instance start() {
    NoticeLedger ledger = new NoticeLedger(LedgerSettings.defaults(), clock);
    ApprovalBook book = new ApprovalBook();
    records.replay(ApprovalBook.TOPIC, book::accept);
    records.replay(Topics.NOTICES, (id, json) -> ledger.apply(Json.read(json, Notice.class)));
    ledger.markCaughtUp();
    book.markCaughtUp();
    return new Instance(
        ledger,
        book,
        new NoticeApprovals(records.publisher, book, ledger, LedgerSettings.defaults(), clock));
  }

  private List<Notice> published() {
    return records.valuesOn(Topics.NOTICES, Notice.class);
  }

  @Test
  void aFirmsNoticeWaitsOnTheApprovalsTopicAndNothingIsWrittenToNoticesV1() {
    Approval pending = start().approvals().submit(SHOP, DRAFT);

    assertThat(pending.state()).isEqualTo(ApprovalState.PENDING_APPROVAL);
    assertThat(pending.submittedAt()).isEqualTo(NOW);
    assertThat(pending.decision()).isNull();
    assertThat(records.all)
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.topic()).isEqualTo("notices.approvals.v1");
              assertThat(w.key()).isEqualTo(pending.id());
            });
    assertThat(published()).isEmpty();
  }

  @Test
  void anApprovedNoticeIsPublishedAsVersion1UnderItsIdWithWhoApprovedItAndWhen() {
    Instance api = start();
    Approval pending = api.approvals().submit(SHOP, DRAFT);
    Instant approvedAt = NOW.plus(Duration.ofMinutes(42));
    clock.set(approvedAt);

    Approval approved = api.approvals().approve(DEPT, pending.id());

    assertThat(approved.state()).isEqualTo(ApprovalState.APPROVED);
    assertThat(approved.decision()).isEqualTo(new Decision("dept-1", approvedAt, null));
    assertThat(approved.publishedAt()).isEqualTo(approvedAt);
    Written onNotices = records.on(Topics.NOTICES).get(0);
    assertThat(onNotices.headers())
        .isEqualTo(
            Map.of("kairan-approved-by", "dept-1", "kairan-approved-at", "2026-11-23T09:42:00Z"));
    assertThat(published())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.id()).isEqualTo(pending.id());
              assertThat(n.version()).isEqualTo(1);
              assertThat(n.status()).isEqualTo(NoticeStatus.PUBLISHED);
              assertThat(n.publishedAt()).isEqualTo(approvedAt);
              assertThat(n.publisher()).isEqualTo(SHOP);
            });
    assertThat(api.ledger().current(pending.id())).isPresent();
    assertThat(api.book().waitingIn(AIZU)).isEmpty();
  }

  @Test
  void aRejectedNoticeKeepsItsReasonWhoAndWhenAndIsNeverPublished() {
    Instance api = start();
    Approval pending = api.approvals().submit(SHOP, DRAFT);
    clock.set(NOW.plusSeconds(90));

    api.approvals().reject(DEPT, pending.id(), new NoticeApprovals.Rejection("営業時間の記載がありません"));

    Instance restarted = start();
    restarted.approvals().publishApproved();
    assertThat(restarted.approvals().notPublishedOf("shop-1"))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.state()).isEqualTo(ApprovalState.REJECTED);
              assertThat(a.decision())
                  .isEqualTo(new Decision("dept-1", NOW.plusSeconds(90), "営業時間の記載がありません"));
            });
    assertThat(published()).isEmpty();
  }

  @Test
  void theBookReplayedFromTheTopicsRecordsHoldsWhatTheWritingInstanceHeld() {
    Instance api = start();
    Approval waiting = api.approvals().submit(SHOP, DRAFT);
    Approval approved = api.approvals().submit(SHOP, DRAFT);
    Approval rejected = api.approvals().submit(SHOP, DRAFT);
    Approval elsewhere =
        api.approvals()
            .submit(
                SHOP,
                Json.read(NoticeTestSupport.DRAFT.replace(AIZU, "072044"), NoticeDraft.class));
    clock.set(NOW.plusSeconds(60));
    api.approvals().approve(DEPT, approved.id());
    api.approvals().reject(DEPT, rejected.id(), new NoticeApprovals.Rejection("重複"));

    Instance restarted = start();

    for (Approval a : List.of(waiting, approved, rejected, elsewhere)) {
      assertThat(restarted.book().get(a.id())).isEqualTo(api.book().get(a.id())).isPresent();
    }
    assertThat(restarted.book().waitingIn(AIZU)).containsExactly(waiting);
    assertThat(restarted.book().waitingIn("072044")).containsExactly(elsewhere);
  }

  @Test
  void anApprovalWhosePublicationDidNotCompleteIsPublishedOnceByTheNextInstance() {
    Instance first = start();
    Approval pending = first.approvals().submit(SHOP, DRAFT);
    clock.set(NOW.plusSeconds(30));
    first.approvals().approve(DEPT, pending.id());
    // The API died after writing the decision: neither the notice nor "published" made it.
    records.all.subList(2, records.all.size()).clear();
    assertThat(published()).isEmpty();

    clock.set(NOW.plusSeconds(45));
    Instance restarted = start();
    restarted.approvals().publishApproved();
    restarted.approvals().publishApproved();

    assertThat(published())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.id()).isEqualTo(pending.id());
              assertThat(n.publishedAt()).isEqualTo(NOW.plusSeconds(30)); // the decision's time
            });
    assertThat(start().book().awaitingPublication()).isEmpty();
  }

  @Test
  void aNoticePublishedJustBeforeARestartIsNotPublishedAgain() {
    Instance first = start();
    Approval pending = first.approvals().submit(SHOP, DRAFT);
    first.approvals().approve(DEPT, pending.id());
    records.all.remove(records.all.size() - 1); // "published" never made it to the topic

    start().approvals().publishApproved();

    assertThat(published()).hasSize(1);
    assertThat(start().book().awaitingPublication()).isEmpty();
  }

  @Test
  void aSecondDecisionIs409AndChangesNothing() {
    Instance api = start();
    Approval pending = api.approvals().submit(SHOP, DRAFT);
    api.approvals().approve(DEPT, pending.id());
    int writtenBefore = records.all.size();

    assertThatThrownBy(() -> api.approvals().approve(DEPT, pending.id()))
        .isInstanceOfSatisfying(
            ResponseStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT));
    assertThatThrownBy(
            () ->
                api.approvals()
                    .reject(DEPT, pending.id(), new NoticeApprovals.Rejection("too late")))
        .isInstanceOfSatisfying(
            ResponseStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT));
    assertThat(records.all).hasSize(writtenBefore);
  }

  @Test
  void anotherMunicipalitysDepartmentCanNeitherApproveNorRejectNorSeeTheQueue() {
    Instance api = start();
    Approval pending = api.approvals().submit(SHOP, DRAFT);
    var kitakata = new NoticeApprovals.Approver("dept-9", "072087");

    assertThatThrownBy(() -> api.approvals().approve(kitakata, pending.id()))
        .isInstanceOf(NotYoursException.class);
    assertThatThrownBy(
            () ->
                api.approvals().reject(kitakata, pending.id(), new NoticeApprovals.Rejection("no")))
        .isInstanceOf(NotYoursException.class);
    assertThat(api.approvals().queue(kitakata)).isEmpty();
    assertThat(api.approvals().queue(DEPT)).containsExactly(pending);
  }

  @Test
  void aRejectionWithoutAReasonIsRefusedNamingReason() {
    Instance api = start();
    Approval pending = api.approvals().submit(SHOP, DRAFT);

    for (var rejection :
        new NoticeApprovals.Rejection[] {
          null, new NoticeApprovals.Rejection(null), new NoticeApprovals.Rejection("  ")
        }) {
      assertThatThrownBy(() -> api.approvals().reject(DEPT, pending.id(), rejection))
          .isInstanceOfSatisfying(
              InvalidRecordException.class,
              e -> assertThat(e.problems()).singleElement().asString().startsWith("reason:"));
    }
    assertThat(api.book().get(pending.id())).contains(pending);
  }

  @Test
  void aFirmsEmergencyIsRefusedAndNothingIsWritten() {
    NoticeDraft emergency =
        Json.read(
            NoticeTestSupport.DRAFT.replace("\"IMPORTANT\"", "\"EMERGENCY\""), NoticeDraft.class);

    assertThatThrownBy(() -> start().approvals().submit(SHOP, emergency))
        .isInstanceOfSatisfying(
            InvalidRecordException.class,
            e -> assertThat(e.problems()).contains("severity: a firm cannot publish an emergency"));
    assertThat(records.all).isEmpty();
  }

  @Test
  void approvingANoticeWhoseValidityEndedIs409AndPublishesNothing() {
    Instance api = start();
    Approval pending = api.approvals().submit(SHOP, DRAFT);
    clock.set(Instant.parse("2026-12-23T00:00:00Z")); // the draft's validity.until

    assertThatThrownBy(() -> api.approvals().approve(DEPT, pending.id()))
        .isInstanceOfSatisfying(
            ResponseStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT));
    assertThat(published()).isEmpty();
    assertThat(api.book().waitingIn(AIZU)).containsExactly(pending);
  }

  @Test
  void entriesAreForgottenThirtyDaysAfterTheirValidityEndedAndARestartDoesNotBringThemBack() {
    Instance api = start();
    Approval rejected = api.approvals().submit(SHOP, DRAFT);
    Approval waiting = api.approvals().submit(SHOP, DRAFT);
    api.approvals().reject(DEPT, rejected.id(), new NoticeApprovals.Rejection("重複"));
    Instant forgetAt = Instant.parse("2027-01-22T00:00:00Z"); // until 2026-12-23 + 30 days

    clock.set(forgetAt);
    api.approvals().forgetEnded();
    assertThat(api.book().get(rejected.id())).isPresent();

    clock.set(forgetAt.plusMillis(1));
    api.approvals().forgetEnded();
    assertThat(api.book().get(rejected.id())).isEmpty();
    assertThat(api.book().get(waiting.id())).isEmpty();
    assertThat(start().book().get(rejected.id())).isEmpty();
    assertThat(start().book().get(waiting.id())).isEmpty();
  }

  @Test
  void anIdempotencyKeyIsHonouredAfterARestartFor24HoursThenNoLonger() {
    var key = new IdempotencyKey("k-1");
    Approval first = start().approvals().submitOnce(SHOP, DRAFT, key).made();

    clock.set(NOW.plus(Duration.ofHours(24)));
    var retried = start().approvals().submitOnce(SHOP, DRAFT, key);
    assertThat(retried.replayed()).isTrue();
    assertThat(retried.made()).isEqualTo(first);

    clock.set(NOW.plus(Duration.ofHours(24)).plusMillis(1));
    var later = start().approvals().submitOnce(SHOP, DRAFT, key);
    assertThat(later.replayed()).isFalse();
    assertThat(later.made().id()).isNotEqualTo(first.id());
  }

  @Test
  void anotherFirmsKeyIsItsOwn() {
    var key = new IdempotencyKey("k-1");
    Instance api = start();
    Approval shops = api.approvals().submitOnce(SHOP, DRAFT, key).made();

    var bakery = new Publisher("bakery-1", "会津パン", PublisherKind.FIRM);
    var other = api.approvals().submitOnce(bakery, DRAFT, key);

    assertThat(other.replayed()).isFalse();
    assertThat(other.made().id()).isNotEqualTo(shops.id());
  }
}
