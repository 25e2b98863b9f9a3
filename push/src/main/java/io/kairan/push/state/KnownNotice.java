package io.kairan.push.state;

import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.Severity;
import java.time.Instant;
import java.util.List;

/**
 * What push needs of a notice's latest version, and no more (no texts, no audience beyond a
 * district list): whether it was withdrawn, until when it is valid, and the districts an emergency
 * for whole districts covers.
 *
 * @param until the end of its validity, or null if it has none
 * @param emergencyDistricts the districts of an emergency whose audience is exactly a district
 *     list; empty otherwise
 */
public record KnownNotice(
    int version,
    boolean withdrawn,
    Instant until,
    String municipalityCode,
    List<String> emergencyDistricts) {
  public KnownNotice {
    emergencyDistricts = List.copyOf(emergencyDistricts);
  }

  static KnownNotice of(Notice notice) {
    List<String> districts =
        notice.severity() == Severity.EMERGENCY
                && notice.audience() instanceof Audience.InDistrict inDistricts
            ? inDistricts.districts()
            : List.of();
    return new KnownNotice(
        notice.version(),
        notice.isWithdrawn(),
        notice.validity() == null ? null : notice.validity().until(),
        notice.municipalityCode(),
        districts);
  }
}
