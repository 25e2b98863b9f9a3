package io.kairan.api.consent;

import io.kairan.api.kafka.RecordPublisher;
import io.kairan.model.notice.Category;
import io.kairan.model.resident.Consent;
import io.kairan.model.resident.ResidentProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Appends to a resident's consent history each consent a new profile gives or takes back, and
 * writes the whole history to the API's topic (acknowledged before the caller is answered).
 */
@Component
public class ConsentRecorder {
  private final RecordPublisher kafka;
  private final ConsentBook book;
  private final String policyVersion;

  ConsentRecorder(
      RecordPublisher kafka,
      ConsentBook book,
      @Value("${kairan.consents.policy-version:2026-11}") String policyVersion) {
    this.kafka = kafka;
    this.book = book;
    this.policyVersion = policyVersion;
  }

  /** The consents {@code after} changes against {@code before} (null: the resident is new). */
  public List<ConsentEvent> record(ResidentProfile before, ResidentProfile after) {
    Map<Category, Consent> was = before == null ? Map.of() : before.consents();
    List<ConsentEvent> changed = new ArrayList<>();
    after.consents().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            c -> {
              Consent old = was.get(c.getKey());
              if (old == null || old.granted() != c.getValue().granted()) {
                changed.add(event(c.getKey(), c.getValue()));
              }
            });
    // A category the new profile no longer names is no longer consented to.
    was.entrySet().stream()
        .filter(c -> c.getValue().granted() && !after.consents().containsKey(c.getKey()))
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            c ->
                changed.add(
                    new ConsentEvent(
                        c.getKey(),
                        ConsentEvent.NOTICES,
                        policyVersion,
                        false,
                        Objects.requireNonNullElse(after.updatedAt(), c.getValue().at()))));
    if (!changed.isEmpty()) {
      ConsentHistory history = book.of(after.id()).append(changed);
      kafka.publish(ConsentBook.TOPIC, after.id(), history);
      book.put(history);
    }
    return changed;
  }

  private ConsentEvent event(Category category, Consent consent) {
    return new ConsentEvent(
        category, ConsentEvent.NOTICES, policyVersion, consent.granted(), consent.at());
  }
}
