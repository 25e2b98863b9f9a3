package io.kairan.api.notice;

import io.kairan.api.approval.Approval;
import io.kairan.api.approval.ApprovalBook;
import io.kairan.api.approval.ApprovalState;
import io.kairan.api.kafka.RecordPublisher;
import io.kairan.api.ledger.LedgerNotReadyException;
import io.kairan.api.ledger.LedgerSettings;
import io.kairan.api.ledger.NoticeLedger;
import io.kairan.api.ledger.PostKey;
import io.kairan.api.problem.NotFoundException;
import io.kairan.api.problem.NotYoursException;
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
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * A firm's notice waits for a department or an operator of its municipality: checked as a post is,
 * kept on notices.approvals.v1 (never on notices.v1, so the job cannot see it), and published as
 * version 1 under its id once approved, with who approved it and when. Each decision is written to
 * the approvals topic before the notice is published, so an approval whose publication did not
 * complete (Kafka down, the API stopped) is published once the API runs again. Decisions on one
 * notice take turns: the second of two is 409.
 */
@Component
class NoticeApprovals {
  private final StripedLocks locks = new StripedLocks();
  private final OncePerKey<Approval> posts = new OncePerKey<>();
  private final RecordPublisher kafka;
  private final ApprovalBook book;
  private final NoticeLedger ledger;
  private final LedgerSettings settings;
  private final Clock clock;

  NoticeApprovals(
      RecordPublisher kafka,
      ApprovalBook book,
      NoticeLedger ledger,
      LedgerSettings settings,
      Clock clock) {
    this.kafka = kafka;
    this.book = book;
    this.ledger = ledger;
    this.settings = settings;
    this.clock = clock;
  }

  /** Who decides: a department's or an operator's token subject and the municipality it names. */
  record Approver(String id, String municipalityCode) {}

  /** A reject's body. */
  record Rejection(String reason) {}

  /** A firm's notice, checked as a post is (no emergency), to wait for approval. */
  Approval submit(Publisher firm, NoticeDraft draft) {
    awaitBook();
    return waitingFrom(firm, draft, null, null);
  }

  /**
   * A firm's post with an Idempotency-Key (see {@link OncePerKey}); the key is kept with the
   * waiting notice, so it is honoured after a restart too, for {@code key-retention} (24 h).
   */
  OncePerKey.Outcome<Approval> submitOnce(Publisher firm, NoticeDraft draft, IdempotencyKey key) {
    awaitBook();
    String fingerprint = DraftFingerprint.of(draft);
    Instant since = clock.instant().minus(settings.keyRetention());
    return posts.once(
        new PostKey(firm.id(), key.value()),
        fingerprint,
        () ->
            book.postedWithKey(firm.id(), key.value(), since)
                .map(a -> new OncePerKey.Earlier<>(a, a.fingerprint(), a.id())),
        () -> waitingFrom(firm, draft, key.value(), fingerprint));
  }

  private Approval waitingFrom(
      Publisher firm, NoticeDraft draft, String idempotencyKey, String fingerprint) {
    Instant now = clock.instant();
    Notice notice =
        draft.toNotice(UUID.randomUUID().toString(), 1, firm, NoticeStatus.PUBLISHED, now);
    NoticeWrites.check(notice);
    Approval pending = Approval.pending(notice, now, idempotencyKey, fingerprint);
    write(pending);
    return pending;
  }

  /** The firm's own notices still waiting or rejected, newest first. */
  List<Approval> notPublishedOf(String firmId) {
    awaitBook();
    return book.notPublishedOf(firmId);
  }

  /** The approver's municipality's notices waiting, the longest waiting first. */
  List<Approval> queue(Approver approver) {
    awaitBook();
    return book.waitingIn(approver.municipalityCode());
  }

  /** Approves and publishes a waiting notice of the approver's municipality. */
  Approval approve(Approver approver, String id) {
    awaitBook();
    awaitLedger();
    synchronized (locks.of(id)) {
      Approval held = waiting(approver, id);
      Instant now = clock.instant();
      if (!held.end().isAfter(now)) {
        // Published now, it would reach nobody and only confuse the firm's figures.
        throw new ResponseStatusException(
            HttpStatus.CONFLICT,
            "Notice " + id + "'s validity ended at " + held.end() + "; reject it instead.");
      }
      Approval approved = held.approved(approver.id(), now);
      write(approved);
      return publish(approved);
    }
  }

  /** Rejects a waiting notice with a reason the firm reads; it is never published. */
  Approval reject(Approver approver, String id, Rejection rejection) {
    String reason = rejection == null ? null : rejection.reason();
    if (reason == null || reason.isBlank()) {
      throw new InvalidRecordException(
          List.of("reason: is required, so the firm learns why its notice was rejected"));
    }
    if (reason.length() > 2000) {
      throw new InvalidRecordException(List.of("reason: must be at most 2000 characters"));
    }
    awaitBook();
    synchronized (locks.of(id)) {
      Approval rejected = waiting(approver, id).rejected(approver.id(), clock.instant(), reason);
      write(rejected);
      return rejected;
    }
  }

  /**
   * Publishes approvals whose publication did not complete, once both topics are read. A notice the
   * ledger already holds (published just before a restart) is not published again; only its
   * approval is marked published.
   */
  void publishApproved() {
    if (!book.isCaughtUp() || !ledger.isCaughtUp()) {
      return;
    }
    for (Approval due : book.awaitingPublication()) {
      synchronized (locks.of(due.id())) {
        if (book.get(due.id()).filter(due::equals).isPresent()) {
          publish(due);
        }
      }
    }
  }

  /**
   * Forgets decided and waiting entries {@code forget-after} (as the ledger does, 30 days) after
   * their notice's validity ended: a tombstone on the topic, so a restart does not bring them back
   * and memory stays bounded.
   */
  void forgetEnded() {
    if (!book.isCaughtUp()) {
      return;
    }
    Instant cutoff = clock.instant().minus(settings.forgetAfter());
    for (Approval ended : book.endedBefore(cutoff)) {
      synchronized (locks.of(ended.id())) {
        if (book.get(ended.id()).filter(ended::equals).isPresent()) {
          kafka.publish(ApprovalBook.TOPIC, ended.id(), null, Map.of());
          book.remove(ended.id());
        }
      }
    }
  }

  /** The notice as version 1 on notices.v1, at the decision's time; then the approval says so. */
  private Approval publish(Approval approved) {
    if (ledger.current(approved.id()).isEmpty()) {
      Instant at = approved.decision().at();
      Notice first = approved.notice().withVersion(1, NoticeStatus.PUBLISHED, at);
      kafka.publish(
          Topics.NOTICES,
          first.id(),
          first,
          Map.of(
              Approval.APPROVED_BY_HEADER,
              approved.decision().by(),
              Approval.APPROVED_AT_HEADER,
              at.toString()));
      ledger.apply(first);
    }
    Approval published = approved.published(clock.instant());
    write(published);
    return published;
  }

  /** Unknown is 404; another municipality's is 403 (before anything else is said); decided 409. */
  private Approval waiting(Approver approver, String id) {
    Approval held =
        book.get(id).orElseThrow(() -> new NotFoundException("no notice " + id + " to approve"));
    if (!held.municipalityCode().equals(approver.municipalityCode())) {
      throw new NotYoursException(
          "notice "
              + id
              + " is for another municipality than yours ("
              + approver.municipalityCode()
              + ")");
    }
    if (held.state() != ApprovalState.PENDING_APPROVAL) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT,
          "Notice "
              + id
              + " was already "
              + (held.state() == ApprovalState.APPROVED ? "approved" : "rejected")
              + " by "
              + held.decision().by()
              + " at "
              + held.decision().at()
              + "; a decision is final.");
    }
    return held;
  }

  private void write(Approval approval) {
    kafka.publish(ApprovalBook.TOPIC, approval.id(), approval, Map.of());
    book.put(approval);
  }

  private void awaitBook() {
    if (!book.awaitCaughtUp(settings.writeWait())) {
      throw new LedgerNotReadyException();
    }
  }

  private void awaitLedger() {
    if (!ledger.awaitCaughtUp(settings.writeWait())) {
      throw new LedgerNotReadyException();
    }
  }
}
