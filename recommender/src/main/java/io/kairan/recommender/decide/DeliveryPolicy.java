package io.kairan.recommender.decide;

import io.kairan.model.delivery.Channel;
import io.kairan.model.notice.Severity;
import io.kairan.model.resident.QuietHours;
import io.kairan.recommender.match.Match;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Chooses the channel. Pushes are for important and emergency notices; everything else goes to the
 * feed. A resident's own profile change never pushes old news, and an updated notice pushes again
 * only when it is important. Quiet hours delay pushes, except emergencies.
 */
public final class DeliveryPolicy {
  private DeliveryPolicy() {}

  public static Decision decide(Match match, Instant now) {
    if (match.severity() == Severity.EMERGENCY) {
      return new Decision(Channel.PUSH_NOW, now);
    }
    if (match.fromProfileChange() || match.severity() == Severity.INFO) {
      return new Decision(Channel.FEED_ONLY, now);
    }
    // IMPORTANT: a first delivery or an important update; both deserve a push.
    QuietHours quiet = match.quietHours();
    if (quiet == null) {
      return new Decision(Channel.PUSH_NOW, now);
    }
    ZonedDateTime local = now.atZone(ZoneId.of(match.timeZone()));
    if (!quiet.contains(local.toLocalTime())) {
      return new Decision(Channel.PUSH_NOW, now);
    }
    return new Decision(Channel.PUSH_AT, endOfQuietHours(quiet, local).toInstant());
  }

  static ZonedDateTime endOfQuietHours(QuietHours quiet, ZonedDateTime local) {
    ZonedDateTime end = local.with(quiet.endTime());
    return end.isAfter(local) ? end : end.plusDays(1);
  }
}
