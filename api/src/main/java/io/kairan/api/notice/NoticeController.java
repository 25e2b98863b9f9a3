package io.kairan.api.notice;

import io.kairan.api.approval.Approval;
import io.kairan.api.ledger.NoticeVersions;
import io.kairan.api.schedule.ScheduledNotice;
import io.kairan.api.security.PublisherToken;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * POST /api/v1/notices (Idempotency-Key), GET and PUT /api/v1/notices/{id} (ETag, If-Match), POST
 * /api/v1/notices/{id}/withdraw, GET /api/v1/notices/{id}/figures. Withdrawn is final: every change
 * to a withdrawn notice is a 409, so it can never come back into feeds.
 */
@RestController
class NoticeController {
  static final String REPLAYED = "Idempotent-Replayed";
  private final NoticeWrites writes;
  private final FiguresReader figures;
  private final NoticeSchedule schedule;
  private final NoticeApprovals approvals;

  NoticeController(
      NoticeWrites writes,
      FiguresReader figures,
      NoticeSchedule schedule,
      NoticeApprovals approvals) {
    this.writes = writes;
    this.figures = figures;
    this.schedule = schedule;
    this.approvals = approvals;
  }

  /** Reach and push outcomes of one's own notice; groups under 10 are withheld. */
  @GetMapping("/api/v1/notices/{id}/figures")
  NoticeFigures figures(Authentication caller, @PathVariable String id) {
    writes.owned(publisher(caller).id(), id);
    return figures.figures(id);
  }

  /**
   * One's own notice in its current version, with that version as its ETag, and the versions it
   * went through.
   */
  @GetMapping("/api/v1/notices/{id}")
  ResponseEntity<NoticeRead> read(Authentication caller, @PathVariable String id) {
    NoticeVersions held = writes.ownedVersions(publisher(caller).id(), id);
    return ResponseEntity.ok().eTag(Precondition.tagOf(held.current())).body(NoticeRead.of(held));
  }

  /** One's own notices, newest first, a page at a time; by status and category if asked. */
  @GetMapping("/api/v1/notices")
  NoticeListing.Page list(
      Authentication caller,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) Integer size,
      @RequestParam(required = false) String cursor) {
    return writes.list(
        publisher(caller).id(), new NoticeListing.Query(status, category, size, cursor));
  }

  /**
   * A department's notice is published at once (201); a firm's waits for approval (202 with the
   * waiting notice), and is on notices.v1 only once a department or an operator approved it.
   */
  @PostMapping("/api/v1/notices")
  ResponseEntity<?> publish(
      Authentication caller,
      @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey,
      @RequestBody NoticeDraft draft) {
    Publisher publisher = publisherFor(caller, draft);
    if (publisher.kind() == PublisherKind.FIRM) {
      var submitted =
          idempotencyKey == null
              ? new OncePerKey.Outcome<>(approvals.submit(publisher, draft), false)
              : approvals.submitOnce(publisher, draft, IdempotencyKey.parse(idempotencyKey));
      var response = ResponseEntity.accepted().location(URI.create("/api/v1/notices/pending"));
      if (submitted.replayed()) {
        response.header(REPLAYED, "true");
      }
      return response.body(submitted.made());
    }
    NoticeWrites.Posted posted =
        idempotencyKey == null
            ? writes.publish(publisher, draft)
            : writes.publishOnce(publisher, draft, IdempotencyKey.parse(idempotencyKey));
    Notice notice = posted.notice();
    var response =
        ResponseEntity.created(URI.create("/api/v1/notices/" + notice.id()))
            .eTag(Precondition.tagOf(notice));
    if (posted.replayed()) {
      response.header(REPLAYED, "true");
    }
    return response.body(notice);
  }

  /** The caller's notices waiting for approval or rejected (with the reason), newest first. */
  @GetMapping("/api/v1/notices/pending")
  List<Approval> pending(Authentication caller) {
    return approvals.notPublishedOf(publisher(caller).id());
  }

  /**
   * A notice to publish later (body: publishAt and the notice); kept across restarts. Departments
   * only: a firm's notice waits for approval instead.
   */
  @PostMapping("/api/v1/notices/scheduled")
  ResponseEntity<ScheduledNotice> schedule(
      Authentication caller, @RequestBody NoticeSchedule.Request request) {
    Publisher publisher = publisherFor(caller, request.notice());
    if (publisher.kind() == PublisherKind.FIRM) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN,
          "A firm's notice waits for approval and cannot be scheduled; post it instead.");
    }
    ScheduledNotice entry = schedule.schedule(publisher, request);
    return ResponseEntity.created(URI.create("/api/v1/notices/scheduled/" + entry.id()))
        .body(entry);
  }

  /** One's own notices waiting for their time, soonest first. */
  @GetMapping("/api/v1/notices/scheduled")
  List<ScheduledNotice> scheduled(Authentication caller) {
    return schedule.of(publisher(caller).id());
  }

  @PutMapping("/api/v1/notices/scheduled/{id}")
  ScheduledNotice reschedule(
      Authentication caller, @PathVariable String id, @RequestBody NoticeSchedule.Request request) {
    return schedule.reschedule(publisherFor(caller, request.notice()).id(), id, request);
  }

  @DeleteMapping("/api/v1/notices/scheduled/{id}")
  ResponseEntity<Void> cancel(Authentication caller, @PathVariable String id) {
    schedule.cancel(publisher(caller).id(), id);
    return ResponseEntity.noContent().build();
  }

  @PutMapping("/api/v1/notices/{id}")
  ResponseEntity<Notice> update(
      Authentication caller,
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody NoticeDraft draft) {
    Notice next =
        writes.update(publisherFor(caller, draft).id(), id, Precondition.required(ifMatch), draft);
    return ResponseEntity.ok().eTag(Precondition.tagOf(next)).body(next);
  }

  /**
   * Puts a mistake right: a new version, marked 【訂正】, that says what changed and reaches every
   * resident who was sent an earlier version, even one no longer in the audience.
   */
  @PostMapping("/api/v1/notices/{id}/correct")
  ResponseEntity<Notice> correct(
      Authentication caller,
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody NoticeDraft draft) {
    Notice next =
        writes.correct(publisherFor(caller, draft).id(), id, Precondition.required(ifMatch), draft);
    return ResponseEntity.ok().eTag(Precondition.tagOf(next)).body(next);
  }

  @PostMapping("/api/v1/notices/{id}/withdraw")
  ResponseEntity<Notice> withdraw(
      Authentication caller,
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    Notice withdrawn = writes.withdraw(publisher(caller).id(), id, Precondition.optional(ifMatch));
    return ResponseEntity.ok().eTag(Precondition.tagOf(withdrawn)).body(withdrawn);
  }

  /**
   * The publisher is who the token says (role DEPARTMENT or FIRM, bound to its municipality); a
   * caller cannot post as someone else, as a feed or for another municipality. A token that is not
   * exactly one of the two is refused on every notice endpoint, whatever other roles it carries:
   * guessing a kind would let a mistyped token post emergencies.
   */
  static Publisher publisher(Authentication caller) {
    return PublisherToken.of(caller).publisher();
  }

  /** The caller as the publisher of this draft: 403 if it is for another municipality. */
  private static Publisher publisherFor(Authentication caller, NoticeDraft draft) {
    PublisherToken token = PublisherToken.of(caller);
    if (draft != null && draft.municipalityCode() != null) {
      token.mayPublishFor(draft.municipalityCode());
    }
    return token.publisher();
  }
}
