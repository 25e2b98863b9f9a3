package io.kairan.recommender.job;

import io.kairan.model.InvalidRecordException;
import io.kairan.model.json.Json;
import io.kairan.model.resident.Feedback;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** feedback.v1 records (key: resident id) to feedback; a bad record becomes a dead letter. */
final class ParseFeedback extends ProcessFunction<RawRecord, Feedback> {
  private final Clock clock;

  ParseFeedback(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void processElement(RawRecord raw, Context ctx, Collector<Feedback> out) {
    try {
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
    } catch (InvalidRecordException e) {
      ctx.output(
          DeadLetters.TAG, DeadLetters.of(raw, e.getMessage(), "recommender", clock.instant()));
    }
  }
}
