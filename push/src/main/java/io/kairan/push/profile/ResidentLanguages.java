package io.kairan.push.profile;

import io.kairan.model.InvalidRecordException;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.LocalizedText;
import io.kairan.model.resident.Device;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.push.state.FollowedTopic;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Each resident's languages, in their order, time zone and the categories they consent to: read
 * whole from profiles.v1 before sending starts, then followed. A tombstone (the resident left)
 * removes them. Nothing else of a profile is kept; most residents share a few language lists and
 * sets of categories, which are kept once each.
 */
@Component
public class ResidentLanguages extends FollowedTopic {
  /** What push knows of a resident: the languages they read in order, and their time zone. */
  public record Reader(List<String> languages, ZoneId zone) {
    public Reader {
      languages = List.copyOf(languages);
    }
  }

  private static final ZoneId DEFAULT_ZONE = ZoneId.of(ResidentProfile.DEFAULT_TIME_ZONE);

  private final Map<String, Reader> byResident = new HashMap<>();
  private final Map<Reader, Reader> shared = new HashMap<>();
  private final Map<String, Integer> firstLanguageCounts = new HashMap<>();
  private final Map<String, Set<Category>> consentedBy = new HashMap<>();
  private final Map<Set<Category>, Set<Category>> sharedConsents = new HashMap<>();

  ResidentLanguages(ConsumerFactory<String, String> consumers) {
    super(consumers, Topics.PROFILES);
  }

  /** Languages that are not fed from Kafka (tests of the parts that use them). */
  public static ResidentLanguages standalone() {
    return new ResidentLanguages(null);
  }

  @KafkaListener(
      id = "resident-languages",
      topics = Topics.PROFILES,
      groupId = "kairan-push-languages-${random.uuid}")
  @Override
  protected void apply(ConsumerRecord<String, String> record) {
    applyCompacted(record, this::remove, this::read);
  }

  private void read(String residentId, String value) {
    try {
      ResidentProfile profile = Json.read(value, ResidentProfile.class);
      put(residentId, profile.languages(), profile.zone());
      putConsents(
          residentId, profile.consents().keySet().stream().filter(profile::consentsTo).toList());
    } catch (InvalidRecordException | DateTimeException e) {
      // the API refuses such a profile and the recommender dead-letters it; push keeps what it had
    }
  }

  /** The resident reads {@code languages} in this order (tags that are none are left out). */
  public synchronized void put(String residentId, List<String> languages, ZoneId zone) {
    List<String> tags = languages.stream().filter(LocalizedText::isLanguageTag).toList();
    Reader reader = new Reader(tags.isEmpty() ? List.of("ja") : tags, zone);
    Reader before = byResident.put(residentId, shared.computeIfAbsent(reader, r -> r));
    count(before, -1);
    count(reader, +1);
  }

  /** The categories the resident consents to now (their profile's latest word). */
  public synchronized void putConsents(String residentId, java.util.Collection<Category> granted) {
    Set<Category> set = granted.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(granted));
    consentedBy.put(residentId, sharedConsents.computeIfAbsent(set, c -> c));
  }

  /**
   * Whether a push of {@code category} may still go to the resident: not once they withdrew their
   * consent to it. A resident push does not know (yet) is not held back: the recommender decided
   * the delivery on a profile that consented.
   */
  public synchronized boolean consentsTo(String residentId, Category category) {
    Set<Category> granted = consentedBy.get(residentId);
    return granted == null || granted.contains(category);
  }

  /** The resident left: nothing of them is kept. */
  public synchronized void remove(String residentId) {
    count(byResident.remove(residentId), -1);
    consentedBy.remove(residentId);
  }

  public synchronized Optional<Reader> find(String residentId) {
    return Optional.ofNullable(byResident.get(residentId));
  }

  /**
   * The languages a device's texts are picked in: its resident's, in their order; for a resident
   * push does not know (yet), the device's locale. {@link LocalizedText#forReader} adds easy
   * Japanese and Japanese.
   */
  public List<String> languagesFor(Device device) {
    return find(device.residentId())
        .map(Reader::languages)
        .orElse(device.locale() == null ? List.of() : List.of(device.locale()));
  }

  /** The resident's time zone; Japan's for a resident push does not know. */
  public ZoneId zoneOf(String residentId) {
    return find(residentId).map(Reader::zone).orElse(DEFAULT_ZONE);
  }

  /** The first language of some resident: each has district topics of its own. */
  public synchronized Set<String> firstLanguages() {
    return Set.copyOf(firstLanguageCounts.keySet());
  }

  public synchronized int size() {
    return byResident.size();
  }

  private void count(Reader reader, int change) {
    if (reader != null) {
      firstLanguageCounts.merge(
          reader.languages().get(0), change, (a, b) -> a + b == 0 ? null : a + b);
    }
  }
}
