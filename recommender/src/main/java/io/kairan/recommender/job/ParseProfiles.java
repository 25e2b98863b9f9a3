package io.kairan.recommender.job;

import io.kairan.model.InvalidRecordException;
import io.kairan.model.json.Json;
import io.kairan.model.resident.ResidentProfile;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;

/** profiles.v1 records to profile changes; a tombstone is a deletion. */
final class ParseProfiles extends ParseRecords<ProfileChange> {

  ParseProfiles(Clock clock) {
    super(clock);
  }

  @Override
  void parse(RawRecord raw, Context ctx, Collector<ProfileChange> out) {
    if (raw.key() == null || raw.key().isBlank()) {
      throw new InvalidRecordException(
          List.of("key: a profile record needs the resident id as key"));
    }
    if (raw.value() == null) {
      out.collect(new ProfileChange(raw.key(), null));
      return;
    }
    ResidentProfile profile = Json.read(raw.value(), ResidentProfile.class);
    var problems = new ArrayList<>(profile.problems());
    if (!raw.key().equals(profile.id())) {
      problems.add("id: must equal the record key");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRecordException(problems);
    }
    out.collect(new ProfileChange(profile.id(), profile));
  }
}
