package io.kairan.model.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

class SafeTextTest {

  @Test
  void plainJapaneseTitlesHaveNoMarkup() {
    assertThat(SafeText.hasMarkup("【重要】児童手当の申請 <お知らせ> 3<5")).isFalse();
  }

  @Test
  void tagsCommentsAndEntitiesAreMarkup() {
    assertThat(SafeText.hasMarkup("<b>児童手当</b>")).isTrue();
    assertThat(SafeText.hasMarkup("a <!-- x --> b")).isTrue();
    assertThat(SafeText.hasMarkup("R&amp;D")).isTrue();
    assertThat(SafeText.hasMarkup("&#60;script&#62;")).isTrue();
  }

  @Test
  void aTitleLosesItsTagsAndScriptsButKeepsItsWords() {
    assertThat(SafeText.plainTitle("<b>児童手当</b>の申請<script>alert(1)</script>")).isEqualTo("児童手当の申請");
    assertThat(SafeText.plainTitle("R&amp;D &#x5150;童")).isEqualTo("R&D 児童");
  }

  @Test
  void aBodyKeepsTheSafeSubsetAndLosesScriptsHandlersAndJavascriptLinks() {
    String body =
        "<p onclick=\"steal()\">11月30日まで<b>必ず</b></p><script>alert(1)</script>"
            + "<a href=\"javascript:alert(1)\">x</a><a href=\"https://city.example/a\">詳細</a>"
            + "<img src=x onerror=alert(1)><iframe src=\"https://evil.example\"></iframe>";

    String safe = SafeText.body(body);

    assertThat(safe)
        .isEqualTo(
            "<p>11月30日まで<b>必ず</b></p>x<a href=\"https://city.example/a\" rel=\"nofollow\">"
                + "詳細</a>");
  }

  @Test
  void aPlainBodyPassesUnchanged() {
    assertThat(SafeText.body("11月30日までに申請してください。\n窓口: 2階")).isEqualTo("11月30日までに申請してください。\n窓口: 2階");
  }

  @Test
  void aPlainTitleIsLeftAsItIs() {
    assertThat(SafeText.plainTitle("児童手当の申請 3<5")).isEqualTo("児童手当の申請 3<5");
    assertThat(SafeText.plainTitle(null)).isNull();
  }

  @Test
  void aTitleKeepsEveryCharacterTheSanitizerWouldEscape() {
    assertThat(SafeText.plainTitle("<b>O'Neil</b> \"Q&amp;A\" 1+1=2 @ `x`"))
        .isEqualTo("O'Neil \"Q&A\" 1+1=2 @ `x`");
  }

  @Test
  void decimalAndHexadecimalCharacterReferencesBecomeTheirCharacters() {
    // 児 is U+5150, 20816 in decimal; &nbsp; is the no-break space U+00A0.
    assertThat(SafeText.plainTitle("&#20816;&#x5150;&nbsp;&lt;申請&gt;")).isEqualTo("児児\u00A0<申請>");
  }

  @Test
  void aReferenceBeyondUnicodeBecomesTheReplacementCharacter() {
    assertThat(SafeText.plainTitle("a&#x110000;b")).isEqualTo("a\uFFFDb");
  }

  @Test
  void everyTitleOfANoticeIsMadePlainLanguageByLanguage() {
    var titles = new LinkedHashMap<String, String>();
    titles.put("ja", "<b>児童手当</b>");
    titles.put("en", "Child allowance");

    assertThat(SafeText.plainTitles(titles))
        .containsExactly(entry("ja", "児童手当"), entry("en", "Child allowance"));
  }

  @Test
  void everyBodyOfANoticeIsCutDownLanguageByLanguage() {
    var bodies = new LinkedHashMap<String, String>();
    bodies.put("ja", "<p>11月30日まで</p><script>alert(1)</script>");
    bodies.put("en", "By 30 November");

    assertThat(SafeText.bodies(bodies))
        .containsExactly(entry("ja", "<p>11月30日まで</p>"), entry("en", "By 30 November"));
  }

  @Test
  void aPlainBodyWithAmpersandsAndLessThanSignsPassesUnchanged() {
    assertThat(SafeText.body("R&D 3<5")).isEqualTo("R&D 3<5");
    assertThat(SafeText.body(null)).isNull();
  }
}
