package io.kairan.model.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalizedTextTest {
  private static final Map<String, String> TITLES =
      Map.of(
          "ja", "児童手当の申請",
          "ja-x-easy", "こどもの てあての もうしこみ",
          "en", "Child allowance");

  @Test
  void anExactTagIsPickedFirst() {
    assertThat(LocalizedText.pick(TITLES, List.of("ja-x-easy"))).isEqualTo("こどもの てあての もうしこみ");
    assertThat(LocalizedText.pick(TITLES, List.of("en"))).isEqualTo("Child allowance");
  }

  @Test
  void aRegionalOrEasyVariantFallsBackToItsBaseLanguage() {
    assertThat(LocalizedText.pick(TITLES, List.of("en-GB"))).isEqualTo("Child allowance");
    assertThat(LocalizedText.pick(Map.of("ja", "児童手当"), List.of("ja-x-easy"))).isEqualTo("児童手当");
  }

  @Test
  void theReadersLanguagesAreTriedInTheirOrder() {
    assertThat(LocalizedText.pick(TITLES, List.of("vi", "en", "ja"))).isEqualTo("Child allowance");
    assertThat(LocalizedText.pick(TITLES, List.of("ja", "en"))).isEqualTo("児童手当の申請");
  }

  @Test
  void withoutAnyOfTheReadersLanguagesJapaneseIsShown() {
    assertThat(LocalizedText.pick(TITLES, List.of("vi", "pt-BR"))).isEqualTo("児童手当の申請");
    assertThat(LocalizedText.pick(TITLES, List.of())).isEqualTo("児童手当の申請");
  }

  @Test
  void withoutJapaneseOneOfTheTextsIsShownTheSameWhateverTheMapsOrder() {
    var viFirst = new LinkedHashMap<String, String>();
    viFirst.put("vi", "Trợ cấp trẻ em");
    viFirst.put("en", "Child allowance");
    var enFirst = new LinkedHashMap<String, String>();
    enFirst.put("en", "Child allowance");
    enFirst.put("vi", "Trợ cấp trẻ em");

    String picked = LocalizedText.pick(viFirst, List.of("ko"));

    assertThat(picked).isIn("Trợ cấp trẻ em", "Child allowance");
    assertThat(LocalizedText.pick(enFirst, List.of("ko"))).isEqualTo(picked);
  }

  @Test
  void noTextAtAllIsEmpty() {
    assertThat(LocalizedText.pick(Map.of(), List.of("ja"))).isEmpty();
  }

  @Test
  void languageTagsAreTwoOrThreeLettersWithSubtagsOfOneToEight() {
    assertThat(LocalizedText.isLanguageTag("ja")).isTrue();
    assertThat(LocalizedText.isLanguageTag("fil")).isTrue();
    assertThat(LocalizedText.isLanguageTag("ja-x-easy")).isTrue();
    assertThat(LocalizedText.isLanguageTag("zh-Hant-TW")).isTrue();
    assertThat(LocalizedText.isLanguageTag("de-12345678")).isTrue();
  }

  @Test
  void anythingElseIsNotALanguageTag() {
    assertThat(LocalizedText.isLanguageTag("j")).isFalse();
    assertThat(LocalizedText.isLanguageTag("japn")).isFalse();
    assertThat(LocalizedText.isLanguageTag("日本語")).isFalse();
    assertThat(LocalizedText.isLanguageTag("de-123456789")).isFalse();
    assertThat(LocalizedText.isLanguageTag("ja_JP")).isFalse();
    assertThat(LocalizedText.isLanguageTag("")).isFalse();
    assertThat(LocalizedText.isLanguageTag(null)).isFalse();
  }

  @Test
  void aResidentsChainIsTheirLanguagesThenEasyJapaneseThenJapanese() {
    assertThat(LocalizedText.chainFor(List.of("vi", "en")))
        .containsExactly("vi", "en", "ja-x-easy", "ja");
    assertThat(LocalizedText.chainFor(List.of("ja"))).containsExactly("ja", "ja-x-easy");
  }

  @Test
  void aReaderWithoutTheirLanguagesGetsEasyJapaneseBeforeJapanese() {
    assertThat(LocalizedText.forReader(TITLES, List.of("vi"))).isEqualTo("こどもの てあての もうしこみ");
    assertThat(LocalizedText.forReader(TITLES, List.of("en"))).isEqualTo("Child allowance");
    assertThat(LocalizedText.forReader(TITLES, List.of("ja"))).isEqualTo("児童手当の申請");
  }
}
