package io.kairan.api.search;

import io.kairan.api.web.LanguageParameter;
import io.kairan.model.InvalidRecordException;
import io.kairan.model.notice.LocalizedText;
import io.kairan.model.notice.Notice;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/v1/me/search?q=: the caller's notices (delivered to the token's subject, current
 * version, not withdrawn, not over) that hold every term of q, the most relevant first, a page at a
 * time, each in the caller's languages ({@code lang}, then easy Japanese, then Japanese).
 */
@RestController
class SearchController {
  static final int MAX_QUERY = 100;
  static final int MAX_SIZE = 50;

  /** How deep paging goes (page × size + size): a search is for finding, not for listing. */
  static final int MAX_WINDOW = 1_000;

  private final NoticeSearch search;

  SearchController(NoticeSearch search) {
    this.search = search;
  }

  @GetMapping("/api/v1/me/search")
  SearchResult search(
      @AuthenticationPrincipal Jwt caller,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "20") int size,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(required = false) String lang) {
    String query = q == null ? "" : q.strip();
    List<String> problems = new ArrayList<>();
    if (query.isEmpty()) {
      problems.add("q: required, the words to look for");
    } else if (query.codePointCount(0, query.length()) > MAX_QUERY) {
      problems.add("q: at most " + MAX_QUERY + " characters");
    }
    if (size < 1 || size > MAX_SIZE) {
      problems.add("size: must be between 1 and " + MAX_SIZE);
    }
    if (page < 0) {
      problems.add("page: must be 0 or more");
    } else if (size >= 1 && (long) (page + 1) * size > MAX_WINDOW) {
      problems.add("page: (page + 1) × size must be at most " + MAX_WINDOW);
    }
    List<String> languages = LanguageParameter.parse(lang, problems);
    if (!problems.isEmpty()) {
      throw new InvalidRecordException(problems);
    }
    // One more than a page: whether there is a next page, without counting every match.
    List<NoticeSearch.Found> found =
        search.search(caller.getSubject(), query, page * size, size + 1);
    List<SearchResult.FoundNotice> items =
        found.stream().limit(size).map(f -> item(f, languages)).toList();
    return new SearchResult(query, page, size, found.size() > size ? page + 1 : null, items);
  }

  private static SearchResult.FoundNotice item(NoticeSearch.Found found, List<String> languages) {
    Notice notice = found.notice();
    return new SearchResult.FoundNotice(
        notice.id(),
        notice.version(),
        notice.category(),
        notice.severity(),
        notice.publisher().name(),
        LocalizedText.forReader(notice.title(), languages),
        LocalizedText.forReader(notice.body(), languages),
        notice.validity(),
        notice.publishedAt(),
        found.score());
  }
}
