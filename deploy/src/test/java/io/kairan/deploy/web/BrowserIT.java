package io.kairan.deploy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The browser tests' own checks can fail: axe finds what it must, a screenshot is a real PNG. */
class BrowserIT {
  private static String page(String body) {
    return "data:text/html;charset=utf-8,"
        + URLEncoder.encode(
                "<!doctype html><html lang=\"ja\"><head><title>t</title></head><body><main>"
                    + body
                    + "</main></body></html>",
                StandardCharsets.UTF_8)
            .replace("+", "%20");
  }

  @Test
  void axeFailsAPageWithAnUnlabelledFieldAndFaintTextNamingBoth() {
    try (Browser browser = Browser.mobile()) {
      browser.open(
          page(
              "<h1>入力</h1><input type=\"text\" id=\"q\">"
                  + "<p style=\"color:#bbb;background:#fff\">うすい文字</p>"));
      assertThatThrownBy(() -> browser.axe("a bad page"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("critical label")
          .hasMessageContaining("#q")
          .hasMessageContaining("serious color-contrast");
    }
  }

  @Test
  void axePassesALabelledPageWithEnoughContrast() {
    try (Browser browser = Browser.desktop()) {
      browser.open(
          page(
              "<h1>入力</h1><label for=\"q\">検索</label><input type=\"text\" id=\"q\">"
                  + "<p style=\"color:#333;background:#fff\">こい文字</p>"));
      browser.axe("a good page");
    }
  }

  @Test
  void aScreenshotIsAPngFileUnderTargetScreenshots() throws Exception {
    try (Browser browser = Browser.mobile()) {
      browser.open(page("<h1>画面</h1>"));
      var file = browser.screenshot("browser-it-check");
      byte[] png = Files.readAllBytes(file);
      assertThat(file).startsWith(Browser.SCREENSHOTS);
      assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }
  }
}
