package io.kairan.push.dispatch;

import io.kairan.model.delivery.Delivery;
import io.kairan.model.notice.LocalizedText;
import io.kairan.model.notice.Severity;
import io.kairan.push.email.FallbackMail;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fallback e-mail of a delivery that reached none of the resident's devices, in the resident's
 * language by the same chain as a push: the severity and title, the evacuation site and the shelter
 * for their needs (an e-mail, unlike a lock screen, is read by its owner alone), why it came by
 * mail, and where to read the notice.
 */
final class FallbackMails {
  private static final Map<Severity, Map<String, String>> LABEL =
      Map.of(
          Severity.EMERGENCY,
          Map.of("ja", "【緊急】", LocalizedText.EASY_JAPANESE, "【きんきゅう】", "en", "[Emergency] "),
          Severity.IMPORTANT,
          Map.of("ja", "【重要】", LocalizedText.EASY_JAPANESE, "【だいじ】", "en", "[Important] "),
          Severity.INFO,
          Map.of("ja", "", "en", ""));

  private static final Map<String, String> WHY =
      Map.of(
          "ja",
          "スマートフォンのアプリに届けられなかったため、登録されたメールアドレスにお送りしています。",
          LocalizedText.EASY_JAPANESE,
          "アプリ に とどかなかった ので、 メール で おくります。",
          "en",
          "This could not reach your phone, so it comes to the e-mail address you gave.");

  private static final Map<String, String> MORE =
      Map.of(
          "ja", "詳しくは: %s", LocalizedText.EASY_JAPANESE, "くわしく は: %s", "en", "Read it in full: %s");

  private FallbackMails() {}

  static FallbackMail of(
      Delivery delivery, String address, List<String> languages, String detailsUrl) {
    String title = LocalizedText.forReader(delivery.title(), languages);
    String subject = LocalizedText.forReader(LABEL.get(delivery.severity()), languages) + title;
    List<String> lines = new ArrayList<>();
    lines.add(subject);
    lines.add("");
    lines.addAll(SiteLines.allLines(delivery.sites(), languages));
    if (!delivery.sites().isEmpty()) {
      lines.add("");
    }
    lines.add(LocalizedText.forReader(WHY, languages));
    if (detailsUrl != null && !detailsUrl.isBlank()) {
      lines.add(String.format(LocalizedText.forReader(MORE, languages), detailsUrl));
    }
    return new FallbackMail(address, subject, String.join("\n", lines) + "\n");
  }
}
