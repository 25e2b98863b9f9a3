package io.kairan.api.feed;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/v1/me/feed: the caller's feed, newest first. */
@RestController
class FeedController {
  private static final int MAX_SIZE = 100;
  private final FeedReader reader;

  FeedController(FeedReader reader) {
    this.reader = reader;
  }

  @GetMapping("/api/v1/me/feed")
  List<FeedItem> feed(
      @AuthenticationPrincipal Jwt caller, @RequestParam(defaultValue = "20") int size) {
    if (size < 1 || size > MAX_SIZE) {
      throw new io.kairan.model.InvalidRecordException(
          List.of("size: must be between 1 and " + MAX_SIZE));
    }
    return reader.feed(caller.getSubject(), size);
  }
}
