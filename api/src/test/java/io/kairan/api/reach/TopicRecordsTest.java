package io.kairan.api.reach;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.json.Json;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.model.rules.RuleSet;
import io.kairan.model.rules.RuleSlot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** profiles.v1 and rules.v1 records are read as the job reads them. */
class TopicRecordsTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  private static final Notice EMERGENCY_FOR_EVERYONE =
      new Notice(
          "n",
          1,
          new Publisher("dept-1", "会津若松市", PublisherKind.DEPARTMENT),
          "072028",
          Category.DISASTER,
          Map.of("ja", "避難指示"),
          Map.of(),
          null,
          null,
          new Validity(NOW, NOW.plusSeconds(3600)),
          Severity.EMERGENCY,
          NoticeStatus.PUBLISHED,
          new Audience.Everyone(),
          NOW);

  /** A resident of 会津若松市 with nothing but a district and a birth year. */
  static ResidentProfile plainResident(String id, String district, int birthYear) {
    return new ResidentProfile(
        id,
        "072028",
        district,
        null,
        birthYear,
        List.of(),
        List.of("ja"),
        Set.of(),
        Map.of(),
        null,
        "Asia/Tokyo",
        Set.of(),
        NOW);
  }

  private static String profile(String id, String district, int birthYear) {
    return Json.write(plainResident(id, district, birthYear));
  }

  private static List<String> districtsOf(ResidentIndex index) {
    return index.eligible(EMERGENCY_FOR_EVERYONE, NOW).stream()
        .map(ResidentProfile::district)
        .toList();
  }

  @Test
  void aTombstoneRemovesTheResident() {
    ResidentIndex index = new ResidentIndex();
    index.accept("r-1", profile("r-1", "湊町", 1980));

    index.accept("r-1", null);

    assertThat(index.size()).isZero();
  }

  @Test
  void anInvalidProfileChangesNothingSoTheResidentKeepsTheProfileTheJobHolds() {
    ResidentIndex index = new ResidentIndex();
    index.accept("r-1", profile("r-1", "湊町", 1980));

    index.accept("r-1", profile("r-1", "一箕町", 1800)); // birth year out of range
    index.accept("r-1", "{\"id\":\"r-1\",");
    index.accept("r-1", "null");

    assertThat(districtsOf(index)).containsExactly("湊町");
  }

  @Test
  void aProfileUnderAnotherResidentsKeyOrWithoutAKeyIsIgnored() {
    ResidentIndex index = new ResidentIndex();

    index.accept("r-2", profile("r-1", "湊町", 1980));
    index.accept(null, profile("r-1", "湊町", 1980));

    assertThat(index.size()).isZero();
  }

  @Test
  void aLaterProfileReplacesTheEarlierOne() {
    ResidentIndex index = new ResidentIndex();
    index.accept("r-1", profile("r-1", "湊町", 1980));

    index.accept("r-1", profile("r-1", "一箕町", 1980));

    assertThat(districtsOf(index)).containsExactly("一箕町");
  }

  private static String ruleSet(String name, RuleSlot slot, double threshold) {
    return Json.write(
        new RuleSet(
            name,
            2,
            slot,
            RuleSet.BUILTIN.weights(),
            Map.of(),
            Set.of(),
            threshold,
            5,
            1,
            null,
            "18:00",
            NOW));
  }

  @Test
  void theBuiltInRulesHoldUntilAnActiveSetArrivesAndTheShadowSlotIsIgnored() {
    ActiveRules rules = new ActiveRules();
    assertThat(rules.active()).isEqualTo(RuleSet.BUILTIN);

    rules.accept("shadow", ruleSet("candidate", RuleSlot.SHADOW, 0.5));
    assertThat(rules.active()).isEqualTo(RuleSet.BUILTIN);

    rules.accept("active", ruleSet("aizu", RuleSlot.ACTIVE, 0.4));
    assertThat(rules.active().label()).isEqualTo("aizu/2");
  }

  @Test
  void anInvalidActiveSetATombstoneOrASetNamingAnotherSlotLeavesTheActiveOne() {
    ActiveRules rules = new ActiveRules();
    rules.accept("active", ruleSet("aizu", RuleSlot.ACTIVE, 0.4));

    rules.accept("active", ruleSet("broken", RuleSlot.ACTIVE, 7.0)); // threshold over 1
    rules.accept("active", ruleSet("misfiled", RuleSlot.SHADOW, 0.4));
    rules.accept("active", null);
    rules.accept("active", "{not json");

    assertThat(rules.active().label()).isEqualTo("aizu/2");
  }
}
