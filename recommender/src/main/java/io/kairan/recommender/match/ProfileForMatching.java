package io.kairan.recommender.match;

import io.kairan.model.notice.Category;
import io.kairan.model.resident.Consent;
import io.kairan.model.resident.ResidentProfile;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A profile as the match stage keeps it in state: everything matching reads, nothing else. Consents
 * keep only the granted ones, without their times; accessibility needs and the update time stay
 * with the profile on profiles.v1. About a third less state per resident.
 */
public final class ProfileForMatching {
  private static final Consent GRANTED = new Consent(true, null);

  private ProfileForMatching() {}

  public static ResidentProfile of(ResidentProfile p) {
    Map<Category, Consent> granted = new EnumMap<>(Category.class);
    p.consents()
        .forEach(
            (category, consent) -> {
              if (consent.granted()) {
                granted.put(category, GRANTED);
              }
            });
    return new ResidentProfile(
        p.id(),
        p.municipalityCode(),
        p.district(),
        p.home(),
        p.birthYear(),
        p.childrenBirthYears(),
        p.languages(),
        p.interests(),
        granted,
        p.quietHours(),
        p.timeZone(),
        Set.of(),
        null);
  }
}
