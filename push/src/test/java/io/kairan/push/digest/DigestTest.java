package io.kairan.push.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.delivery.Delivery;
import io.kairan.push.Fixtures;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How DIGEST deliveries become digests: by resident and local day, one per notice, by score. */
class DigestTest {
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final Instant SIX_PM_JST = Instant.parse("2026-11-23T09:00:00Z");

  private static Delivery at(String noticeId, String resident, double score, Instant digestAt) {
    return Fixtures.digest(
        noticeId, resident, score, Map.of("ja", noticeId), SIX_PM_JST.minusSeconds(3600), digestAt);
  }

  @Test
  void aResidentsDeliveriesOfOneLocalDayAreOneDigestByScore() {
    Delivery low = at("n-low", "r-1", 0.1, SIX_PM_JST);
    Delivery high = at("n-high", "r-1", 0.8, SIX_PM_JST);
    Delivery other = at("n-other", "r-2", 0.5, SIX_PM_JST);

    List<Digest> digests = Digest.of(List.of(low, high, other), r -> TOKYO, SIX_PM_JST);

    assertThat(digests)
        .containsExactlyInAnyOrder(
            new Digest(
                "digest/r-1/2026-11-23", "r-1", LocalDate.parse("2026-11-23"), List.of(high, low)),
            new Digest(
                "digest/r-2/2026-11-23", "r-2", LocalDate.parse("2026-11-23"), List.of(other)));
  }

  @Test
  void theDayIsTheResidentsLocalDate() {
    Instant sevenAmJst = Instant.parse("2026-11-23T22:00:00Z"); // 24 November in Tokyo

    assertThat(Digest.of(List.of(at("n-1", "r-1", 0.5, sevenAmJst)), r -> TOKYO, sevenAmJst))
        .extracting(Digest::id)
        .containsExactly("digest/r-1/2026-11-24");
  }

  @Test
  void aNoticeIsCountedOnceWithItsLatestVersion() {
    Delivery first = at("n-1", "r-1", 0.5, SIX_PM_JST);
    Delivery second =
        new Delivery(
            first.id() + "-v2",
            "r-1",
            "n-1",
            2,
            first.category(),
            first.severity(),
            Map.of("ja", "n-1 (v2)"),
            0.6,
            first.reasons(),
            first.ruleVersion(),
            first.channel(),
            first.pushAt(),
            first.decidedAt());

    assertThat(Digest.of(List.of(second, first), r -> TOKYO, SIX_PM_JST))
        .singleElement()
        .satisfies(d -> assertThat(d.deliveries()).containsExactly(second));
  }

  @Test
  void aDigestMoreThanAnHourLateIsNotSent() {
    Delivery delivery = at("n-1", "r-1", 0.5, SIX_PM_JST);

    assertThat(Digest.of(List.of(delivery), r -> TOKYO, SIX_PM_JST.plus(Digest.LATEST))).hasSize(1);
    assertThat(
            Digest.of(List.of(delivery), r -> TOKYO, SIX_PM_JST.plus(Digest.LATEST).plusSeconds(1)))
        .isEmpty();
  }

  @Test
  void thePushShowsTheThreeHighestScores() {
    List<Delivery> four =
        List.of(
            at("n-a", "r-1", 0.2, SIX_PM_JST),
            at("n-b", "r-1", 0.9, SIX_PM_JST),
            at("n-c", "r-1", 0.4, SIX_PM_JST),
            at("n-d", "r-1", 0.7, SIX_PM_JST));

    Digest digest = Digest.of(four, r -> TOKYO, SIX_PM_JST).get(0);

    assertThat(digest.count()).isEqualTo(4);
    assertThat(digest.top()).extracting(Delivery::noticeId).containsExactly("n-b", "n-d", "n-c");
    assertThat(digest.noticeIds()).containsExactly("n-b", "n-d", "n-c", "n-a");
  }
}
