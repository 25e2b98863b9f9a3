package io.kairan.api.notice;

import io.kairan.api.approval.Approval;
import io.kairan.api.draft.DraftBook;
import io.kairan.api.draft.SavedDraft;
import io.kairan.api.kafka.RecordPublisher;
import io.kairan.api.ledger.LedgerNotReadyException;
import io.kairan.api.ledger.LedgerSettings;
import io.kairan.api.problem.NotFoundException;
import io.kairan.api.problem.NotYoursException;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Drafts a publisher saves while writing: anything may be missing until it is published, when it is
 * checked as a post is and goes the way a post goes (a department's is published, a firm's waits
 * for approval). Saving, discarding and publishing one draft take turns, so a draft is published at
 * most once.
 */
@Component
class NoticeDrafts {
  /** Enough for a department's desk; a runaway client stops here, not at the topic's size. */
  static final int MAX_PER_PUBLISHER = 200;

  private final StripedLocks locks = new StripedLocks();
  private final RecordPublisher kafka;
  private final DraftBook book;
  private final NoticeWrites writes;
  private final NoticeApprovals approvals;
  private final LedgerSettings settings;
  private final Clock clock;

  NoticeDrafts(
      RecordPublisher kafka,
      DraftBook book,
      NoticeWrites writes,
      NoticeApprovals approvals,
      LedgerSettings settings,
      Clock clock) {
    this.kafka = kafka;
    this.book = book;
    this.writes = writes;
    this.approvals = approvals;
    this.settings = settings;
    this.clock = clock;
  }

  /** What publishing a draft gave: the notice (a department's) or its approval (a firm's). */
  record Published(io.kairan.model.notice.Notice notice, Approval approval) {}

  /** A draft is kept in every API's memory: no larger than a notice can be, with room to spare. */
  static final int MAX_DRAFT_CHARS = 64 * 1024;

  private static void refuseTooLarge(NoticeDraft notice) {
    if (io.kairan.model.json.Json.write(notice).length() > MAX_DRAFT_CHARS) {
      throw new ResponseStatusException(
          HttpStatus.PAYLOAD_TOO_LARGE,
          "A draft is at most " + MAX_DRAFT_CHARS + " characters of JSON.");
    }
  }

  SavedDraft save(Publisher publisher, NoticeDraft notice) {
    awaitBook();
    NoticeWrites.refuseWhatChanged(notice);
    refuseTooLarge(notice);
    if (book.ofPublisher(publisher.id()).size() >= MAX_PER_PUBLISHER) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT,
          "You have "
              + MAX_PER_PUBLISHER
              + " drafts, the most one publisher may keep: publish or discard some first.");
    }
    SavedDraft draft =
        new SavedDraft(UUID.randomUUID().toString(), publisher, notice, clock.instant());
    write(draft);
    return draft;
  }

  SavedDraft change(String callerId, String id, NoticeDraft notice) {
    awaitBook();
    NoticeWrites.refuseWhatChanged(notice);
    refuseTooLarge(notice);
    synchronized (locks.of(id)) {
      SavedDraft held = owned(callerId, id);
      SavedDraft changed = new SavedDraft(id, held.publisher(), notice, clock.instant());
      write(changed);
      return changed;
    }
  }

  SavedDraft get(String callerId, String id) {
    awaitBook();
    return owned(callerId, id);
  }

  List<SavedDraft> of(String callerId) {
    awaitBook();
    return book.ofPublisher(callerId);
  }

  void discard(String callerId, String id) {
    awaitBook();
    synchronized (locks.of(id)) {
      owned(callerId, id);
      forget(id);
    }
  }

  /**
   * Publishes the draft as a post: a problem (400) names what is still missing and keeps the draft;
   * once published or waiting for approval, the draft is gone.
   */
  Published publish(String callerId, String id) {
    awaitBook();
    synchronized (locks.of(id)) {
      SavedDraft held = owned(callerId, id);
      // The draft's id is the post's idempotency key: when the draft could not be forgotten after
      // it was published, publishing it again gives the same notice, not a second one.
      IdempotencyKey key = IdempotencyKey.parse("draft-" + id);
      Published published =
          held.publisher().kind() == PublisherKind.FIRM
              ? new Published(
                  null, approvals.submitOnce(held.publisher(), held.notice(), key).made())
              : new Published(
                  writes.publishOnce(held.publisher(), held.notice(), key).notice(), null);
      forget(id);
      return published;
    }
  }

  private SavedDraft owned(String callerId, String id) {
    SavedDraft held =
        book.get(id)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "no draft " + id + " (it may be published or discarded)"));
    if (!held.publisherId().equals(callerId)) {
      throw new NotYoursException("draft " + id + " belongs to another publisher");
    }
    return held;
  }

  private void write(SavedDraft draft) {
    kafka.publish(DraftBook.TOPIC, draft.id(), draft, Map.of());
    book.put(draft);
  }

  private void forget(String id) {
    kafka.publish(DraftBook.TOPIC, id, null, Map.of());
    book.remove(id);
  }

  private void awaitBook() {
    if (!book.awaitCaughtUp(settings.writeWait())) {
      throw new LedgerNotReadyException();
    }
  }
}
