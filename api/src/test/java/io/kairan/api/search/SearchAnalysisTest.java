package io.kairan.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The terms the index holds and a query looks for, on pinned examples. */
class SearchAnalysisTest {
  private final SearchAnalysis analysis = new SearchAnalysis();

  @Test
  void childAllowanceIsFoundInTheChildAllowanceApplication() {
    assertThat(analysis.japanese("児童手当")).containsExactly("児童", "手当");
    assertThat(analysis.japanese("児童手当の申請")).containsExactly("児童", "手当", "申請");
  }

  @Test
  void anApplicationIsFoundInPleaseApply() {
    assertThat(analysis.japanese("申請")).containsExactly("申請");
    assertThat(analysis.japanese("申請してください")).contains("申請");
  }

  @Test
  void verbsAreFoundByTheirBaseForm() {
    // 知ろう (let us learn) is found by 知る (learn), its dictionary form.
    assertThat(analysis.japanese("LGBTを知ろう")).containsExactly("lgbt", "知る");
  }

  @Test
  void particlesAloneHaveNoTerms() {
    assertThat(analysis.japanese("の")).isEmpty();
    assertThat(analysis.japanese("をには")).isEmpty();
  }

  @Test
  void fullWidthLatinAndDigitsAreTheirHalfWidthLowerCase() {
    assertThat(analysis.japanese("ＬＧＢＴ")).isEqualTo(analysis.japanese("lgbt"));
    assertThat(analysis.japanese("ＬＧＢＴ")).containsExactly("lgbt");
    assertThat(analysis.standard("ＣＨＩＬＤ Allowance")).containsExactly("child", "allowance");
  }

  @Test
  void halfWidthKatakanaIsFullWidthKatakana() {
    assertThat(analysis.japanese("ｾﾝﾀｰ")).isEqualTo(analysis.japanese("センター"));
  }

  @Test
  void aKatakanaWordIsOneWithOrWithoutItsFinalLongVowel() {
    assertThat(analysis.japanese("センター")).isEqualTo(List.of("センタ"));
    assertThat(analysis.japanese("センタ")).isEqualTo(List.of("センタ"));
  }

  @Test
  void oldAndVariantKanjiAreTheirCommonForm() {
    assertThat(analysis.japanese("會津")).isEqualTo(analysis.japanese("会津"));
    assertThat(analysis.japanese("髙田")).isEqualTo(analysis.japanese("高田"));
  }

  @Test
  void theSpellingsOfDisabilityAndChildAreOne() {
    assertThat(analysis.japanese("障害者")).isEqualTo(analysis.japanese("障がい者"));
    assertThat(analysis.japanese("障碍者")).isEqualTo(analysis.japanese("障がい者"));
    assertThat(analysis.japanese("子供")).isEqualTo(analysis.japanese("子ども"));
    assertThat(analysis.japanese("こども")).isEqualTo(analysis.japanese("子ども"));
  }

  @Test
  void otherLanguagesAreSplitAtWordsAndLowerCased() {
    assertThat(analysis.standard("Child allowance: apply by 30 November"))
        .containsExactly("child", "allowance", "apply", "by", "30", "november");
    assertThat(analysis.terms("en", "Child allowance")).containsExactly("child", "allowance");
  }

  @Test
  void japaneseIsJaAndEveryJaVariant() {
    assertThat(SearchAnalysis.isJapanese("ja")).isTrue();
    assertThat(SearchAnalysis.isJapanese("ja-x-easy")).isTrue();
    assertThat(SearchAnalysis.isJapanese("ja-Latn")).isTrue();
    assertThat(SearchAnalysis.isJapanese("en")).isFalse();
    // Javanese's tag begins with the same letters.
    assertThat(SearchAnalysis.isJapanese("jv")).isFalse();
    assertThat(SearchAnalysis.isJapanese("jam")).isFalse();
  }
}
