package io.kairan.api.schedule;

import io.kairan.model.notice.Notice;
import java.time.Instant;

/**
 * A notice waiting for its time: at {@code publishAt} (or as soon as the API runs after it) it is
 * published as version 1 of {@code notice}, under the notice's id.
 */
public record ScheduledNotice(Instant publishAt, Notice notice) {
  public String id() {
    return notice.id();
  }

  public String publisherId() {
    return notice.publisher().id();
  }
}
