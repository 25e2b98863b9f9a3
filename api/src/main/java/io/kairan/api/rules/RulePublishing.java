package io.kairan.api.rules;

import io.kairan.api.kafka.PublishFailedException;
import io.kairan.api.kafka.RecordPublisher;
import io.kairan.api.problem.NotFoundException;
import io.kairan.model.Problems;
import io.kairan.model.Topics;
import io.kairan.model.rules.RuleSet;
import io.kairan.model.rules.RuleSlot;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Puts a rule set into a slot: first an entry on rules.history.v1 (who, when, which set), then the
 * set on rules.v1 under the slot's key with the entry's id as a header. When the second write does
 * not complete (Kafka down, the API stopped), the slot's latest entry is written to rules.v1 once
 * the API runs again ({@link #completePending}), so the history and what the job runs agree. Writes
 * take turns, so two publications never interleave their two records.
 */
@Component
class RulePublishing {
  private static final Logger log = LoggerFactory.getLogger(RulePublishing.class);
  private final RecordPublisher kafka;
  private final RuleHistory history;
  private final RulesOnTopic onTopic;
  private final Clock clock;

  RulePublishing(RecordPublisher kafka, RuleHistory history, RulesOnTopic onTopic, Clock clock) {
    this.kafka = kafka;
    this.history = history;
    this.onTopic = onTopic;
    this.clock = clock;
  }

  /** A new rule set into the slot, as its draft says, stamped with the slot and the time. */
  RulePublication publish(RuleSlot slot, RuleSet draft, String by) {
    RuleSet rules = into(slot, draft);
    new Problems().merge(rules.problems()).throwIfAny();
    return write(slot, rules, by, null);
  }

  /** Empties the shadow slot: the candidate stops. */
  RulePublication stopShadow(String by) {
    return write(RuleSlot.SHADOW, null, by, null);
  }

  /**
   * Puts an earlier entry's rule set (of either slot: a candidate tried in shadow can be activated
   * by its id) into the slot again, as a new entry naming the one it puts back.
   */
  RulePublication rollback(RuleSlot slot, String id, String by) {
    RulePublication earlier =
        history
            .find(id)
            .orElseThrow(() -> new NotFoundException("No rule set was published with id " + id));
    if (earlier.rules() == null) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT,
          "Entry " + id + " emptied the shadow slot; it holds no rule set to put back.");
    }
    return write(slot, into(slot, earlier.rules()), by, id);
  }

  private RuleSet into(RuleSlot slot, RuleSet draft) {
    return RuleDrafts.stamped(draft, slot, clock.instant());
  }

  private synchronized RulePublication write(
      RuleSlot slot, RuleSet rules, String by, String rollbackOf) {
    RulePublication entry =
        new RulePublication(
            UUID.randomUUID().toString(), slot, rules, by, clock.instant(), rollbackOf);
    kafka.publish(RuleHistory.TOPIC, entry.id(), entry, Map.of());
    history.put(entry);
    try {
      toRulesTopic(entry);
    } catch (PublishFailedException e) {
      // Recorded: the slot gets it once Kafka takes it (completePending), hence 202 all the same.
      log.warn("rule set {} recorded, not yet on {}: {}", entry.id(), Topics.RULES, e.toString());
    }
    return entry;
  }

  /**
   * Writes each slot's latest entry to rules.v1 when rules.v1 holds another one; run every second
   * once both topics are read.
   */
  synchronized void completePending() {
    if (!history.isCaughtUp() || !onTopic.isCaughtUp()) {
      return;
    }
    for (RuleSlot slot : RuleSlot.values()) {
      history
          .latest(slot)
          .filter(latest -> !latest.id().equals(onTopic.in(slot).id()))
          .ifPresent(this::toRulesTopic);
    }
  }

  private void toRulesTopic(RulePublication entry) {
    kafka.publish(
        Topics.RULES,
        entry.slot().key(),
        entry.rules(),
        Map.of(RulesOnTopic.ID_HEADER, entry.id()));
    onTopic.wrote(entry);
  }
}
