package io.kairan.model.resident;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.Fixtures;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.GeoPoint;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Each limit of a profile, just inside and just outside. Limits that move with the calendar (the
 * latest birth year is this year) are checked as of a given year.
 */
class ResidentProfileLimitsTest {

  /** The fixture's parent in 北会津町; each test changes the one field it is about. */
  private static final class Draft {
    final ResidentProfile base = Fixtures.parentInKitaaizu();
    String id = base.id();
    String district = base.district();
    GeoPoint home = base.home();
    int birthYear = base.birthYear();
    List<Integer> children = base.childrenBirthYears();
    List<String> languages = base.languages();
    Set<String> interests = base.interests();
    Map<Category, Consent> consents = base.consents();
    QuietHours quietHours = base.quietHours();
    String timeZone = base.timeZone();
    Set<String> accessibility = base.accessibility();

    List<String> problems() {
      return profile().problems();
    }

    ResidentProfile profile() {
      return new ResidentProfile(
          id,
          base.municipalityCode(),
          district,
          home,
          birthYear,
          children,
          languages,
          interests,
          consents,
          quietHours,
          timeZone,
          accessibility,
          base.updatedAt());
    }
  }

  private static Set<String> tags(String prefix, int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).collect(Collectors.toSet());
  }

  @Test
  void idsAndDistrictsRunToOneHundredCharacters() {
    var longest = new Draft();
    longest.id = "r".repeat(100);
    longest.district = "町".repeat(100);
    var tooLong = new Draft();
    tooLong.id = "r".repeat(101);
    tooLong.district = "町".repeat(101);

    assertThat(longest.problems()).isEmpty();
    assertThat(tooLong.problems())
        .containsExactly(
            "id: must be at most 100 characters", "district: must be at most 100 characters");
  }

  @Test
  void theOldestBirthYearAcceptedIs1890() {
    var oldest = new Draft();
    oldest.birthYear = 1890;
    var older = new Draft();
    older.birthYear = 1889;

    assertThat(oldest.problems()).isEmpty();
    assertThat(older.problems())
        .singleElement()
        .asString()
        .startsWith("birthYear: must be between 1890 and ");
  }

  @Test
  void aBirthYearFarInTheFutureIsRefused() {
    var unborn = new Draft();
    unborn.birthYear = 3000;

    assertThat(unborn.problems()).singleElement().asString().startsWith("birthYear:");
  }

  @Test
  void inAGivenYearABirthYearRunsToThatYearAndAChildsToTheNext() {
    var bornThisYear = new Draft();
    bornThisYear.birthYear = 2026;
    bornThisYear.children = List.of(2027);
    var bornNextYear = new Draft();
    bornNextYear.birthYear = 2027;
    bornNextYear.children = List.of(2028);

    assertThat(bornThisYear.profile().problems(Year.of(2026))).isEmpty();
    assertThat(bornNextYear.profile().problems(Year.of(2026)))
        .containsExactly(
            "birthYear: must be between 1890 and 2026",
            "childrenBirthYears: must be years between 1900 and 2027");
  }

  @Test
  void childrensBirthYearsStartIn1900() {
    var oldest = new Draft();
    oldest.children = List.of(1900, 2022);
    var older = new Draft();
    older.children = List.of(1899, 2022);

    assertThat(oldest.problems()).isEmpty();
    assertThat(older.problems())
        .singleElement()
        .asString()
        .startsWith("childrenBirthYears: must be years between 1900 and ");
  }

  @Test
  void aProfileListsAtMostTwentyChildren() {
    var twenty = new Draft();
    twenty.children = Collections.nCopies(20, 2015);
    var twentyOne = new Draft();
    twentyOne.children = Collections.nCopies(21, 2015);

    assertThat(twenty.problems()).isEmpty();
    assertThat(twentyOne.problems())
        .containsExactly("childrenBirthYears: must have at most 20 entries");
  }

  @Test
  void aProfileReadsAtMostTenLanguagesEachATag() {
    var ten = new Draft();
    ten.languages =
        List.of("ja", "ja-x-easy", "en", "vi", "zh-Hans", "ko", "pt-BR", "tl", "ne", "id");
    var eleven = new Draft();
    eleven.languages =
        List.of("ja", "ja-x-easy", "en", "vi", "zh-Hans", "ko", "pt-BR", "tl", "ne", "id", "th");

    assertThat(ten.problems()).isEmpty();
    assertThat(eleven.problems()).containsExactly("languages: must have at most 10 entries");
  }

  @Test
  void aProfileFollowsAtMostFiftyInterests() {
    var fifty = new Draft();
    fifty.interests = tags("interest-", 50);
    var fiftyOne = new Draft();
    fiftyOne.interests = tags("interest-", 51);

    assertThat(fifty.problems()).isEmpty();
    assertThat(fiftyOne.problems()).containsExactly("interests: must have at most 50 entries");
  }

  @Test
  void anInterestIsANonBlankTagOfAtMostOneHundredCharacters() {
    var longest = new Draft();
    longest.interests = Set.of("子".repeat(100));
    var tooLong = new Draft();
    tooLong.interests = Set.of("子".repeat(101));
    var blank = new Draft();
    blank.interests = Set.of(" ");
    String message = "interests: must be non-blank tags of at most 100 characters";

    assertThat(longest.problems()).isEmpty();
    assertThat(tooLong.problems()).containsExactly(message);
    assertThat(blank.problems()).containsExactly(message);
  }

  @Test
  void aConsentWithoutItsTimeIsRefused() {
    var untimed = new Draft();
    untimed.consents = Map.of(Category.CHILDCARE, new Consent(true, null));

    assertThat(untimed.problems()).containsExactly("consents: each consent needs its time");
  }

  @Test
  void aProfileHasAtMostTwentyAccessibilityNeedsEachATagOfAtMostOneHundredCharacters() {
    var twenty = new Draft();
    twenty.accessibility = tags("need-", 20);
    var twentyOne = new Draft();
    twentyOne.accessibility = tags("need-", 21);
    var longest = new Draft();
    longest.accessibility = Set.of("a".repeat(100));
    var tooLong = new Draft();
    tooLong.accessibility = Set.of("a".repeat(101));
    var blank = new Draft();
    blank.accessibility = Set.of("");
    String tagMessage = "accessibility: must be non-blank tags of at most 100 characters";

    assertThat(twenty.problems()).isEmpty();
    assertThat(twentyOne.problems()).containsExactly("accessibility: must have at most 20 entries");
    assertThat(longest.problems()).isEmpty();
    assertThat(tooLong.problems()).containsExactly(tagMessage);
    assertThat(blank.problems()).containsExactly(tagMessage);
  }

  @Test
  void anOverlongTimeZoneIsRefusedForItsLength() {
    var overlong = new Draft();
    overlong.timeZone = "Asia/" + "T".repeat(56);

    assertThat(overlong.problems()).contains("timeZone: must be at most 60 characters");
  }

  @Test
  void theZoneIsTheOneNamed() {
    var paris = new Draft();
    paris.timeZone = "Europe/Paris";

    assertThat(paris.problems()).isEmpty();
    assertThat(Fixtures.parentInKitaaizu().zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
  }

  @Test
  void aHomeBeyondThePoleIsNamedUnderHome() {
    var lost = new Draft();
    lost.home = new GeoPoint(91, 139.86);
    var unknown = new Draft();
    unknown.home = null;

    assertThat(lost.problems()).containsExactly("home.lat: must be between -90 and 90");
    assertThat(unknown.problems()).isEmpty();
  }

  @Test
  void quietHoursAreExactlyHoursAndMinutesAtBothEnds() {
    var badStart = new Draft();
    badStart.quietHours = new QuietHours("24:00", "07:00");
    var badEnd = new Draft();
    badEnd.quietHours = new QuietHours("22:00", "7:00");
    var none = new Draft();
    none.quietHours = null;

    assertThat(badStart.problems())
        .containsExactly("quietHours.start: must be a local time HH:mm such as 22:00");
    assertThat(badEnd.problems())
        .containsExactly("quietHours.end: must be a local time HH:mm such as 07:00");
    assertThat(none.problems()).isEmpty();
  }

  @Test
  void withIdChangesOnlyTheIdAndTheTime() {
    ResidentProfile p = Fixtures.parentInKitaaizu();
    Instant later = Fixtures.NOW.plusSeconds(60);

    ResidentProfile renamed = p.withId("sub-123", later);

    assertThat(renamed.id()).isEqualTo("sub-123");
    assertThat(renamed.updatedAt()).isEqualTo(later);
    assertThat(renamed).usingRecursiveComparison().ignoringFields("id", "updatedAt").isEqualTo(p);
  }
}
