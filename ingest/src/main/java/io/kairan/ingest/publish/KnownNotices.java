package io.kairan.ingest.publish;

import io.kairan.model.InvalidRecordException;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Notice;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/** The latest version of each notice on notices.v1 whose id the filter accepts, read to the end. */
public final class KnownNotices {
  private KnownNotices() {}

  public static Map<String, Notice> read(String bootstrapServers, Predicate<String> ids) {
    Map<String, Notice> latest = new HashMap<>();
    TopicReader.readAll(
        bootstrapServers,
        Topics.NOTICES,
        (key, value) -> {
          if (!ids.test(key)) {
            return;
          }
          try {
            Notice notice = Json.read(value, Notice.class);
            latest.merge(notice.id(), notice, (a, b) -> b.version() > a.version() ? b : a);
          } catch (InvalidRecordException e) {
            // not ours to judge here; the recommender dead-letters it
          }
        });
    return latest;
  }
}
