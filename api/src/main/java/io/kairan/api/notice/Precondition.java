package io.kairan.api.notice;

import io.kairan.model.InvalidRecordException;
import io.kairan.model.notice.Notice;
import java.util.List;
import org.springframework.http.ETag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * An If-Match header against a notice's version, its entity tag ({@code "3"}). Compared strongly
 * (RFC 9110 13.1.1): a weak tag never matches; {@code *} matches any current version.
 */
record Precondition(List<ETag> tags) {
  /** No If-Match: any current version will do. */
  static final Precondition ANY = new Precondition(List.of());

  /** The tag of a notice's version, as sent in ETag. */
  static String tagOf(Notice notice) {
    return "\"" + notice.version() + "\"";
  }

  /** A PUT must say which version it changes: without If-Match, 428 (RFC 6585). */
  static Precondition required(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ResponseStatusException(
          HttpStatus.PRECONDITION_REQUIRED,
          "A PUT needs If-Match with the notice's current ETag (GET /api/v1/notices/{id} gives"
              + " it), so it cannot overwrite a version it has not seen.");
    }
    return parse(ifMatch);
  }

  /** An optional If-Match (withdrawal): absent means any current version. */
  static Precondition optional(String ifMatch) {
    return ifMatch == null || ifMatch.isBlank() ? ANY : parse(ifMatch);
  }

  /**
   * A header that is there but names no tag ({@code 1}, {@code banana}, {@code ""}) is a mistake,
   * not "any version": Spring parses it to an empty list, which would otherwise match everything.
   */
  private static Precondition parse(String ifMatch) {
    List<ETag> tags = ETag.parse(ifMatch);
    if (tags.isEmpty()) {
      throw new InvalidRecordException(
          List.of(
              HttpHeaders.IF_MATCH + ": must be the notice's ETag in quotes, e.g. \"3\", or *"));
    }
    return new Precondition(tags);
  }

  void check(Notice current) {
    ETag currentTag = ETag.create(tagOf(current));
    boolean matches =
        tags.isEmpty()
            || tags.stream()
                .anyMatch(t -> t.isWildcard() || (!t.weak() && t.compare(currentTag, true)));
    if (!matches) {
      throw new ResponseStatusException(
          HttpStatus.PRECONDITION_FAILED,
          "The notice is at version "
              + current.version()
              + " (ETag "
              + tagOf(current)
              + "); If-Match named another. Read it again and reapply the change.");
    }
  }
}
