package io.kairan.deploy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The instant the stack ITs fix the job's clock at: the latest 12:00 in Asia/Tokyo not after the
 * wall clock, outside any quiet hours and before the 18:00 digest, and recent enough for push
 * (which reads the wall clock and sends nothing decided over 48 hours ago).
 */
final class AizuNoon {
  private AizuNoon() {}

  static Instant last() {
    ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Asia/Tokyo"));
    ZonedDateTime noon = now.with(LocalTime.NOON);
    return (noon.isAfter(now) ? noon.minusDays(1) : noon).toInstant();
  }
}
