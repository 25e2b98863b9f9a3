package io.kairan.recommender.match;

import io.kairan.model.notice.Notice;
import io.kairan.model.resident.ResidentProfile;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Turns an eligible (notice, profile) pair into a Match: the one place a match is built. */
public final class Matching {
  /** The backbone's fixed rules; versioned rule sets replace this name. */
  public static final String RULE_VERSION = "builtin-1";

  private Matching() {}

  /** A match when the profile is eligible for the live notice at {@code at}; empty otherwise. */
  public static Optional<Match> match(
      Notice notice, ResidentProfile profile, boolean fromProfileChange, Instant at) {
    if (!isLive(notice, at) || !Eligibility.isEligible(notice, profile, at)) {
      return Optional.empty();
    }
    List<String> reasons = Reasons.explain(notice.audience(), profile, at);
    return Optional.of(
        new Match(
            profile.id(),
            notice.id(),
            notice.version(),
            notice.category(),
            notice.severity(),
            notice.publisher().kind(),
            notice.title(),
            reasons,
            Scoring.score(notice, profile, reasons.size()),
            fromProfileChange,
            profile.quietHours(),
            profile.timeZone(),
            RULE_VERSION,
            at));
  }

  /** Published and not yet over; a notice scheduled to start later is already worth knowing. */
  public static boolean isLive(Notice notice, Instant at) {
    return !notice.isWithdrawn() && !notice.validity().isOver(at);
  }
}
