package io.kairan.recommender.decide;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.delivery.Channel;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Severity;
import io.kairan.model.resident.QuietHours;
import io.kairan.recommender.match.Match;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {
  private static final Instant NOON_JST = Instant.parse("2026-11-23T03:00:00Z");
  private static final Instant ELEVEN_PM_JST = Instant.parse("2026-11-23T14:00:00Z");

  private static Match match(Severity severity, boolean fromProfileChange) {
    return new Match(
        "r",
        "n",
        1,
        Category.CHILDCARE,
        severity,
        io.kairan.model.notice.PublisherKind.DEPARTMENT,
        Map.of("ja", "t"),
        List.of(),
        0.7,
        fromProfileChange,
        new QuietHours("22:00", "07:00"),
        "Asia/Tokyo",
        "builtin-1",
        NOON_JST);
  }

  @Test
  void importantNoticesArePushedAtOnceOutsideQuietHours() {
    assertThat(DeliveryPolicy.decide(match(Severity.IMPORTANT, false), NOON_JST))
        .isEqualTo(new Decision(Channel.PUSH_NOW, NOON_JST));
  }

  @Test
  void importantNoticesWaitForTheEndOfQuietHoursInTheResidentsZone() {
    Decision decision = DeliveryPolicy.decide(match(Severity.IMPORTANT, false), ELEVEN_PM_JST);

    assertThat(decision.channel()).isEqualTo(Channel.PUSH_AT);
    assertThat(decision.pushAt())
        .isEqualTo(Instant.parse("2026-11-23T22:00:00Z")); // 07:00 JST next day
  }

  @Test
  void emergenciesIgnoreQuietHours() {
    assertThat(DeliveryPolicy.decide(match(Severity.EMERGENCY, false), ELEVEN_PM_JST).channel())
        .isEqualTo(Channel.PUSH_NOW);
  }

  @Test
  void infoNoticesGoToTheFeedOnly() {
    assertThat(DeliveryPolicy.decide(match(Severity.INFO, false), NOON_JST).channel())
        .isEqualTo(Channel.FEED_ONLY);
  }

  @Test
  void aProfileChangeNeverPushesOldNews() {
    assertThat(DeliveryPolicy.decide(match(Severity.IMPORTANT, true), NOON_JST).channel())
        .isEqualTo(Channel.FEED_ONLY);
  }
}
