package io.kairan.api.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.springframework.stereotype.Component;

/**
 * Turns text into the terms the notices index holds and a query looks for, the same way on both
 * sides. Japanese (ja and every ja-* tag) goes through kuromoji in search mode: long compounds
 * split (児童手当 is 児童 手当, so 児童手当の申請 is found by 児童手当 and by 手当), verbs to their base form (申請してください
 * keeps 申請), particles and auxiliaries dropped, katakana long vowels stemmed (センター and センタ are
 * one); Latin is lower-cased. Any other language gets Elasticsearch's standard analysis (Unicode
 * word breaks, lower case), done here with the same Lucene classes. Both first fold the variants of
 * {@link TextVariants}. Analyzers are thread-safe.
 */
@Component
public class SearchAnalysis {
  private final Analyzer japanese =
      new JapaneseAnalyzer(
          null,
          JapaneseTokenizer.Mode.SEARCH,
          JapaneseAnalyzer.getDefaultStopSet(),
          JapaneseAnalyzer.getDefaultStopTags());

  // No stop words: Elasticsearch's standard analyzer has none either.
  private final Analyzer standard = new StandardAnalyzer();

  /** Whether a language tag is Japanese: ja itself, or a variant such as ja-x-easy. */
  public static boolean isJapanese(String languageTag) {
    return languageTag.equals("ja") || languageTag.startsWith("ja-");
  }

  /** The terms of Japanese text, in order. */
  public List<String> japanese(String text) {
    return terms(japanese, text);
  }

  /** The terms of text in another language, in order. */
  public List<String> standard(String text) {
    return terms(standard, text);
  }

  /** The terms of text in the given language. */
  public List<String> terms(String languageTag, String text) {
    return isJapanese(languageTag) ? japanese(text) : standard(text);
  }

  private static List<String> terms(Analyzer analyzer, String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("text", TextVariants.fold(text))) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      // Only a Reader over a String is read: no I/O can fail.
      throw new UncheckedIOException(e);
    }
    return terms;
  }
}
