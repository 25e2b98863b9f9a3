package io.kairan.recommender.job;

import io.kairan.model.notice.Category;
import io.kairan.model.resident.QuietHours;
import io.kairan.model.resident.ResidentProfile;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What the decide stage keeps of a resident's last profile, for the one decision it makes without a
 * match: a correction for a resident no longer in the notice's audience.
 *
 * @param consents the categories consented to, by name between commas (",EVENT,HEALTH,"): names
 *     keep their meaning when the enum is reordered, and one string is small state
 */
public record Recipient(QuietHours quietHours, String timeZone, String consents) {

  static Recipient of(ResidentProfile profile) {
    String consented =
        Arrays.stream(Category.values())
            .filter(profile::consentsTo)
            .map(Category::name)
            .collect(Collectors.joining(",", ",", ","));
    return new Recipient(profile.quietHours(), profile.timeZone(), consented);
  }

  boolean consentsTo(Category category) {
    return consents.contains("," + category.name() + ",");
  }
}
