package io.kairan.recommender.job;

import io.kairan.model.InvalidRecordException;
import io.kairan.model.json.Json;
import io.kairan.model.resident.Feedback;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;

/** feedback.v1 records (key: resident id) to feedback. */
final class ParseFeedback extends ParseRecords<Feedback> {

  ParseFeedback(Clock clock) {
    super(clock);
  }

  @Override
  void parse(RawRecord raw, Context ctx, Collector<Feedback> out) {
    if (raw.value() == null) {
      throw new InvalidRecordException(List.of("value: feedback cannot be empty"));
    }
    Feedback feedback = Json.read(raw.value(), Feedback.class);
    var problems = new ArrayList<>(feedback.problems());
    if (raw.key() == null || !raw.key().equals(feedback.residentId())) {
      problems.add("residentId: must equal the record key");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRecordException(problems);
    }
    out.collect(feedback);
  }
}
