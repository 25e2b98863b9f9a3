package io.kairan.ingest.publish;

import io.kairan.model.DeadLetter;
import io.kairan.model.InvalidRecordException;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import java.util.HashSet;
import java.util.Set;

/**
 * The rejected records ingest already put on notices.dlq, by key (source and row) and raw value, so
 * re-reading a source does not dead-letter the same rejected row again; a changed row does.
 */
public final class DeadLettered {
  private final Set<String> seen;

  public DeadLettered(Set<String> seen) {
    this.seen = seen;
  }

  public static DeadLettered none() {
    return new DeadLettered(new HashSet<>());
  }

  public static DeadLettered read(String bootstrapServers) {
    Set<String> seen = new HashSet<>();
    TopicReader.readAll(
        bootstrapServers,
        Topics.deadLetter(Topics.NOTICES),
        (key, value) -> {
          try {
            DeadLetter letter = Json.read(value, DeadLetter.class);
            if (letter.rejectedBy() != null && letter.rejectedBy().startsWith("ingest:")) {
              seen.add(fingerprint(key, letter.value()));
            }
          } catch (InvalidRecordException e) {
            // another writer's record; never ours to repeat
          }
        });
    return new DeadLettered(seen);
  }

  /** True the first time this key and value are offered, false for a repeat. */
  boolean firstTime(String key, String value) {
    return seen.add(fingerprint(key, value));
  }

  private static String fingerprint(String key, String value) {
    return key + '\u0000' + value;
  }
}
