package io.kairan.model.notice;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each limit of a notice, just inside and just outside, and the parts named by their path. */
class NoticeLimitsTest {

  /** The fixture's child allowance notice; each test changes the one field it is about. */
  private static final class Draft {
    final Notice base = Fixtures.childAllowanceNotice();
    String id = base.id();
    Publisher publisher = base.publisher();
    Map<String, String> title = base.title();
    Map<String, String> body = base.body();
    String url = base.url();
    GeoPoint location = base.location();
    Validity validity = base.validity();

    List<String> problems() {
      return new Notice(
              id,
              base.version(),
              publisher,
              base.municipalityCode(),
              base.category(),
              title,
              body,
              url,
              location,
              validity,
              base.severity(),
              base.status(),
              base.audience(),
              base.publishedAt())
          .problems();
    }
  }

  /** {@code count} two-letter language tags (aa, ab, …), each with the text for its tag. */
  private static Map<String, String> inLanguages(int count, Function<String, String> text) {
    return IntStream.range(0, count)
        .mapToObj(i -> "a" + (char) ('a' + i))
        .collect(Collectors.toMap(tag -> tag, text));
  }

  @Test
  void idsRunToOneHundredCharacters() {
    var longest = new Draft();
    longest.id = "n".repeat(100);
    var tooLong = new Draft();
    tooLong.id = "n".repeat(101);

    assertThat(longest.problems()).isEmpty();
    assertThat(tooLong.problems()).containsExactly("id: must be at most 100 characters");
  }

  @Test
  void aTitleOfTwoHundredCharactersIsAccepted() {
    var longest = new Draft();
    longest.title = Map.of("ja", "あ".repeat(Notice.MAX_TITLE));

    assertThat(Notice.MAX_TITLE).isEqualTo(200);
    assertThat(longest.problems()).isEmpty();
  }

  @Test
  void eachTitleIsPlainNonBlankTextUnderALanguageTag() {
    var markup = new Draft();
    markup.title = Map.of("ja", "<b>児童手当</b>");
    var blank = new Draft();
    blank.title = Map.of("ja", "児童手当", "en", " ");
    var badTag = new Draft();
    badTag.title = Map.of("日本語", "児童手当");

    assertThat(markup.problems()).containsExactly("title.ja: must be plain text, no tags");
    assertThat(blank.problems()).containsExactly("title.en: must not be blank");
    assertThat(badTag.problems()).containsExactly("title.日本語: is not a language tag");
  }

  @Test
  void aNoticeHasTitlesAndBodiesInAtMostTwentyLanguages() {
    var twenty = new Draft();
    twenty.title = inLanguages(20, tag -> "title " + tag);
    twenty.body = inLanguages(20, tag -> "body " + tag);
    var twentyOne = new Draft();
    twentyOne.title = inLanguages(21, tag -> "title " + tag);
    twentyOne.body = inLanguages(21, tag -> "body " + tag);

    assertThat(twenty.problems()).isEmpty();
    assertThat(twentyOne.problems())
        .containsExactly(
            "title: must have at most 20 entries", "body: must have at most 20 entries");
  }

  @Test
  void aBodyRunsToTenThousandCharactersUnderALanguageTag() {
    var longest = new Draft();
    longest.body = Map.of("ja", "あ".repeat(10_000));
    var tooLong = new Draft();
    tooLong.body = Map.of("ja", "あ".repeat(10_001));
    var badTag = new Draft();
    badTag.body = Map.of("ja_JP", "本文");

    assertThat(longest.problems()).isEmpty();
    assertThat(tooLong.problems()).containsExactly("body.ja: must be at most 10000 characters");
    assertThat(badTag.problems()).containsExactly("body.ja_JP: is not a language tag");
  }

  @Test
  void aLinkIsOptionalHttpOrHttpsAndAtMostTwoThousandCharacters() {
    String prefix = "http://city.example/";
    var none = new Draft();
    none.url = null;
    var longest = new Draft();
    longest.url = prefix + "a".repeat(2000 - prefix.length());
    var tooLong = new Draft();
    tooLong.url = prefix + "a".repeat(2001 - prefix.length());

    assertThat(none.problems()).isEmpty();
    assertThat(longest.problems()).isEmpty();
    assertThat(tooLong.problems()).containsExactly("url: must be at most 2000 characters");
  }

  @Test
  void thePublishersProblemsAreNamedUnderPublisher() {
    var anonymous = new Draft();
    anonymous.publisher = new Publisher(" ", "こども家庭課", PublisherKind.DEPARTMENT);
    var missing = new Draft();
    missing.publisher = null;

    assertThat(anonymous.problems()).containsExactly("publisher.id: must not be blank");
    assertThat(missing.problems()).containsExactly("publisher: is required");
  }

  @Test
  void theLocationIsOptionalAndItsProblemsAreNamedUnderLocation() {
    var offTheMap = new Draft();
    offTheMap.location = new GeoPoint(37.4946, 180.5);
    var nowhere = new Draft();
    nowhere.location = null;

    assertThat(offTheMap.problems()).containsExactly("location.lon: must be between -180 and 180");
    assertThat(nowhere.problems()).isEmpty();
  }

  @Test
  void theValidityIsRequiredAndItsProblemsAreNamedUnderValidity() {
    var missing = new Draft();
    missing.validity = null;
    var openStart = new Draft();
    openStart.validity = new Validity(null, Fixtures.NOW);

    assertThat(missing.problems()).containsExactly("validity: is required");
    assertThat(openStart.problems()).containsExactly("validity.from: is required");
  }

  @Test
  void onlyAWithdrawnNoticeIsWithdrawn() {
    Notice n = Fixtures.childAllowanceNotice();

    assertThat(n.withVersion(2, NoticeStatus.WITHDRAWN, Fixtures.NOW).isWithdrawn()).isTrue();
    assertThat(n.withVersion(2, NoticeStatus.PUBLISHED, Fixtures.NOW).isWithdrawn()).isFalse();
    assertThat(n.withVersion(2, NoticeStatus.UPDATED, Fixtures.NOW).isWithdrawn()).isFalse();
    assertThat(n.withVersion(2, NoticeStatus.CHANGED, Fixtures.NOW).isWithdrawn()).isFalse();
  }

  @Test
  void aNewVersionKeepsTheContentAndCarriesItsNumberStatusAndTime() {
    Notice n = Fixtures.childAllowanceNotice();
    Instant later = Fixtures.NOW.plusSeconds(3600);

    Notice updated = n.withVersion(2, NoticeStatus.UPDATED, later);

    assertThat(updated.version()).isEqualTo(2);
    assertThat(updated.status()).isEqualTo(NoticeStatus.UPDATED);
    assertThat(updated.publishedAt()).isEqualTo(later);
    assertThat(updated)
        .usingRecursiveComparison()
        .ignoringFields("version", "status", "publishedAt")
        .isEqualTo(n);
  }
}
