package io.kairan.deploy.faults;

import io.kairan.api.notice.NoticeDraft;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import io.kairan.model.resident.Consent;
import io.kairan.model.resident.Device;
import io.kairan.model.resident.Platform;
import io.kairan.model.resident.ResidentProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The drill's residents and notices, the same in every run, so a run with faults can be compared
 * with one without: resident {@code i} lives in district {@code i mod D}; notice {@code k} goes to
 * district {@code k mod D}, an emergency when {@code k} is even (pushed to everyone, whatever the
 * time of day or the daily caps) and an event to the feed only when odd. A profile change switches
 * a resident's languages, which changes what their push says but not who a notice is for.
 */
record DrillWorkload(int residents, List<String> districts, int notices) {
  static final String MUNICIPALITY = "072028";

  /** Five towns of the demo city. */
  static final List<String> DISTRICTS = List.of("一箕町", "七日町", "北会津町", "河東町", "門田町");

  String residentId(int i) {
    return String.format("drill-%05d", i);
  }

  String districtOf(int resident) {
    return districts.get(resident % districts.size());
  }

  ResidentProfile profile(int i, boolean english, Instant now) {
    return new ResidentProfile(
        residentId(i),
        MUNICIPALITY,
        districtOf(i),
        null,
        1970 + i % 40,
        List.of(),
        english ? List.of("en", "ja") : List.of("ja"),
        Set.of(),
        Map.of(Category.EVENTS, new Consent(true, now)),
        null,
        "Asia/Tokyo",
        Set.of(),
        null);
  }

  Device device(int i, Instant now) {
    return new Device(
        "device-" + residentId(i), residentId(i), token(i), Platform.ANDROID, "ja", now);
  }

  String token(int i) {
    return "drill-token-" + residentId(i);
  }

  boolean isEmergency(int notice) {
    return notice % 2 == 0;
  }

  String districtOfNotice(int notice) {
    return districts.get(notice % districts.size());
  }

  NoticeDraft draft(int k, Instant now) {
    boolean emergency = isEmergency(k);
    return new NoticeDraft(
        MUNICIPALITY,
        emergency ? Category.DISASTER : Category.EVENTS,
        Map.of("ja", "訓練 #" + k, "en", "Drill #" + k),
        Map.of("ja", "障害訓練の通知です（" + districtOfNotice(k) + "）。"),
        null,
        null,
        new Validity(now, now.plus(Duration.ofDays(30))),
        emergency ? Severity.EMERGENCY : Severity.INFO,
        new Audience.InDistrict(List.of(districtOfNotice(k))),
        null,
        null,
        null);
  }

  /** An emergency to every district before the stream, to know the job holds every profile. */
  NoticeDraft warmUp(Instant now) {
    return new NoticeDraft(
        MUNICIPALITY,
        Category.DISASTER,
        Map.of("ja", "訓練の開始", "en", "The drill begins"),
        Map.of("ja", "障害訓練を始めます。"),
        null,
        null,
        new Validity(now, now.plus(Duration.ofDays(30))),
        Severity.EMERGENCY,
        new Audience.InDistrict(districts),
        null,
        null,
        null);
  }

  /** Who notice {@code k} is for, from the districts alone: the reference, not the matcher. */
  Set<String> eligible(int k) {
    String district = districtOfNotice(k);
    return IntStream.range(0, residents)
        .filter(i -> districtOf(i).equals(district))
        .mapToObj(this::residentId)
        .collect(Collectors.toUnmodifiableSet());
  }
}
