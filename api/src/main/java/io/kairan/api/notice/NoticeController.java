package io.kairan.api.notice;

import io.kairan.api.index.NoticeStore;
import io.kairan.api.kafka.RecordPublisher;
import io.kairan.api.problem.NotFoundException;
import io.kairan.api.problem.NotYoursException;
import io.kairan.model.Problems;
import io.kairan.model.Topics;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * POST /api/v1/notices, PUT /api/v1/notices/{id}, POST /api/v1/notices/{id}/withdraw. Withdrawn is
 * final: every change to a withdrawn notice is a 409, so it can never come back into feeds.
 */
@RestController
class NoticeController {
  private final RecordPublisher kafka;
  private final NoticeStore store;
  private final Clock clock;
  private final FiguresReader figures;

  NoticeController(RecordPublisher kafka, NoticeStore store, Clock clock, FiguresReader figures) {
    this.kafka = kafka;
    this.store = store;
    this.clock = clock;
    this.figures = figures;
  }

  /** Reach and push outcomes of one's own notice; groups under 10 are withheld. */
  @org.springframework.web.bind.annotation.GetMapping("/api/v1/notices/{id}/figures")
  NoticeFigures figures(@AuthenticationPrincipal Jwt caller, @PathVariable String id)
      throws java.io.IOException {
    ownedBy(caller, id);
    return figures.figures(id);
  }

  @PostMapping("/api/v1/notices")
  ResponseEntity<Notice> publish(
      @AuthenticationPrincipal Jwt caller, @RequestBody NoticeDraft draft) {
    Notice notice =
        draft.toNotice(
            UUID.randomUUID().toString(),
            1,
            publisher(caller),
            NoticeStatus.PUBLISHED,
            clock.instant());
    accept(notice);
    return ResponseEntity.created(URI.create("/api/v1/notices/" + notice.id())).body(notice);
  }

  @PutMapping("/api/v1/notices/{id}")
  Notice update(
      @AuthenticationPrincipal Jwt caller,
      @PathVariable String id,
      @RequestBody NoticeDraft draft) {
    Notice current = changeable(caller, id);
    // A silent update changes the feed only; a significant change is pushed again, marked.
    NoticeStatus status = draft.isSignificantChange() ? NoticeStatus.CHANGED : NoticeStatus.UPDATED;
    Notice next =
        draft.toNotice(id, current.version() + 1, current.publisher(), status, clock.instant());
    accept(next);
    return next;
  }

  @PostMapping("/api/v1/notices/{id}/withdraw")
  Notice withdraw(@AuthenticationPrincipal Jwt caller, @PathVariable String id) {
    Notice c = changeable(caller, id);
    Notice withdrawn = c.withVersion(c.version() + 1, NoticeStatus.WITHDRAWN, clock.instant());
    kafka.publish(Topics.NOTICES, id, withdrawn);
    return withdrawn;
  }

  private void accept(Notice notice) {
    var problems = new Problems().merge(notice.problems());
    // Firms post offers and events; only the city may interrupt residents with an emergency.
    problems.require(
        notice.publisher().kind() != PublisherKind.FIRM || notice.severity() != Severity.EMERGENCY,
        "severity",
        "a firm cannot publish an emergency");
    problems.throwIfAny();
    kafka.publish(Topics.NOTICES, notice.id(), notice);
  }

  private Notice ownedBy(Jwt caller, String id) {
    Notice current = store.find(id).orElseThrow(() -> new NotFoundException("no notice " + id));
    if (!current.publisher().id().equals(caller.getSubject())) {
      throw new NotYoursException("notice " + id + " belongs to another publisher");
    }
    return current;
  }

  /** The caller's own notice, still live; the owner is checked first so others learn nothing. */
  private Notice changeable(Jwt caller, String id) {
    Notice current = ownedBy(caller, id);
    if (current.isWithdrawn()) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "Notice " + id + " was withdrawn; a withdrawn notice is final.");
    }
    return current;
  }

  /** The publisher is who the token says; a caller cannot post as someone else or as a feed. */
  private static Publisher publisher(Jwt caller) {
    String kind = caller.getClaimAsString("publisher_kind");
    PublisherKind publisherKind =
        "FIRM".equalsIgnoreCase(kind) ? PublisherKind.FIRM : PublisherKind.DEPARTMENT;
    String name = caller.getClaimAsString("name");
    return new Publisher(
        caller.getSubject(), name == null ? caller.getSubject() : name, publisherKind);
  }
}
