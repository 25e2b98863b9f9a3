package io.kairan.recommender.job;

import io.kairan.model.InvalidRecordException;
import io.kairan.model.json.Json;
import io.kairan.model.resident.ResidentProfile;
import java.time.Clock;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * profiles.v1 records to profile changes; a tombstone is a deletion, a bad record a dead letter.
 */
final class ParseProfiles extends ProcessFunction<RawRecord, ProfileChange> {
  private final Clock clock;

  ParseProfiles(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void processElement(RawRecord raw, Context ctx, Collector<ProfileChange> out) {
    if (raw.key() == null || raw.key().isBlank()) {
      ctx.output(
          DeadLetters.TAG,
          DeadLetters.of(
              raw,
              "key: a profile record needs the resident id as key",
              "recommender",
              clock.instant()));
      return;
    }
    if (raw.value() == null) {
      out.collect(new ProfileChange(raw.key(), null));
      return;
    }
    try {
      ResidentProfile profile = Json.read(raw.value(), ResidentProfile.class);
      var problems = new java.util.ArrayList<>(profile.problems());
      if (!raw.key().equals(profile.id())) {
        problems.add("id: must equal the record key");
      }
      if (!problems.isEmpty()) {
        throw new InvalidRecordException(problems);
      }
      out.collect(new ProfileChange(profile.id(), profile));
    } catch (InvalidRecordException e) {
      ctx.output(
          DeadLetters.TAG, DeadLetters.of(raw, e.getMessage(), "recommender", clock.instant()));
    }
  }
}
