package io.kairan.recommender.match;

import io.kairan.model.notice.Notice;
import io.kairan.model.notice.Severity;
import io.kairan.model.resident.ResidentProfile;
import java.time.Instant;

/**
 * Hard eligibility: the resident lives in the notice's municipality, is in its audience, and has
 * consented to its category. Emergencies need no consent: no eligible resident may miss one.
 */
public final class Eligibility {
  private Eligibility() {}

  public static boolean isEligible(Notice notice, ResidentProfile profile, Instant at) {
    return notice.municipalityCode().equals(profile.municipalityCode())
        && (notice.severity() == Severity.EMERGENCY || profile.consentsTo(notice.category()))
        && AudienceMatcher.matches(notice.audience(), profile, at);
  }
}
