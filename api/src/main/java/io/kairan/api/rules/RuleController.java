package io.kairan.api.rules;

import io.kairan.api.kafka.RecordPublisher;
import io.kairan.api.problem.NotFoundException;
import io.kairan.model.Problems;
import io.kairan.model.Topics;
import io.kairan.model.rules.RuleSet;
import io.kairan.model.rules.RuleSlot;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * PUT /api/v1/rules/active activates a rule set in the running job; PUT /api/v1/rules/shadow runs a
 * candidate beside it (its decisions go to deliveries.shadow.v1, never to residents); DELETE
 * /api/v1/rules/shadow stops the candidate. Rolling back is activating the earlier set again.
 */
@RestController
class RuleController {
  private final RecordPublisher kafka;
  private final Clock clock;

  RuleController(RecordPublisher kafka, Clock clock) {
    this.kafka = kafka;
    this.clock = clock;
  }

  @PutMapping("/api/v1/rules/{slot}")
  ResponseEntity<RuleSet> publish(@PathVariable String slot, @RequestBody RuleSet draft) {
    RuleSlot target = slotOf(slot);
    RuleSet rules =
        new RuleSet(
            draft.name(),
            draft.version(),
            target,
            draft.weights(),
            draft.categoryWeights(),
            draft.digestCategories(),
            draft.pushThreshold(),
            draft.dailyPushCap(),
            draft.firmDailyPushCap(),
            draft.defaultQuietHours(),
            draft.digestTime(),
            clock.instant());
    new Problems().merge(rules.problems()).throwIfAny();
    kafka.publish(Topics.RULES, target.key(), rules);
    return ResponseEntity.accepted().body(rules);
  }

  @DeleteMapping("/api/v1/rules/{slot}")
  ResponseEntity<Void> stop(@PathVariable String slot) {
    if (slotOf(slot) == RuleSlot.ACTIVE) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "The active rule set can be replaced, not removed.");
    }
    kafka.publish(Topics.RULES, RuleSlot.SHADOW.key(), null);
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
