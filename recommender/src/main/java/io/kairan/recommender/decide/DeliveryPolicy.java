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
 * only when it is important. Quiet hours delay pushes, and daily caps (all pushes, and firms'
 * pushes separately, per local day) turn further pushes into feed entries; emergencies bypass both.
 */
public final class DeliveryPolicy {
  /** Non-emergency pushes a resident gets per local day at most. */
  public static final int DAILY_PUSH_CAP = 5;

  /** Pushes from local firms per local day at most, so offers never crowd out civic notices. */
  public static final int FIRM_DAILY_PUSH_CAP = 1;

  private DeliveryPolicy() {}

  /**
   * The decision under the daily caps, given the pushes already counted for the push's local day.
   * The caller counts a push decision into that day ({@link #count}).
   */
  public static Decision decide(Match match, Instant now, PushDay sameDay) {
    Decision decision = decide(match, now);
    if (!decision.channel().pushes() || match.severity() == Severity.EMERGENCY) {
      return decision;
    }
    boolean firmOverCap =
        match.publisherKind() == io.kairan.model.notice.PublisherKind.FIRM
            && sameDay.firmPushes() >= FIRM_DAILY_PUSH_CAP;
    if (sameDay.pushes() >= DAILY_PUSH_CAP || firmOverCap) {
      return new Decision(Channel.FEED_ONLY, now);
    }
    return decision;
  }

  /** The local day (in the resident's zone) a push decision falls on. */
  public static String dayOf(Decision decision, Match match) {
    return decision.pushAt().atZone(ZoneId.of(match.timeZone())).toLocalDate().toString();
  }

  /** The day's count after this decision: emergencies and feed entries do not count. */
  public static PushDay count(PushDay day, Decision decision, Match match) {
    return decision.channel().pushes() && match.severity() != Severity.EMERGENCY
        ? day.plus(match.publisherKind())
        : day;
  }

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
