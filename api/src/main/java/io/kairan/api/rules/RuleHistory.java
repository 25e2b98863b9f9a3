package io.kairan.api.rules;

import io.kairan.api.kafka.CaughtUp;
import io.kairan.model.InvalidRecordException;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.model.rules.RuleSlot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Every rule set published into each slot, in the order published: read whole from rules.history.v1
 * at start (one partition, so the topic's order is the order of publication) and kept by the API's
 * own writes once Kafka acknowledged them. Entries are never removed: a city publishes a few rule
 * sets a month.
 */
@Component
public class RuleHistory {
  public static final String TOPIC = Topics.RULE_HISTORY;
  private final Map<String, RulePublication> byId = new LinkedHashMap<>();
  private final CaughtUp caughtUp = new CaughtUp();

  /** One record of the topic: the id as key, the entry as JSON. */
  public void accept(String key, String json) {
    if (key == null || json == null) {
      return;
    }
    try {
      RulePublication entry = Json.read(json, RulePublication.class);
      if (entry != null && entry.isWhole() && key.equals(entry.id())) {
        put(entry);
      }
    } catch (InvalidRecordException e) {
      // only the API writes this topic; a record it cannot read is left alone
    }
  }

  /** Adds an entry; one already held (a replay after a retry) keeps its place. */
  public synchronized void put(RulePublication entry) {
    byId.putIfAbsent(entry.id(), entry);
  }

  public synchronized Optional<RulePublication> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The slot's entries, newest first. */
  public synchronized List<RulePublication> of(RuleSlot slot) {
    List<RulePublication> entries = new ArrayList<>();
    for (RulePublication entry : byId.values()) {
      if (entry.slot() == slot) {
        entries.add(entry);
      }
    }
    Collections.reverse(entries);
    return entries;
  }

  /** The slot's latest entry: what rules.v1 must hold under the slot's key. */
  public synchronized Optional<RulePublication> latest(RuleSlot slot) {
    return of(slot).stream().findFirst();
  }

  public void markCaughtUp() {
    caughtUp.mark();
  }

  public boolean isCaughtUp() {
    return caughtUp.is();
  }
}
