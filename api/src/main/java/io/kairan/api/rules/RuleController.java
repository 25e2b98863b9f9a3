package io.kairan.api.rules;

import io.kairan.api.problem.NotFoundException;
import io.kairan.model.InvalidRecordException;
import io.kairan.model.rules.RuleSet;
import io.kairan.model.rules.RuleSlot;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * GET /api/v1/rules: what each slot holds and its history. PUT /api/v1/rules/active activates a
 * rule set in the running job; PUT /api/v1/rules/shadow runs a candidate beside it (its decisions
 * go to deliveries.shadow.v1, never to residents); DELETE /api/v1/rules/shadow stops the candidate;
 * POST /api/v1/rules/{slot}/rollback puts an earlier entry's set back by its id. Each is recorded
 * with the analyst's token subject and the time.
 */
@RestController
class RuleController {
  private final RulePublishing publishing;
  private final RuleHistory history;
  private final RulesOnTopic onTopic;

  RuleController(RulePublishing publishing, RuleHistory history, RulesOnTopic onTopic) {
    this.publishing = publishing;
    this.history = history;
    this.onTopic = onTopic;
  }

  /** What a slot holds now, and who put it there when (null for a set from before the history). */
  record Slot(RuleSet rules, String id, String publishedBy, java.time.Instant publishedAt) {}

  /** Both slots and their histories, newest first. */
  record Rules(
      Slot active,
      Slot shadow,
      List<RulePublication> activeHistory,
      List<RulePublication> shadowHistory) {}

  /** A rollback's body: the id of the history entry to put back. */
  record Rollback(String id) {}

  /** rules.history.v1 or rules.v1 is still being read: an answer now could miss entries. */
  static class NotReadyException extends RuntimeException {
    NotReadyException() {
      super("The API is still reading the rule sets' history; please try again shortly.");
    }
  }

  private void awaitBooks() {
    if (!history.isCaughtUp() || !onTopic.isCaughtUp()) {
      throw new NotReadyException();
    }
  }

  @ExceptionHandler(NotReadyException.class)
  ResponseEntity<ProblemDetail> notReady(NotReadyException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    problem.setTitle("Starting");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(problem);
  }

  @GetMapping("/api/v1/rules")
  Rules read() {
    awaitBooks();
    return new Rules(
        slot(RuleSlot.ACTIVE),
        slot(RuleSlot.SHADOW),
        history.of(RuleSlot.ACTIVE),
        history.of(RuleSlot.SHADOW));
  }

  private Slot slot(RuleSlot slot) {
    RulesOnTopic.Held held = onTopic.in(slot);
    RulePublication entry = held.id() == null ? null : history.find(held.id()).orElse(null);
    return new Slot(
        held.rules(),
        held.id(),
        entry == null ? null : entry.publishedBy(),
        entry == null ? null : entry.publishedAt());
  }

  @PutMapping("/api/v1/rules/{slot}")
  ResponseEntity<RuleSet> publish(
      @AuthenticationPrincipal Jwt caller, @PathVariable String slot, @RequestBody RuleSet draft) {
    awaitBooks();
    RulePublication entry = publishing.publish(slotOf(slot), draft, caller.getSubject());
    return ResponseEntity.accepted().header("Kairan-Rules-Id", entry.id()).body(entry.rules());
  }

  @PostMapping("/api/v1/rules/{slot}/rollback")
  ResponseEntity<RulePublication> rollback(
      @AuthenticationPrincipal Jwt caller, @PathVariable String slot, @RequestBody Rollback body) {
    RuleSlot target = slotOf(slot);
    awaitBooks();
    if (body == null || body.id() == null || body.id().isBlank()) {
      throw new InvalidRecordException(List.of("id: must name an entry of the history"));
    }
    return ResponseEntity.accepted()
        .body(publishing.rollback(target, body.id(), caller.getSubject()));
  }

  @DeleteMapping("/api/v1/rules/{slot}")
  ResponseEntity<Void> stop(@AuthenticationPrincipal Jwt caller, @PathVariable String slot) {
    if (slotOf(slot) == RuleSlot.ACTIVE) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "The active rule set can be replaced, not removed.");
    }
    awaitBooks();
    publishing.stopShadow(caller.getSubject());
    return ResponseEntity.accepted().build();
  }

  private static RuleSlot slotOf(String key) {
    RuleSlot slot = RuleSlot.ofKey(key);
    if (slot == null) {
      throw new NotFoundException("There are two rule slots: active and shadow.");
    }
    return slot;
  }
}
