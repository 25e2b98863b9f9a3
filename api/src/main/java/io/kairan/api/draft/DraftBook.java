package io.kairan.api.draft;

import io.kairan.api.kafka.TopicBook;
import io.kairan.model.Topics;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** The drafts not yet published nor discarded, kept from notices.drafts.v1. */
@Component
public class DraftBook extends TopicBook<SavedDraft> {
  public static final String TOPIC = Topics.DRAFTS;

  public DraftBook() {
    super(SavedDraft.class);
  }

  @Override
  protected String idOf(SavedDraft entry) {
    return entry.id();
  }

  @Override
  protected boolean isWhole(SavedDraft entry) {
    return entry.publisher() != null && entry.notice() != null && entry.savedAt() != null;
  }

  /** The publisher's drafts, last saved first. */
  public List<SavedDraft> ofPublisher(String publisherId) {
    return all()
        .filter(d -> d.publisherId().equals(publisherId))
        .sorted(Comparator.comparing(SavedDraft::savedAt).reversed().thenComparing(SavedDraft::id))
        .toList();
  }
}
