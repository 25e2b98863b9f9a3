package io.kairan.recommender.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.RandomAudiences;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.recommender.RandomProfiles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The index must return exactly the residents the plain scan finds, whatever the expression. */
class ProfileIndexTest {
  private static final Instant AT = Instant.parse("2026-11-23T03:00:00Z");

  static ResidentProfile randomProfile(Random random, int i) {
    return RandomProfiles.profile(random, i, AT);
  }

  private static Notice notice(Audience audience, Category category, Severity severity) {
    return new Notice(
        "n",
        1,
        new Publisher("p", "p", PublisherKind.DEPARTMENT),
        "072028",
        category,
        Map.of("ja", "t"),
        Map.of(),
        null,
        null,
        new Validity(AT, AT.plusSeconds(86400)),
        severity,
        NoticeStatus.PUBLISHED,
        audience,
        AT);
  }

  private static Set<String> ids(List<ResidentProfile> profiles) {
    Set<String> ids = new HashSet<>();
    profiles.forEach(p -> ids.add(p.id()));
    return ids;
  }

  @Test
  void theIndexAgreesWithThePlainScanOnRandomProfilesAndExpressions() {
    Random random = new Random(42);
    ProfileIndex index = new ProfileIndex();
    List<ResidentProfile> profiles = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      ResidentProfile p = randomProfile(random, i);
      profiles.add(p);
      index.put(p);
    }
    for (int trial = 0; trial < 500; trial++) {
      Notice notice =
          notice(
              RandomAudiences.next(random, 4),
              Category.values()[random.nextInt(Category.values().length)],
              Severity.values()[random.nextInt(3)]);

      Set<String> scanned = new HashSet<>();
      profiles.stream()
          .filter(p -> Eligibility.isEligible(notice, p, AT))
          .forEach(p -> scanned.add(p.id()));

      assertThat(ids(index.eligible(notice, AT)))
          .as(io.kairan.model.notice.AudienceText.format(notice.audience()))
          .isEqualTo(scanned);
      assertThat(index.reach(notice, AT)).isEqualTo(scanned.size());
      assertThat(
              profiles.stream()
                  .filter(p -> Eligibility.isEligible(notice, ProfileForMatching.of(p), AT))
                  .count())
          .as("the form kept in state is eligible exactly when the full profile is")
          .isEqualTo(scanned.size());
    }
  }

  @Test
  void replacedAndRemovedProfilesLeaveNoTrace() {
    Random random = new Random(1);
    ProfileIndex index = new ProfileIndex();
    List<ResidentProfile> current = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      current.add(randomProfile(random, i));
      index.put(current.get(i));
    }
    for (int i = 0; i < 300; i += 3) {
      current.set(i, randomProfile(random, i)); // a changed profile, same resident
      index.put(current.get(i));
    }
    for (int i = 1; i < 300; i += 3) {
      index.remove("r-" + i);
    }
    List<ResidentProfile> remaining =
        current.stream().filter(p -> Integer.parseInt(p.id().substring(2)) % 3 != 1).toList();
    Notice everyone = notice(new Audience.Everyone(), Category.HEALTH, Severity.EMERGENCY);

    assertThat(index.size()).isEqualTo(200);
    assertThat(ids(index.eligible(everyone, AT)))
        .isEqualTo(
            ids(remaining.stream().filter(p -> p.municipalityCode().equals("072028")).toList()));
    for (int trial = 0; trial < 200; trial++) {
      Notice notice = notice(RandomAudiences.next(random, 3), Category.CHILDCARE, Severity.INFO);
      assertThat(ids(index.eligible(notice, AT)))
          .isEqualTo(
              ids(remaining.stream().filter(p -> Eligibility.isEligible(notice, p, AT)).toList()));
    }
  }
}
