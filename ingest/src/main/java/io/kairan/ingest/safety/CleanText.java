package io.kairan.ingest.safety;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Plain text from whatever a feed put in a field: HTML stripped, whitespace tidied, length capped.
 */
public final class CleanText {
  private CleanText() {}

  /** Text without markup; null and blank become null. */
  public static String of(String html, int maxLength) {
    if (html == null || html.isBlank()) {
      return null;
    }
    // Keep line breaks that the markup meant; drop every tag, script and attribute.
    String marked = html.replaceAll("(?i)<br\\s*/?>|</p>|</li>|</div>", "\n");
    String text =
        Jsoup.clean(marked, "", Safelist.none(), new Document.OutputSettings().prettyPrint(false));
    text = org.jsoup.parser.Parser.unescapeEntities(text, false);
    text =
        text.replace('\u00a0', ' ')
            .replaceAll("[ \\t\\x0B\\f]+", " ")
            .replaceAll(" *\\r?\\n *", "\n")
            .replaceAll("\\n{3,}", "\n\n")
            .strip();
    if (text.isEmpty()) {
      return null;
    }
    return text.length() > maxLength ? text.substring(0, maxLength - 1) + "…" : text;
  }
}
