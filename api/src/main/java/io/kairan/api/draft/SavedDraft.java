package io.kairan.api.draft;

import io.kairan.api.notice.NoticeDraft;
import io.kairan.model.notice.Publisher;
import java.time.Instant;

/** A draft as kept: whose it is, what it says so far, and when it was last saved. */
public record SavedDraft(String id, Publisher publisher, NoticeDraft notice, Instant savedAt) {
  public String publisherId() {
    return publisher.id();
  }
}
