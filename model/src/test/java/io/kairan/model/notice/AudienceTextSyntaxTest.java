package io.kairan.model.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kairan.model.InvalidRecordException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The details of the readable form: spacing, words, strings, numbers, grouping. */
class AudienceTextSyntaxTest {
  private static final Audience.Everyone EVERYONE = new Audience.Everyone();

  @Test
  void spacesTabsAndLineBreaksMayStandAnywhereBetweenTokens() {
    assertThat(AudienceText.parse("  age 65 .. 130\n\tand\tlanguage \"ja\"  "))
        .isEqualTo(
            new Audience.AllOf(
                List.of(new Audience.AgeBetween(65, 130), new Audience.Speaks("ja"))));
  }

  @Test
  void punctuationNeedsNoSpaces() {
    assertThat(AudienceText.parse("district in[\"湊町\",\"栄町\"]"))
        .isEqualTo(new Audience.InDistrict(List.of("湊町", "栄町")));
    assertThat(AudienceText.parse("polygon[37.4 139.8,37.6 139.8,37.6 140]"))
        .isEqualTo(
            new Audience.WithinPolygon(
                List.of(
                    new GeoPoint(37.4, 139.8),
                    new GeoPoint(37.6, 139.8),
                    new GeoPoint(37.6, 140))));
  }

  @Test
  void aKeywordIsAWholeWordNotThePrefixOfOne() {
    assertThatThrownBy(() -> AudienceText.parse("nothing"))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessage("audience: at position 1: unknown audience 'nothing'");
    assertThatThrownBy(() -> AudienceText.parse("everyone andy"))
        .hasMessage("audience: at position 10: unexpected 'andy'");
  }

  @Test
  void anOperatorAtTheEndStillWantsAnAudience() {
    assertThatThrownBy(() -> AudienceText.parse("everyone or"))
        .hasMessage("audience: at position 12: expected an audience");
    assertThatThrownBy(() -> AudienceText.parse("not"))
        .hasMessage("audience: at position 4: expected an audience");
  }

  @Test
  void anEmptyTextIsNoAudience() {
    assertThatThrownBy(() -> AudienceText.parse(""))
        .hasMessage("audience: at position 1: expected an audience");
    assertThatThrownBy(() -> AudienceText.parse(null))
        .hasMessage("audience: at position 1: expected an audience");
  }

  @Test
  void aDistrictListIsIntroducedByIn() {
    assertThatThrownBy(() -> AudienceText.parse("district [\"湊町\"]"))
        .hasMessage("audience: at position 10: expected 'in' after district");
  }

  @Test
  void quotesAndBackslashesInsideAStringAreEscapedWithABackslash() {
    String text = "interest \"say \\\"hi\\\" \\\\ now\"";

    Audience parsed = AudienceText.parse(text);

    assertThat(parsed).isEqualTo(new Audience.InterestedIn("say \"hi\" \\ now"));
    assertThat(AudienceText.format(parsed)).isEqualTo(text);
  }

  @Test
  void aBackslashTakesAnyNextCharacterLiterally() {
    assertThat(AudienceText.parse("interest \"a\\b\"")).isEqualTo(new Audience.InterestedIn("ab"));
  }

  @Test
  void anUnfinishedStringIsAnErrorAtTheEndOfTheText() {
    assertThatThrownBy(() -> AudienceText.parse("language \"en"))
        .hasMessage("audience: at position 13: unterminated string");
    assertThatThrownBy(() -> AudienceText.parse("language \"en\\"))
        .hasMessage("audience: at position 14: unterminated string");
  }

  @Test
  void numbersMayCarryASignAndAnExponent() {
    assertThat(AudienceText.parse("circle -33.8688 +151.2093 2.5e1"))
        .isEqualTo(new Audience.WithinCircle(new GeoPoint(-33.8688, 151.2093), 25));
  }

  @Test
  void aMissingNumberIsAnErrorWhereItShouldStand() {
    assertThatThrownBy(() -> AudienceText.parse("circle 37.49 abc 2"))
        .hasMessage("audience: at position 14: expected a number");
  }

  @Test
  void wholeNumbersAreWrittenWithoutADecimalPoint() {
    var circle = new Audience.WithinCircle(new GeoPoint(37, 140), 1);

    assertThat(AudienceText.format(circle)).isEqualTo("circle 37 140 1");
    assertThat(AudienceText.format(new Audience.WithinCircle(new GeoPoint(-37.5, 140), 0.25)))
        .isEqualTo("circle -37.5 140 0.25");
  }

  @Test
  void aNegatedOrNestedGroupIsWrittenInParentheses() {
    var japanese = new Audience.Speaks("ja");
    var english = new Audience.Speaks("en");
    var elderly = new Audience.AgeBetween(65, 130);

    assertThat(
            AudienceText.format(new Audience.Not(new Audience.AllOf(List.of(elderly, japanese)))))
        .isEqualTo("not (age 65..130 and language \"ja\")");
    assertThat(
            AudienceText.format(
                new Audience.AllOf(
                    List.of(elderly, new Audience.AnyOf(List.of(japanese, english))))))
        .isEqualTo("age 65..130 and (language \"ja\" or language \"en\")");
  }

  @Test
  void redundantParenthesesChangeNothing() {
    assertThat(AudienceText.parse("((age 65..130))")).isEqualTo(new Audience.AgeBetween(65, 130));
  }

  @Test
  void groupsSideBySideDoNotCountAsNesting() {
    String twentyGroups = String.join(" and ", Collections.nCopies(20, "(everyone)"));

    assertThat(AudienceText.parse(twentyGroups))
        .isEqualTo(new Audience.AllOf(Collections.nCopies(20, EVERYONE)));
  }

  @Test
  void theTextOfTheDeepestValidAudienceParses() {
    Audience audience = EVERYONE;
    for (int level = 1; level < Audience.MAX_DEPTH; level++) {
      audience =
          level % 2 == 0
              ? new Audience.AllOf(List.of(audience, EVERYONE))
              : new Audience.AnyOf(List.of(audience, EVERYONE));
    }

    assertThat(audience.problems()).isEmpty();
    assertThat(AudienceText.parse(AudienceText.format(audience))).isEqualTo(audience);
  }

  @Test
  void hostilyDeepParenthesesAreAnErrorNotACrash() {
    String text = "(".repeat(10_000) + "everyone" + ")".repeat(10_000);

    assertThatThrownBy(() -> AudienceText.parse(text))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("nests too deeply");
  }

  @Test
  void aHostileChainOfNotsIsAnErrorNotACrash() {
    String text = "not ".repeat(100_000) + "everyone";

    assertThatThrownBy(() -> AudienceText.parse(text))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("nests too deeply");
  }

  @Test
  void aFewNotsParseAsNestedNegations() {
    assertThat(AudienceText.parse("not not everyone"))
        .isEqualTo(new Audience.Not(new Audience.Not(EVERYONE)));
  }
}
