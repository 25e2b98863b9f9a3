package io.kairan.recommender.match;

import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Geo;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.resident.ResidentProfile;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Turns an eligible (notice, profile) pair into a Match: the one place a match is built. */
public final class Matching {
  private Matching() {}

  /** A match when the profile is eligible for the live notice at {@code at}; empty otherwise. */
  public static Optional<Match> match(
      Notice notice, ResidentProfile profile, boolean fromProfileChange, Instant at) {
    if (!isLive(notice, at) || !Eligibility.isEligible(notice, profile, at)) {
      return Optional.empty();
    }
    return Optional.of(
        new Match(
            profile.id(),
            notice.id(),
            notice.version(),
            notice.category(),
            notice.severity(),
            notice.publisher().kind(),
            notice.title(),
            Reasons.explain(notice.audience(), profile, at),
            interestHits(notice.audience(), profile),
            notice.location() == null || profile.home() == null
                ? null
                : Geo.distanceKm(notice.location(), profile.home()),
            notice.publishedAt(),
            fromProfileChange,
            // A correction is a significant change: who has the mistake is pushed again.
            notice.status() == NoticeStatus.CHANGED || notice.status() == NoticeStatus.CORRECTED,
            profile.quietHours(),
            profile.timeZone(),
            at,
            notice.validity().until(),
            notice.hazard()));
  }

  /** Published and not yet over; a notice scheduled to start later is already worth knowing. */
  public static boolean isLive(Notice notice, Instant at) {
    return !notice.isWithdrawn() && !notice.validity().isOver(at);
  }

  /** The audience's interests (outside any "not") that the resident follows. */
  static int interestHits(Audience audience, ResidentProfile profile) {
    return audience.accept(new InterestHits(profile));
  }

  /** Counts followed interests through and/or; other kinds, and anything under a not, count 0. */
  private record InterestHits(ResidentProfile profile) implements Audience.Visitor<Integer> {
    @Override
    public Integer interest(Audience.InterestedIn i) {
      return profile.interests().contains(i.interest()) ? 1 : 0;
    }

    @Override
    public Integer allOf(Audience.AllOf all) {
      return sum(all.all());
    }

    @Override
    public Integer anyOf(Audience.AnyOf any) {
      return sum(any.any());
    }

    private int sum(List<Audience> parts) {
      return parts.stream().mapToInt(part -> part.accept(this)).sum();
    }

    @Override
    public Integer everyone(Audience.Everyone everyone) {
      return 0;
    }

    @Override
    public Integer not(Audience.Not not) {
      return 0;
    }

    @Override
    public Integer municipality(Audience.InMunicipality municipality) {
      return 0;
    }

    @Override
    public Integer district(Audience.InDistrict district) {
      return 0;
    }

    @Override
    public Integer age(Audience.AgeBetween age) {
      return 0;
    }

    @Override
    public Integer childAge(Audience.HasChildAgedBetween childAge) {
      return 0;
    }

    @Override
    public Integer language(Audience.Speaks language) {
      return 0;
    }

    @Override
    public Integer polygon(Audience.WithinPolygon polygon) {
      return 0;
    }

    @Override
    public Integer circle(Audience.WithinCircle circle) {
      return 0;
    }
  }
}
