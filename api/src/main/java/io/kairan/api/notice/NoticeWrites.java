package io.kairan.api.notice;

import io.kairan.api.kafka.RecordPublisher;
import io.kairan.api.ledger.FirstPost;
import io.kairan.api.ledger.LedgerHeaders;
import io.kairan.api.ledger.LedgerNotReadyException;
import io.kairan.api.ledger.LedgerSettings;
import io.kairan.api.ledger.NoticeLedger;
import io.kairan.api.ledger.NoticeVersions;
import io.kairan.api.ledger.PostKey;
import io.kairan.api.problem.NotFoundException;
import io.kairan.api.problem.NotYoursException;
import io.kairan.model.Problems;
import io.kairan.model.Topics;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Publishing, updating and withdrawing, decided on the {@link NoticeLedger} (never on the read
 * model): the owner, the current version and withdrawn-is-final are checked, the new version is
 * written to notices.v1, and once Kafka acknowledged it the ledger holds it, so the next write sees
 * it at once. Writes to one notice take turns (a lock per notice), so two updates naming the same
 * version cannot both pass: the second gets 412.
 */
@Component
class NoticeWrites {
  private final StripedLocks locks = new StripedLocks();
  private final OncePerKey<Notice> posts = new OncePerKey<>();
  private final RecordPublisher kafka;
  private final NoticeLedger ledger;
  private final NoticeListing listing;
  private final LedgerSettings settings;
  private final Clock clock;

  NoticeWrites(
      RecordPublisher kafka,
      NoticeLedger ledger,
      NoticeListing listing,
      LedgerSettings settings,
      Clock clock) {
    this.kafka = kafka;
    this.ledger = ledger;
    this.listing = listing;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * @param replayed true when an earlier post with the same Idempotency-Key made this notice
   */
  record Posted(Notice notice, boolean replayed) {}

  Posted publish(Publisher publisher, NoticeDraft draft) {
    awaitLedger();
    Notice notice = firstVersion(publisher, draft);
    accept(notice, Map.of());
    return new Posted(notice, false);
  }

  /**
   * A post with an Idempotency-Key: the first one publishes; a retry with the same body gets the
   * first notice back; the same key with another body is 422; while the first is still being
   * written, a second is 409 (as the IETF draft on the Idempotency-Key header says).
   */
  Posted publishOnce(Publisher publisher, NoticeDraft draft, IdempotencyKey key) {
    awaitLedger();
    PostKey postKey = new PostKey(publisher.id(), key.value());
    String fingerprint = DraftFingerprint.of(draft);
    var outcome =
        posts.once(
            postKey,
            fingerprint,
            () ->
                ledger
                    .firstPost(postKey)
                    .map(
                        f ->
                            new OncePerKey.Earlier<>(f.notice(), f.fingerprint(), f.notice().id())),
            () -> {
              Notice notice = firstVersion(publisher, draft);
              accept(
                  notice,
                  Map.of(
                      LedgerHeaders.IDEMPOTENCY_KEY,
                      key.value(),
                      LedgerHeaders.FINGERPRINT,
                      fingerprint));
              ledger.recordPost(new FirstPost(postKey, fingerprint, notice));
              return notice;
            });
    return new Posted(outcome.made(), outcome.replayed());
  }

  /** The caller's own notice in its current version. */
  Notice owned(String callerId, String id) {
    return ownedVersions(callerId, id).current();
  }

  /** The caller's own notice, every version the ledger holds. */
  NoticeVersions ownedVersions(String callerId, String id) {
    awaitLedger();
    NoticeVersions held =
        ledger.versions(id).orElseThrow(() -> new NotFoundException("no notice " + id));
    if (!held.current().publisher().id().equals(callerId)) {
      throw new NotYoursException("notice " + id + " belongs to another publisher");
    }
    return held;
  }

  /** A page of the caller's own notices, once the ledger is read. */
  NoticeListing.Page list(String callerId, NoticeListing.Query query) {
    awaitLedger();
    return listing.page(callerId, query);
  }

  /** A new version from a draft; {@code ifMatch} must name the current version. */
  Notice update(String callerId, String id, Precondition ifMatch, NoticeDraft draft) {
    synchronized (lockFor(id)) {
      refuseWhatChanged(draft);
      Notice current = changeable(callerId, id, ifMatch);
      // A silent update changes the feed only; a significant change is pushed again, marked.
      NoticeStatus status =
          draft.isSignificantChange() ? NoticeStatus.CHANGED : NoticeStatus.UPDATED;
      Notice next =
          draft.toNotice(id, current.version() + 1, current.publisher(), status, clock.instant());
      if (current.publisher().kind() == PublisherKind.FIRM) {
        // What a firm's notice says was approved; a change would need approval again.
        check(next);
        throw new ResponseStatusException(
            HttpStatus.FORBIDDEN,
            "A firm's notice was approved as it is and cannot be changed; withdraw it and post"
                + " the new one for approval.");
      }
      accept(next, Map.of());
      return next;
    }
  }

  /**
   * A correction: the next version, marked, saying what it puts right. The job sends it to every
   * resident who was sent an earlier version (FCM cannot recall a push), and to whoever its
   * audience now takes in. {@code ifMatch} must name the current version.
   */
  Notice correct(String callerId, String id, Precondition ifMatch, NoticeDraft draft) {
    synchronized (lockFor(id)) {
      Notice current = changeable(callerId, id, ifMatch);
      Notice next =
          draft.toNotice(
              id,
              current.version() + 1,
              current.publisher(),
              NoticeStatus.CORRECTED,
              clock.instant());
      if (current.publisher().kind() == PublisherKind.FIRM) {
        check(next);
        throw new ResponseStatusException(
            HttpStatus.FORBIDDEN,
            "A firm's notice was approved as it is and cannot be corrected; withdraw it and post"
                + " the corrected one for approval.");
      }
      accept(next, Map.of());
      return next;
    }
  }

  /** Only a correction says what changed: elsewhere the field would be dropped unseen. */
  static void refuseWhatChanged(NoticeDraft draft) {
    new Problems()
        .require(
            !draft.saysWhatChanged(),
            "whatChanged",
            "only a correction says what changed (POST /api/v1/notices/{id}/correct)")
        .throwIfAny();
  }

  /** The next version, withdrawn; {@code ifMatch} may be absent (any current version). */
  Notice withdraw(String callerId, String id, Precondition ifMatch) {
    synchronized (lockFor(id)) {
      Notice current = changeable(callerId, id, ifMatch);
      Notice withdrawn =
          current.withVersion(current.version() + 1, NoticeStatus.WITHDRAWN, clock.instant());
      kafka.publish(Topics.NOTICES, id, withdrawn, Map.of());
      ledger.apply(withdrawn);
      return withdrawn;
    }
  }

  /** Owner first (others learn nothing), then withdrawn-is-final, then the precondition. */
  private Notice changeable(String callerId, String id, Precondition ifMatch) {
    Notice current = owned(callerId, id);
    if (current.isWithdrawn()) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "Notice " + id + " was withdrawn; a withdrawn notice is final.");
    }
    ifMatch.check(current);
    return current;
  }

  private Notice firstVersion(Publisher publisher, NoticeDraft draft) {
    refuseWhatChanged(draft);
    return draft.toNotice(
        UUID.randomUUID().toString(), 1, publisher, NoticeStatus.PUBLISHED, clock.instant());
  }

  private void accept(Notice notice, Map<String, String> headers) {
    check(notice);
    kafka.publish(Topics.NOTICES, notice.id(), notice, headers);
    ledger.apply(notice);
  }

  /**
   * What every version must be to be published (and a draft to be previewed): valid as a notice,
   * and no emergency from a firm. A problem document (400) names each invalid field.
   */
  static void check(Notice notice) {
    problemsOf(notice).throwIfAny();
  }

  static Problems problemsOf(Notice notice) {
    var problems = new Problems().merge(notice.problems());
    // Firms post offers and events; only the city may interrupt residents with an emergency.
    return problems.require(
        notice.publisher().kind() != PublisherKind.FIRM || notice.severity() != Severity.EMERGENCY,
        "severity",
        "a firm cannot publish an emergency");
  }

  private void awaitLedger() {
    if (!ledger.awaitCaughtUp(settings.writeWait())) {
      throw new LedgerNotReadyException();
    }
  }

  private Object lockFor(String id) {
    return locks.of(id);
  }
}
