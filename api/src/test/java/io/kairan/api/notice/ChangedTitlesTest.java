package io.kairan.api.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangedTitlesTest {

  @Test
  void otherJapaneseTagsTakeTheKanjiMarkAndOtherLanguagesTheEnglishOne() {
    var marked = ChangedTitles.mark(Map.of("ja-Hira", "おしらせ", "pt", "Aviso", "vi", "Thông báo"));

    assertThat(marked)
        .containsEntry("ja-Hira", "【変更】おしらせ")
        .containsEntry("pt", "[Changed] Aviso")
        .containsEntry("vi", "[Changed] Thông báo");
  }

  @Test
  void theEasyJapaneseTagIsMatchedWhateverItsCase() {
    assertThat(ChangedTitles.prefixFor("ja-X-Easy")).isEqualTo("【かわりました】");
  }

  @Test
  void markingTwiceLeavesOneMark() {
    var once = ChangedTitles.mark(Map.of("ja", "断水", "ja-x-easy", "みず", "en", "Water"));

    assertThat(ChangedTitles.mark(once)).isEqualTo(once);
  }

  @Test
  void aCorrectionReplacesAChangeMarkWithItsOwnInEachLanguage() {
    var changed = ChangedTitles.mark(Map.of("ja", "断水", "ja-x-easy", "みず", "en", "Water"));

    assertThat(ChangedTitles.markCorrected(changed))
        .isEqualTo(Map.of("ja", "【訂正】断水", "ja-x-easy", "【なおしました】みず", "en", "[Correction] Water"));
  }

  @Test
  void correctingTwiceLeavesOneMark() {
    var once = ChangedTitles.markCorrected(Map.of("ja", "断水", "en", "Water"));

    assertThat(ChangedTitles.markCorrected(once)).isEqualTo(once);
  }
}
