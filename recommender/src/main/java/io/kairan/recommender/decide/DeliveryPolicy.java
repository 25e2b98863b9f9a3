package io.kairan.recommender.decide;

import io.kairan.model.delivery.Channel;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import io.kairan.model.resident.QuietHours;
import io.kairan.model.rules.RuleSet;
import io.kairan.recommender.match.Match;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Chooses the channel under a rule set. Pushes are for important and emergency notices; info goes
 * to the feed. A resident's own profile change never pushes old news. An important notice of a
 * digest category, or scoring below the push threshold, waits for the daily digest. Quiet hours
 * (the resident's, else the rule set's default) delay pushes, and daily caps (all pushes, and
 * firms' separately, per local day) send further pushes to the digest; the digest itself is never
 * in quiet hours (a digest time inside them moves to their end). Emergencies bypass all.
 */
public final class DeliveryPolicy {
  private DeliveryPolicy() {}

  /**
   * The decision under the daily caps, given the pushes already counted for the push's local day
   * ({@link #dayOf} of the {@link #plan}). The caller counts a push decision into that day ({@link
   * #count}).
   */
  public static Decision decide(
      Match match, double score, RuleSet rules, Instant now, PushDay sameDay) {
    return underCaps(plan(match, score, rules, now), match, rules, sameDay);
  }

  /** A planned decision under the daily caps: over one, a push waits for the digest instead. */
  public static Decision underCaps(Decision planned, Match match, RuleSet rules, PushDay sameDay) {
    if (!planned.channel().pushes() || match.severity() == Severity.EMERGENCY) {
      return planned;
    }
    boolean firmOverCap =
        match.publisherKind() == PublisherKind.FIRM
            && sameDay.firmPushes() >= rules.firmDailyPushCap();
    if (sameDay.pushes() >= rules.dailyPushCap() || firmOverCap) {
      return digest(match, rules, planned.pushAt());
    }
    return planned;
  }

  /** The decision before caps. */
  public static Decision plan(Match match, double score, RuleSet rules, Instant now) {
    if (match.severity() == Severity.EMERGENCY) {
      return new Decision(Channel.PUSH_NOW, now);
    }
    if (match.fromProfileChange() || match.severity() == Severity.INFO) {
      return new Decision(Channel.FEED_ONLY, now);
    }
    // IMPORTANT: a first delivery or an important update.
    if (rules.digestCategories().contains(match.category()) || score < rules.pushThreshold()) {
      return digest(match, rules, now);
    }
    QuietHours quiet = quietHoursOf(match, rules);
    ZonedDateTime local = now.atZone(ZoneId.of(match.timeZone()));
    if (quiet == null || !quiet.contains(local.toLocalTime())) {
      return new Decision(Channel.PUSH_NOW, now);
    }
    return new Decision(Channel.PUSH_AT, next(quiet.endTime(), local).toInstant());
  }

  /**
   * Whether a new version of a notice the resident already has is pushed again: only when its
   * publisher marked it as a significant change, or its severity rose (important to emergency). Any
   * other update changes the feed silently.
   */
  public static boolean pushesAgain(Match update, Severity before) {
    return update.significantChange() || update.severity().compareTo(before) > 0;
  }

  /** The decision for an update that is not pushed again: the feed shows the new version. */
  public static Decision silentUpdate(Instant now) {
    return new Decision(Channel.FEED_ONLY, now);
  }

  /** The local day (in the resident's zone) a decision falls on. */
  public static String dayOf(Decision decision, Match match) {
    return decision.pushAt().atZone(ZoneId.of(match.timeZone())).toLocalDate().toString();
  }

  /** The day's count after this decision: only non-emergency pushes count. */
  public static PushDay count(PushDay day, Decision decision, Match match) {
    return decision.channel().pushes() && match.severity() != Severity.EMERGENCY
        ? day.plus(match.publisherKind())
        : day;
  }

  /** The first digest after {@code after}, in the resident's zone. */
  private static Decision digest(Match match, RuleSet rules, Instant after) {
    ZonedDateTime local = after.atZone(ZoneId.of(match.timeZone()));
    return new Decision(Channel.DIGEST, next(digestTime(match, rules), local).toInstant());
  }

  /**
   * The resident's local digest time: the rule set's, or the end of their quiet hours when it falls
   * inside them (push sends the digest at this time, and never in quiet hours).
   */
  static LocalTime digestTime(Match match, RuleSet rules) {
    LocalTime time = LocalTime.parse(rules.digestTime());
    QuietHours quiet = quietHoursOf(match, rules);
    return quiet != null && quiet.contains(time) ? quiet.endTime() : time;
  }

  /** The resident's quiet hours, else the rule set's default; null when neither has any. */
  private static QuietHours quietHoursOf(Match match, RuleSet rules) {
    return match.quietHours() != null ? match.quietHours() : rules.defaultQuietHours();
  }

  /** The next time the clock shows {@code time}, strictly after {@code local}. */
  static ZonedDateTime next(LocalTime time, ZonedDateTime local) {
    ZonedDateTime at = local.with(time);
    return at.isAfter(local) ? at : at.plusDays(1);
  }
}
