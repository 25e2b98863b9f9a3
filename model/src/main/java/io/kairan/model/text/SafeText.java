package io.kairan.model.text;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Makes notice text safe for any screen. A title is plain text: a title that carries markup is
 * refused at the API ({@link #hasMarkup}) and stripped in ingest ({@link #plainTitle}). A body
 * keeps paragraphs, line breaks, emphasis, lists and https/http links; everything else (scripts,
 * styles, event handlers, images, forms) is removed.
 */
public final class SafeText {
  private static final PolicyFactory BODY =
      Sanitizers.FORMATTING
          .and(Sanitizers.BLOCKS)
          .and(
              new HtmlPolicyBuilder()
                  .allowElements("a", "ul", "ol", "li", "br")
                  .allowStandardUrlProtocols()
                  .allowAttributes("href")
                  .onElements("a")
                  .requireRelNofollowOnLinks()
                  .toFactory());
  private static final PolicyFactory NOTHING = new HtmlPolicyBuilder().toFactory();
  // A tag, a comment or a character reference: anything a browser would not show as typed.
  private static final Pattern MARKUP = Pattern.compile("<[a-zA-Z/!?]|&[#a-zA-Z0-9]+;");

  private SafeText() {}

  /** True when the text holds a tag, a comment or an entity rather than plain words. */
  /** One line of plain text: no tag, comment or character reference, and no control character. */
  public static boolean isPlainLine(String text) {
    return !hasMarkup(text) && text.chars().noneMatch(Character::isISOControl);
  }

  public static boolean hasMarkup(String text) {
    return text != null && MARKUP.matcher(text).find();
  }

  /** The words of a title with every tag removed and entities decoded to their characters. */
  public static String plainTitle(String text) {
    if (text == null || !hasMarkup(text)) {
      return text;
    }
    return unescape(NOTHING.sanitize(text)).strip();
  }

  /** A body with only the safe subset of HTML left; plain text passes unchanged. */
  public static String body(String text) {
    if (text == null || !hasMarkup(text) && text.indexOf('>') < 0) {
      return text;
    }
    return BODY.sanitize(text);
  }

  /** Every title of a notice as plain text, language by language. */
  public static Map<String, String> plainTitles(Map<String, String> titles) {
    var safe = new LinkedHashMap<String, String>();
    titles.forEach((lang, text) -> safe.put(lang, plainTitle(text)));
    return safe;
  }

  /** Every body of a notice cut down to the safe subset, language by language. */
  public static Map<String, String> bodies(Map<String, String> bodies) {
    var safe = new LinkedHashMap<String, String>();
    bodies.forEach((lang, text) -> safe.put(lang, body(text)));
    return safe;
  }

  // The sanitizer escapes what it keeps as text; a plain title wants the characters themselves.
  private static String unescape(String html) {
    String named =
        html.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&nbsp;", " ");
    String numeric =
        NUMERIC
            .matcher(named)
            .replaceAll(
                m -> {
                  int code =
                      m.group(1) != null
                          ? Integer.parseInt(m.group(1))
                          : Integer.parseInt(m.group(2), 16);
                  boolean valid = Character.isValidCodePoint(code) && code != 0;
                  return Matcher.quoteReplacement(Character.toString(valid ? code : 0xFFFD));
                });
    return numeric.replace("&amp;", "&");
  }

  private static final Pattern NUMERIC =
      Pattern.compile("&#(?:(\\d{1,7})|[xX]([0-9a-fA-F]{1,6}));");
}
