package io.kairan.api.feed;

import io.kairan.api.web.LanguageParameter;
import io.kairan.model.InvalidRecordException;
import io.kairan.model.notice.Category;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The caller's feed: a page at a time, newest first (GET /api/v1/me/feed, the next page named by a
 * cursor in the Link and Kairan-Next-Cursor headers), the digest section (GET
 * /api/v1/me/feed/digest) and one notice (GET /api/v1/me/notices/{id}).
 */
@RestController
class FeedController {
  static final int MAX_SIZE = 100;
  static final String NEXT_CURSOR = "Kairan-Next-Cursor";
  private final FeedReader reader;
  private final DigestReader digests;
  private final NoticeReader notices;

  FeedController(FeedReader reader, DigestReader digests, NoticeReader notices) {
    this.reader = reader;
    this.digests = digests;
    this.notices = notices;
  }

  @GetMapping("/api/v1/me/feed")
  ResponseEntity<List<FeedItem>> feed(
      @AuthenticationPrincipal Jwt caller,
      @RequestParam(defaultValue = "20") int size,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String unread) {
    List<String> problems = new ArrayList<>();
    if (size < 1 || size > MAX_SIZE) {
      problems.add("size: must be between 1 and " + MAX_SIZE);
    }
    Category only = category(category, problems);
    boolean unreadOnly = flag(unread, problems);
    if (!problems.isEmpty()) {
      throw new InvalidRecordException(problems);
    }
    FeedCursor from = cursor == null ? reader.start() : FeedCursor.decode(cursor);
    FeedReader.Page page =
        reader.page(new FeedReader.Query(caller.getSubject(), from, only, unreadOnly, size));
    var response = ResponseEntity.ok();
    if (page.next() != null) {
      String next = page.next().encode();
      var link =
          UriComponentsBuilder.fromPath("/api/v1/me/feed")
              .queryParam("size", size)
              .queryParam("cursor", next);
      if (only != null) {
        link.queryParam("category", only.name());
      }
      if (unreadOnly) {
        link.queryParam("unread", true);
      }
      response.header(HttpHeaders.LINK, "<" + link.toUriString() + ">; rel=\"next\"");
      response.header(NEXT_CURSOR, next);
    }
    return response.body(page.items());
  }

  @GetMapping("/api/v1/me/feed/digest")
  Digest digest(@AuthenticationPrincipal Jwt caller) {
    return digests.digest(caller.getSubject());
  }

  @GetMapping("/api/v1/me/notices/{id}")
  NoticeDetail notice(
      @AuthenticationPrincipal Jwt caller,
      @PathVariable String id,
      @RequestParam(required = false) String lang) {
    List<String> problems = new ArrayList<>();
    List<String> languages = LanguageParameter.parse(lang, problems);
    if (!problems.isEmpty()) {
      throw new InvalidRecordException(problems);
    }
    return notices.read(caller.getSubject(), id, languages);
  }

  /** 410 Gone, as a problem saying when the notice was withdrawn. */
  @ExceptionHandler(NoticeReader.WithdrawnException.class)
  ProblemDetail withdrawn(NoticeReader.WithdrawnException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, e.getMessage());
    problem.setTitle("Withdrawn");
    problem.setProperty("withdrawnAt", e.at.toString());
    return problem;
  }

  private static Category category(String name, List<String> problems) {
    if (name == null) {
      return null;
    }
    try {
      return Category.valueOf(name);
    } catch (IllegalArgumentException e) {
      problems.add("category: must be one of " + Arrays.toString(Category.values()));
      return null;
    }
  }

  private static boolean flag(String value, List<String> problems) {
    if (value == null || value.equals("false")) {
      return false;
    }
    if (!value.equals("true")) {
      problems.add("unread: must be true or false");
    }
    return true;
  }
}
