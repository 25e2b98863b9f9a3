package io.kairan.model.text;

import static org.assertj.core.api.Assertions.assertThat;

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
}
