package io.kairan.api.notice;

import io.kairan.api.problem.NotYoursException;
import io.kairan.api.reach.ReachFigures;
import io.kairan.api.reach.ReachPreview;
import io.kairan.api.security.Role;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * POST /api/v1/notices/preview: how many residents a draft would reach now, by district and by
 * channel, before it is posted. The draft is checked exactly as a post is. A publisher previews
 * only drafts of the municipality their token names ({@value #MUNICIPALITY_CLAIM}); an operator any
 * municipality's.
 */
@RestController
class PreviewController {
  static final String MUNICIPALITY_CLAIM = "municipality_code";
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
    boolean operator =
        caller.getAuthorities().stream()
            .anyMatch(a -> a.getAuthority().equals("ROLE_" + Role.OPERATOR.name()));
    Publisher publisher =
        operator
            ? new Publisher(token.getSubject(), token.getSubject(), PublisherKind.DEPARTMENT)
            : NoticeController.publisher(token);
    String municipality = token.getClaimAsString(MUNICIPALITY_CLAIM);
    if (!operator && (municipality == null || municipality.isBlank())) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN,
          "Your token does not say which municipality you publish for: its "
              + MUNICIPALITY_CLAIM
              + " claim must name it.");
    }
    Notice notice =
        draft.toNotice(PREVIEW_ID, 1, publisher, NoticeStatus.PUBLISHED, clock.instant());
    NoticeWrites.check(notice);
    if (!operator && !municipality.equals(notice.municipalityCode())) {
      throw new NotYoursException(
          "You publish for municipality "
              + municipality
              + "; this draft is for "
              + notice.municipalityCode()
              + ".");
    }
    return reach.of(notice);
  }
}
