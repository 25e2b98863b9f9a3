package io.kairan.push.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Category;
import io.kairan.model.resident.Consent;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.push.Fixtures;
import java.time.ZoneId;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The residents' languages as read from profiles.v1. */
class ResidentLanguagesTest {
  private final ResidentLanguages languages = ResidentLanguages.standalone();

  private void read(String key, String value) {
    languages.apply(new ConsumerRecord<>(Topics.PROFILES, 0, 0, key, value));
  }

  private void read(ResidentProfile profile) {
    read(profile.id(), Json.write(profile));
  }

  @Test
  void aResidentsLanguagesAreKeptInTheirOrderWithTheirTimeZone() {
    read(Fixtures.profile("r-1", "湊町", List.of("vi", "en")));

    assertThat(languages.find("r-1"))
        .contains(new ResidentLanguages.Reader(List.of("vi", "en"), ZoneId.of("Asia/Tokyo")));
    assertThat(languages.languagesFor(Fixtures.device("d", "r-1", "tok", "ja")))
        .containsExactly("vi", "en");
  }

  @Test
  void theCategoriesAResidentConsentsToAreKeptAndAWithdrawalTakesOneAway() {
    ResidentProfile both =
        Fixtures.profile("r-1", "湊町", List.of("ja"))
            .withConsents(
                java.util.Map.of(
                    Category.HEALTH,
                    new Consent(true, AT),
                    Category.DISASTER,
                    new Consent(true, AT)),
                AT);
    read(both);
    assertThat(languages.consentsTo("r-1", Category.HEALTH)).isTrue();
    assertThat(languages.consentsTo("r-1", Category.TAX)).as("never asked").isFalse();

    read(
        both.withConsents(
            java.util.Map.of(
                Category.HEALTH,
                new Consent(false, AT.plusSeconds(60)),
                Category.DISASTER,
                new Consent(true, AT)),
            AT.plusSeconds(60)));

    assertThat(languages.consentsTo("r-1", Category.HEALTH)).isFalse();
    assertThat(languages.consentsTo("r-1", Category.DISASTER)).isTrue();
    assertThat(languages.consentsTo("r-unknown", Category.HEALTH))
        .as("a resident push does not know is not held back")
        .isTrue();
  }

  private static final java.time.Instant AT = java.time.Instant.parse("2026-11-01T00:00:00Z");

  @Test
  void aTombstoneRemovesTheResident() {
    read(Fixtures.profile("r-1", "湊町", List.of("en")));

    read("r-1", null);

    assertThat(languages.find("r-1")).isEmpty();
    assertThat(languages.size()).isZero();
    assertThat(languages.firstLanguages()).isEmpty();
  }

  @Test
  void forAResidentPushDoesNotKnowTheDevicesLocaleIsUsed() {
    assertThat(languages.languagesFor(Fixtures.device("d", "r-unknown", "tok", "pt-BR")))
        .containsExactly("pt-BR");
    assertThat(languages.languagesFor(Fixtures.device("d", "r-unknown", "tok", null))).isEmpty();
  }

  @Test
  void theFirstLanguagesAreThoseSomeResidentReadsFirstNow() {
    read(Fixtures.profile("r-1", "湊町", List.of("en", "ja")));
    read(Fixtures.profile("r-2", "湊町", List.of("ja")));
    read(Fixtures.profile("r-3", "湊町", List.of("vi")));
    assertThat(languages.firstLanguages()).containsExactlyInAnyOrder("en", "ja", "vi");

    read(Fixtures.profile("r-3", "湊町", List.of("ja")));
    read("r-1", null);

    assertThat(languages.firstLanguages()).containsExactly("ja");
  }

  @Test
  void anUnreadableProfileLeavesWhatWasKnown() {
    read(Fixtures.profile("r-1", "湊町", List.of("en")));

    read("r-1", "{not json");

    assertThat(languages.find("r-1").map(ResidentLanguages.Reader::languages))
        .contains(List.of("en"));
  }
}
