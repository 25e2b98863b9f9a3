package io.kairan.model.notice;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoticeValidationTest {

  @Test
  void aNoticeUnderAnotherIdKeepsEverythingElse() {
    Notice notice = Fixtures.childAllowanceNotice();

    Notice renamed = notice.withId("n-1~2");

    assertThat(renamed.id()).isEqualTo("n-1~2");
    assertThat(renamed).usingRecursiveComparison().ignoringFields("id").isEqualTo(notice);
  }

  @Test
  void aCompleteNoticeHasNoProblems() {
    assertThat(Fixtures.childAllowanceNotice().problems()).isEmpty();
  }

  @Test
  void everyProblemIsReportedWithItsField() {
    Notice n = Fixtures.childAllowanceNotice();
    Notice broken =
        new Notice(
            "",
            0,
            n.publisher(),
            "072029",
            null,
            Map.of(),
            n.body(),
            "ftp://x",
            n.location(),
            new Validity(n.validity().until(), n.validity().from()),
            n.severity(),
            n.status(),
            n.audience(),
            n.publishedAt());

    assertThat(broken.problems())
        .contains(
            "id: must not be blank",
            "version: must be 1 or more",
            "municipalityCode: is not a JIS X 0402 code (6 digits with check digit)",
            "category: is required",
            "title: needs at least one language",
            "url: must be an http(s) URL",
            "validity.until: must be after from");
  }

  @Test
  void audienceProblemsNameTheirPathInTheTree() {
    Notice n = Fixtures.childAllowanceNotice();
    var audience =
        new Audience.AllOf(
            List.of(new Audience.AgeBetween(70, 65), new Audience.InDistrict(List.of())));
    Notice broken =
        new Notice(
            n.id(),
            1,
            n.publisher(),
            n.municipalityCode(),
            n.category(),
            n.title(),
            n.body(),
            n.url(),
            n.location(),
            n.validity(),
            n.severity(),
            n.status(),
            audience,
            n.publishedAt());

    assertThat(broken.problems())
        .containsExactly(
            "audience.all[0].max: must not be below min",
            "audience.all[1].districts: must name at least one district");
  }

  @Test
  void overlongTitlesAreRejected() {
    Notice n = Fixtures.childAllowanceNotice();
    Notice broken =
        new Notice(
            n.id(),
            1,
            n.publisher(),
            n.municipalityCode(),
            n.category(),
            Map.of("ja", "あ".repeat(201)),
            n.body(),
            n.url(),
            n.location(),
            n.validity(),
            n.severity(),
            n.status(),
            n.audience(),
            n.publishedAt());

    assertThat(broken.problems()).containsExactly("title.ja: must be at most 200 characters");
  }

  @Test
  void municipalityCheckDigitFollowsJisX0402() {
    assertThat(MunicipalityCode.isValid("072028")).as("会津若松市").isTrue();
    assertThat(MunicipalityCode.isValid("131016")).as("千代田区").isTrue();
    assertThat(MunicipalityCode.isValid("072027")).isFalse();
    assertThat(MunicipalityCode.isValid("07202")).isFalse();
  }

  @Test
  void titleIsPickedInTheReadersLanguageThenJapanese() {
    Notice n = Fixtures.childAllowanceNotice();

    assertThat(n.titleIn(List.of("en-US"))).isEqualTo("Child allowance deadline");
    assertThat(n.titleIn(List.of("vi"))).isEqualTo("児童手当の申請期限");
  }
}
