package io.kairan.api.rules;

import io.kairan.api.kafka.CaughtUp;
import io.kairan.model.InvalidRecordException;
import io.kairan.model.json.Json;
import io.kairan.model.rules.RuleSet;
import io.kairan.model.rules.RuleSlot;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.stereotype.Component;

/**
 * What rules.v1 holds under each slot's key, read as the job reads it (an invalid set, one naming
 * another slot, or a tombstone on "active" changes nothing), with the history entry it came from:
 * the id travels in the record's header {@value #ID_HEADER}, which the job does not read.
 */
@Component
public class RulesOnTopic {
  static final String ID_HEADER = "kairan-rules-id";

  /** A slot's content: the rule set (null: the shadow slot is empty) and its history id. */
  record Held(RuleSet rules, String id) {}

  private final Map<RuleSlot, Held> held = new EnumMap<>(RuleSlot.class);
  private final CaughtUp caughtUp = new CaughtUp();

  /** One rules.v1 record with its headers. */
  public void accept(ConsumerRecord<String, String> record) {
    Header id = record.headers().lastHeader(ID_HEADER);
    accept(
        record.key(),
        record.value(),
        id == null ? null : new String(id.value(), StandardCharsets.UTF_8));
  }

  /** One rules.v1 record: the slot as key, the rule set as JSON (null: a tombstone). */
  public synchronized void accept(String key, String json, String id) {
    RuleSlot slot = RuleSlot.ofKey(key);
    if (slot == null) {
      return;
    }
    if (json == null) {
      if (slot == RuleSlot.SHADOW) {
        held.put(slot, new Held(null, id));
      }
      return;
    }
    try {
      RuleSet rules = Json.read(json, RuleSet.class);
      if (rules != null && rules.problems().isEmpty() && rules.slot() == slot) {
        held.put(slot, new Held(rules, id));
      }
    } catch (InvalidRecordException e) {
      // the job dead-letters it and keeps the set it had
    }
  }

  /** The API's own write, once Kafka acknowledged it. */
  synchronized void wrote(RulePublication entry) {
    held.put(entry.slot(), new Held(entry.rules(), entry.id()));
  }

  /** The slot's content; the active slot holds the job's built-in rules until one is published. */
  public synchronized Held in(RuleSlot slot) {
    Held h = held.get(slot);
    if (h == null) {
      return new Held(slot == RuleSlot.ACTIVE ? RuleSet.BUILTIN : null, null);
    }
    return h;
  }

  public void markCaughtUp() {
    caughtUp.mark();
  }

  public boolean isCaughtUp() {
    return caughtUp.is();
  }
}
