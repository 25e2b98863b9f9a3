package io.kairan.api.reach;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.delivery.Channel;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.RandomAudiences;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import io.kairan.model.resident.Consent;
import io.kairan.model.resident.QuietHours;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.model.rules.RuleSet;
import io.kairan.model.rules.RuleSlot;
import io.kairan.model.rules.ScoreWeights;
import io.kairan.recommender.match.AudienceMatcher;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The preview's counts against a reference computed without the index or the policy: the plain scan
 * of every profile (municipality, consent unless an emergency, {@link AudienceMatcher}) and the
 * channel worked out by hand from the rule set's few settings that matter when the push threshold
 * is 0.
 */
class ReachCountTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z"); // 18:00 in Tokyo
  private static final String AIZU = "072028";
  private static final List<String> ZONES = List.of("Asia/Tokyo", "UTC", "America/New_York");
  private static final List<QuietHours> QUIET =
      List.of(
          new QuietHours("22:00", "07:00"),
          new QuietHours("17:00", "08:00"),
          new QuietHours("08:00", "20:00"),
          new QuietHours("12:00", "12:00"));

  /** Residents unlike the recommender's own generator: quiet hours and time zones vary too. */
  private static ResidentProfile resident(Random random, int i) {
    Map<Category, Consent> consents = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      if (random.nextInt(3) > 0) {
        consents.put(c, new Consent(random.nextInt(4) > 0, NOW));
      }
    }
    List<Integer> children = new ArrayList<>();
    for (int k = random.nextInt(3); k > 0; k--) {
      children.add(2026 - random.nextInt(18));
    }
    return new ResidentProfile(
        "resident-" + i,
        random.nextInt(8) == 0 ? "131016" : AIZU,
        RandomAudiences.district(random),
        random.nextInt(4) == 0
            ? null
            : new GeoPoint(37.4 + random.nextInt(30) / 100.0, 139.8 + random.nextInt(30) / 100.0),
        1930 + random.nextInt(90),
        children,
        random.nextBoolean() ? List.of("ja") : List.of("en"),
        random.nextBoolean() ? Set.of("子育て") : Set.of("防災"),
        consents,
        random.nextInt(3) == 0 ? null : QUIET.get(random.nextInt(QUIET.size())),
        ZONES.get(random.nextInt(ZONES.size())),
        Set.of(),
        NOW);
  }

  private static Notice notice(Audience audience, Category category, Severity severity) {
    return new Notice(
        "draft",
        1,
        new Publisher("dept-1", "会津若松市", PublisherKind.DEPARTMENT),
        AIZU,
        category,
        Map.of("ja", "お知らせ"),
        Map.of(),
        null,
        null,
        new Validity(NOW, NOW.plusSeconds(86_400)),
        severity,
        NoticeStatus.PUBLISHED,
        audience,
        NOW);
  }

  /** Rules whose push threshold is 0, so the score never decides: only the settings named here. */
  private static RuleSet rules(Set<Category> digest, int dailyCap, QuietHours defaultQuiet) {
    return new RuleSet(
        "test",
        1,
        RuleSlot.ACTIVE,
        new ScoreWeights(3, 1, 1, 1, 2),
        Map.of(),
        digest,
        0.0,
        dailyCap,
        1,
        defaultQuiet,
        "18:00",
        NOW);
  }

  private static boolean eligible(Notice n, ResidentProfile p) {
    return p.municipalityCode().equals(n.municipalityCode())
        && (n.severity() == Severity.EMERGENCY
            || (p.consents().containsKey(n.category()) && p.consents().get(n.category()).granted()))
        && AudienceMatcher.matches(n.audience(), p, NOW);
  }

  /** The channel by hand: emergencies push, info is feed only, important as the rules say. */
  private static Channel expectedChannel(Notice n, ResidentProfile p, RuleSet rules) {
    if (n.severity() == Severity.EMERGENCY) {
      return Channel.PUSH_NOW;
    }
    if (n.severity() == Severity.INFO) {
      return Channel.FEED_ONLY;
    }
    if (rules.digestCategories().contains(n.category()) || rules.dailyPushCap() == 0) {
      return Channel.DIGEST;
    }
    QuietHours quiet = p.quietHours() != null ? p.quietHours() : rules.defaultQuietHours();
    if (quiet == null) {
      return Channel.PUSH_NOW;
    }
    ZonedDateTime local = NOW.atZone(ZoneId.of(p.timeZone()));
    int minute = local.getHour() * 60 + local.getMinute();
    int start = minutes(quiet.start());
    int end = minutes(quiet.end());
    boolean inside =
        start != end
            && (start < end ? minute >= start && minute < end : minute >= start || minute < end);
    return inside ? Channel.PUSH_AT : Channel.PUSH_NOW;
  }

  private static int minutes(String hhmm) {
    return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3));
  }

  private static ReachCount reference(List<ResidentProfile> residents, Notice n, RuleSet rules) {
    long total = 0;
    Map<String, Long> byDistrict = new TreeMap<>();
    Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);
    for (ResidentProfile p : residents) {
      if (eligible(n, p)) {
        total++;
        byDistrict.merge(p.district(), 1L, Long::sum);
        byChannel.merge(expectedChannel(n, p, rules), 1L, Long::sum);
      }
    }
    return new ReachCount(total, byDistrict, byChannel);
  }

  @Test
  void theCountsEqualThePlainScanAndTheChannelByHandOnRandomResidentsAudiencesAndRules() {
    Random random = new Random(2026);
    ResidentIndex index = new ResidentIndex();
    List<ResidentProfile> residents = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      ResidentProfile p = resident(random, i);
      residents.add(p);
      index.put(p);
    }
    List<RuleSet> ruleSets =
        List.of(
            RuleSet.BUILTIN,
            rules(Set.of(Category.CHILDCARE, Category.EVENTS), 5, null),
            rules(Set.of(), 5, new QuietHours("17:00", "08:00")),
            rules(Set.of(), 0, null));
    int nonEmpty = 0;
    for (int trial = 0; trial < 300; trial++) {
      Notice n =
          notice(
              RandomAudiences.next(random, 3),
              Category.values()[random.nextInt(Category.values().length)],
              Severity.values()[random.nextInt(Severity.values().length)]);
      RuleSet rules = ruleSets.get(random.nextInt(ruleSets.size()));

      ReachCount counted = ReachCount.of(n, index.grouped(n, NOW), rules, NOW);

      assertThat(counted)
          .as("trial %d: %s", trial, n.audience())
          .isEqualTo(reference(residents, n, rules));
      nonEmpty += counted.residents() > 0 ? 1 : 0;
    }
    // The trials must say something: most audiences reach someone.
    assertThat(nonEmpty).isGreaterThan(150);
  }

  @Test
  void everyChannelOccursAmongTheTrialsSoTheHandWorkedChannelIsTested() {
    Random random = new Random(7);
    ResidentIndex index = new ResidentIndex();
    for (int i = 0; i < 500; i++) {
      index.put(resident(random, i));
    }
    Map<Channel, Long> seen = new EnumMap<>(Channel.class);
    for (Severity severity : Severity.values()) {
      for (RuleSet rules : List.of(RuleSet.BUILTIN, rules(Set.of(Category.HEALTH), 5, null))) {
        Notice n = notice(new Audience.Everyone(), Category.HEALTH, severity);
        ReachCount.of(n, index.grouped(n, NOW), rules, NOW)
            .byChannel()
            .forEach((c, k) -> seen.merge(c, k, Long::sum));
      }
    }
    assertThat(seen).containsOnlyKeys(Channel.values());
  }

  @Test
  void pastTheLimitOfSharedValuesResidentsAreStillCountedRightAndNoMoreValuesAreShared() {
    ResidentIndex index = new ResidentIndex();
    int residents = ResidentIndex.MAX_SHARED + 500;
    for (int i = 0; i < residents; i++) {
      ResidentProfile plain =
          TopicRecordsTest.plainResident("r-" + i, i % 2 == 0 ? "湊町" : "一箕町", 1980);
      index.put(
          new ResidentProfile(
              plain.id(),
              plain.municipalityCode(),
              plain.district(),
              null,
              plain.birthYear(),
              plain.childrenBirthYears(),
              plain.languages(),
              Set.of("interest-" + i), // a value of one's own: the shared ones run out
              plain.consents(),
              i % 3 == 0 ? new QuietHours("17:00", "07:00") : null,
              plain.timeZone(),
              plain.accessibility(),
              plain.updatedAt()));
    }
    Notice emergency = notice(new Audience.Everyone(), Category.DISASTER, Severity.EMERGENCY);

    ReachCount counted =
        ReachCount.of(emergency, index.grouped(emergency, NOW), RuleSet.BUILTIN, NOW);

    assertThat(index.sharedValues()).isEqualTo(ResidentIndex.MAX_SHARED);
    assertThat(counted.byDistrict())
        .isEqualTo(Map.of("湊町", (long) residents / 2, "一箕町", (long) residents / 2));
    assertThat(counted.byChannel()).isEqualTo(Map.of(Channel.PUSH_NOW, (long) residents));
  }

  @Test
  void aDraftWhoseValidityIsAlreadyOverReachesNobody() {
    ResidentIndex index = new ResidentIndex();
    index.put(resident(new Random(5), 1));
    Notice emergency = notice(new Audience.Everyone(), Category.DISASTER, Severity.EMERGENCY);
    Instant afterItsEnd = NOW.plusSeconds(86_401);

    assertThat(
            ReachCount.of(
                emergency, index.grouped(emergency, afterItsEnd), RuleSet.BUILTIN, afterItsEnd))
        .isEqualTo(new ReachCount(0, Map.of(), Map.of()));
    assertThat(index.eligible(emergency, afterItsEnd))
        .hasSize(1); // the index leaves it to Matching
  }

  @Test
  void aDeletedResidentIsNoLongerCountedAndAReplacedProfileCountsInItsNewDistrict() {
    ResidentIndex index = new ResidentIndex();
    ResidentProfile before = resident(new Random(3), 1);
    ResidentProfile moved = TopicRecordsTest.plainResident(before.id(), "大戸町", 1980);
    Notice emergency = notice(new Audience.Everyone(), Category.DISASTER, Severity.EMERGENCY);

    index.put(before);
    index.put(moved);
    ReachCount afterMove =
        ReachCount.of(emergency, index.grouped(emergency, NOW), RuleSet.BUILTIN, NOW);
    index.remove(before.id());
    ReachCount afterDelete =
        ReachCount.of(emergency, index.grouped(emergency, NOW), RuleSet.BUILTIN, NOW);

    assertThat(afterMove.byDistrict()).isEqualTo(Map.of("大戸町", 1L));
    assertThat(afterDelete.residents()).isZero();
  }
}
