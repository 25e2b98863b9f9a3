package io.kairan.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.json.Json;
import io.kairan.model.notice.Notice;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The notice document the indexer writes: the notice as it was, and the terms to find it by. */
class NoticeDocumentTest {
  static final Notice NOTICE =
      TestNotices.notice(
          "n-1",
          Map.of("ja", "児童手当の申請", "ja-x-easy", "こどもの てあて", "en", "Child Allowance"),
          Map.of("ja", "11月30日までに申請してください。"));

  @Test
  void japaneseTitlesAndBodiesAreKuromojiTermsAndOtherLanguagesStandardTerms() {
    var search = NoticeDocument.of(NOTICE, new SearchAnalysis()).path(SearchFields.FIELD);

    // ja, then ja-x-easy (tags in order); こども is 子ども (TextVariants), and てあて without its
    // kanji reads to the dictionary as the particle て and あて: easy Japanese in kana alone is
    // found less well than the kanji title beside it.
    assertThat(search.path("ja").path("title").asText()).isEqualTo("児童 手当 申請 子ども あて");
    assertThat(search.path("ja").path("body").asText()).isEqualTo("11 月 30 日 申請 くださる");
    assertThat(search.path("other").path("title").asText()).isEqualTo("child allowance");
    assertThat(search.path("other").path("body").asText()).isEmpty();
  }

  @Test
  void theDocumentReadsBackAsTheNoticeItWasMadeOf() {
    var document = NoticeDocument.of(NOTICE, new SearchAnalysis());

    assertThat(Json.read(document.toString(), Notice.class)).isEqualTo(NOTICE);
  }
}
