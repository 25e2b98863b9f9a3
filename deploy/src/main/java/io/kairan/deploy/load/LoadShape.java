package io.kairan.deploy.load;

import io.kairan.api.notice.NoticeDraft;
import io.kairan.deploy.demo.SyntheticResidents;
import io.kairan.deploy.demo.Town;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.MunicipalityCode;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import io.kairan.model.resident.ResidentProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the residents are spread and what the notices reach. {@link #ONE}: every resident in one city
 * (会津若松市, 072028), each notice to one of its districts in turn (99 districts, so a notice reaches
 * about 1 % of the residents on average). {@link #MANY}: the same residents spread over 125
 * municipalities side by side, each notice to the whole of one of them in turn (0.8 %): about as
 * many deliveries per notice, but 125 publishers, 125 municipality bitmaps per shard and every
 * notice matched against a 125th of the profiles.
 */
enum LoadShape {
  ONE(1),
  MANY(125);

  /** The demo city's code: the first of the synthetic ones, so both shapes include it. */
  static final String FIRST_MUNICIPALITY = "072028";

  private final int municipalities;
  private final List<String> codes;

  LoadShape(int municipalities) {
    this.municipalities = municipalities;
    this.codes = codes(municipalities);
  }

  int municipalities() {
    return municipalities;
  }

  String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Valid JIS X 0402 codes (five digits and their check digit) from 07202 (会津若松市) on: synthetic
   * beyond the first, as real prefectures' codes are not consecutive.
   */
  List<String> municipalityCodes() {
    return codes;
  }

  private static List<String> codes(int municipalities) {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < municipalities; i++) {
      codes.add(MunicipalityCode.withCheckDigit(String.format("07%03d", 202 + i)));
    }
    return List.copyOf(codes);
  }

  /**
   * {@code residents} synthetic residents of the demo city's towns (the benchmarks' generator, same
   * seed), the i-th in municipality {@code i mod municipalities}: each gets N / 125 (± 1).
   */
  List<ResidentProfile> residents(List<Town> towns, int residents, Instant now) {
    List<ResidentProfile> generated = SyntheticResidents.generate(towns, residents, 72028, now);
    if (this == ONE) {
      return generated;
    }
    List<ResidentProfile> spread = new ArrayList<>(generated.size());
    for (int i = 0; i < generated.size(); i++) {
      ResidentProfile p = generated.get(i);
      spread.add(
          new ResidentProfile(
              p.id(),
              codes.get(i % codes.size()),
              p.district(),
              p.home(),
              p.birthYear(),
              p.childrenBirthYears(),
              p.languages(),
              p.interests(),
              p.consents(),
              p.quietHours(),
              p.timeZone(),
              p.accessibility(),
              p.updatedAt()));
    }
    return spread;
  }

  /** The n-th notice of the stream: its municipality, and to whom in it. */
  NoticeDraft notice(int n, List<String> districts, Instant now) {
    String municipality;
    Audience audience;
    String about;
    if (this == ONE) {
      municipality = FIRST_MUNICIPALITY;
      String district = districts.get(n % districts.size());
      audience = new Audience.InDistrict(List.of(district));
      about = district;
    } else {
      municipality = municipalityCodes().get(n % municipalities);
      audience = new Audience.Everyone();
      about = municipality;
    }
    return new NoticeDraft(
        municipality,
        Category.ADMINISTRATION,
        Map.of("ja", "お知らせ " + n + " (" + about + ")", "en", "Notice " + n + " (" + about + ")"),
        Map.of("ja", "負荷試験のお知らせです。"),
        null,
        null,
        new Validity(now, now.plus(Duration.ofHours(6))),
        Severity.INFO,
        audience,
        null,
        null,
        null);
  }

  /**
   * Who posts the n-th notice: a publisher of its municipality. The one city's notices rotate over
   * {@code publishers} identities, since the API limits each client's writes per second.
   */
  String publisherOf(int n, int publishers) {
    return this == ONE
        ? "load-publisher-" + (n % publishers)
        : "load-publisher-" + municipalityCodes().get(n % municipalities);
  }
}
