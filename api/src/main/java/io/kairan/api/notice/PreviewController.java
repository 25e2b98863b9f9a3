package io.kairan.api.notice;

import io.kairan.api.reach.ReachFigures;
import io.kairan.api.reach.ReachPreview;
import io.kairan.api.security.PublisherToken;
import io.kairan.api.security.Role;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import java.time.Clock;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/v1/notices/preview: how many residents a draft would reach now, by district and by
 * channel, before it is posted. The draft is checked exactly as a post is. A publisher previews
 * only drafts of the municipality their token names ({@value Role#MUNICIPALITY_CLAIM}); an operator
 * any municipality's.
 */
@RestController
class PreviewController {
  private static final String PREVIEW_ID = "preview";
  private final ReachPreview reach;
  private final Clock clock;

  PreviewController(ReachPreview reach, Clock clock) {
    this.reach = reach;
    this.clock = clock;
  }

  @PostMapping("/api/v1/notices/preview")
  ReachFigures preview(Authentication caller, @RequestBody NoticeDraft draft) {
    Jwt token = (Jwt) caller.getPrincipal();
    boolean operator = Role.OPERATOR.heldBy(caller);
    PublisherToken publisher = operator ? null : PublisherToken.of(caller);
    Notice notice =
        draft.toNotice(
            PREVIEW_ID,
            1,
            operator
                ? new Publisher(token.getSubject(), token.getSubject(), PublisherKind.DEPARTMENT)
                : publisher.publisher(),
            NoticeStatus.PUBLISHED,
            clock.instant());
    NoticeWrites.check(notice);
    if (!operator) {
      publisher.mayPublishFor(notice.municipalityCode());
    }
    return reach.of(notice);
  }
}
