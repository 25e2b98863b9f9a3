package io.kairan.api.feedback;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.kairan.api.feed.FeedDeliveries;
import io.kairan.api.kafka.RecordPublisher;
import io.kairan.api.problem.NotFoundException;
import io.kairan.model.Problems;
import io.kairan.model.Topics;
import io.kairan.model.resident.Feedback;
import io.kairan.model.resident.FeedbackKind;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/v1/me/feedback: the caller opened a notice, found it useful, is not interested, or
 * dismissed it. Always recorded as the caller's own, and only on a notice the caller was given:
 * feedback from anyone else would move a notice's figures (and could lift a withheld count over the
 * line to be read by subtraction).
 */
@RestController
class FeedbackController {
  private final RecordPublisher kafka;
  private final FeedDeliveries deliveries;
  private final Clock clock;

  FeedbackController(RecordPublisher kafka, FeedDeliveries deliveries, Clock clock) {
    this.kafka = kafka;
    this.deliveries = deliveries;
    this.clock = clock;
  }

  /** What the app sends. */
  /** A body may name a resident; it is ignored, the token says whose feedback it is. */
  @JsonIgnoreProperties("residentId")
  record Reaction(String noticeId, FeedbackKind kind) {}

  @PostMapping("/api/v1/me/feedback")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Feedback react(@AuthenticationPrincipal Jwt caller, @RequestBody Reaction reaction) {
    Feedback feedback =
        new Feedback(caller.getSubject(), reaction.noticeId(), reaction.kind(), clock.instant());
    new Problems().merge(feedback.problems()).throwIfAny();
    if (deliveries.latestOf(caller.getSubject(), reaction.noticeId()).isEmpty()) {
      throw new NotFoundException("you were not given notice " + reaction.noticeId());
    }
    kafka.publish(Topics.FEEDBACK, feedback.residentId(), feedback);
    return feedback;
  }
}
