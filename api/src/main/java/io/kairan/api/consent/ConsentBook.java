package io.kairan.api.consent;

import io.kairan.api.kafka.TopicBook;
import io.kairan.model.Topics;
import org.springframework.stereotype.Component;

/**
 * Each resident's consent history, kept from the API's own compacted topic: one record per resident
 * holding the whole history, so compaction never drops an event; erasure is the tombstone.
 */
@Component
public class ConsentBook extends TopicBook<ConsentHistory> {
  public static final String TOPIC = Topics.CONSENTS;

  public ConsentBook() {
    super(ConsentHistory.class);
  }

  @Override
  protected String idOf(ConsentHistory entry) {
    return entry.residentId();
  }

  @Override
  protected boolean isWhole(ConsentHistory entry) {
    return entry.residentId() != null
        && entry.events().stream().allMatch(e -> e.category() != null && e.at() != null);
  }

  public ConsentHistory of(String residentId) {
    return get(residentId).orElse(ConsentHistory.empty(residentId));
  }
}
