package io.kairan.recommender.job;

import io.kairan.model.resident.Feedback;
import io.kairan.recommender.match.Match;

/**
 * What reaches a resident's decide state: a match, a profile change or a piece of feedback (exactly
 * one is set). One stream, so the decide stage can also take the rules' broadcast stream.
 */
public record ResidentEvent(
    String residentId, Match match, ProfileChange change, Feedback feedback) {

  static ResidentEvent of(Match match) {
    return new ResidentEvent(match.residentId(), match, null, null);
  }

  static ResidentEvent of(ProfileChange change) {
    return new ResidentEvent(change.residentId(), null, change, null);
  }

  static ResidentEvent of(Feedback feedback) {
    return new ResidentEvent(feedback.residentId(), null, null, feedback);
  }
}
