package io.kairan.recommender.job;

import io.kairan.model.notice.Category;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.resident.QuietHours;
import io.kairan.model.resident.ResidentProfile;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the decide stage keeps of a resident's last profile: for the one decision it makes without a
 * match (a correction for a resident no longer in the notice's audience), and for where an
 * emergency sends them (their home and needs).
 *
 * @param consents the categories consented to, by name between commas (",EVENT,HEALTH,"): names
 *     keep their meaning when the enum is reordered, and one string is small state
 * @param accessibility the profile's needs, sorted (a list: Flink serializes it without Kryo)
 */
public record Recipient(
    QuietHours quietHours,
    String timeZone,
    String consents,
    GeoPoint home,
    List<String> accessibility) {

  static Recipient of(ResidentProfile profile) {
    String consented =
        Arrays.stream(Category.values())
            .filter(profile::consentsTo)
            .map(Category::name)
            .collect(Collectors.joining(",", ",", ","));
    return new Recipient(
        profile.quietHours(),
        profile.timeZone(),
        consented,
        profile.home(),
        profile.accessibility().stream().sorted().toList());
  }

  boolean consentsTo(Category category) {
    return consents.contains("," + category.name() + ",");
  }

  Set<String> needs() {
    return accessibility == null ? Set.of() : Set.copyOf(accessibility);
  }
}
