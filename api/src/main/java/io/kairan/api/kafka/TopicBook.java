package io.kairan.api.kafka;

import io.kairan.model.InvalidRecordException;
import io.kairan.model.json.Json;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * What the API keeps of one of its own compacted topics: the latest record per key (a tombstone
 * removes it), read whole at start ({@link TopicReplay}) and then kept by the API's own writes once
 * Kafka acknowledged them.
 *
 * @param <T> the record's value
 */
public abstract class TopicBook<T> {
  private final ConcurrentHashMap<String, T> entries = new ConcurrentHashMap<>();
  private final CaughtUp caughtUp = new CaughtUp();
  private final Class<T> type;

  protected TopicBook(Class<T> type) {
    this.type = type;
  }

  /** The key a value is kept under (the topic's record key). */
  protected abstract String idOf(T entry);

  /** Whether a value read from the topic is whole; one that is not is left alone. */
  protected abstract boolean isWhole(T entry);

  /** One record of the topic: the id as key, the value as JSON, or null once it is gone. */
  public void accept(String key, String json) {
    if (key == null) {
      return;
    }
    if (json == null) {
      entries.remove(key);
      return;
    }
    try {
      T entry = Json.read(json, type);
      if (entry != null && isWhole(entry) && key.equals(idOf(entry))) {
        entries.put(key, entry);
      }
    } catch (InvalidRecordException e) {
      // only the API writes its topics; a record it cannot read is left alone
    }
  }

  public void put(T entry) {
    entries.put(idOf(entry), entry);
  }

  public void remove(String id) {
    entries.remove(id);
  }

  public Optional<T> get(String id) {
    return Optional.ofNullable(entries.get(id));
  }

  protected Stream<T> all() {
    return entries.values().stream();
  }

  /** Called once the topic has been read up to where it ended when the API started. */
  public void markCaughtUp() {
    caughtUp.mark();
  }

  public boolean isCaughtUp() {
    return caughtUp.is();
  }

  /** Waits for the replay; false when it is still running after {@code wait}. */
  public boolean awaitCaughtUp(Duration wait) {
    return caughtUp.await(wait);
  }
}
