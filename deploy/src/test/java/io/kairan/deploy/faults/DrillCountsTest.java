package io.kairan.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DrillCountsTest {
  private static final Instant T = Instant.parse("2026-11-26T03:00:00Z");

  /** Four residents in two towns: 0 and 2 in 一箕町, 1 and 3 in 七日町. */
  private static DrillWorkload twoTownsTwoNotices() {
    return new DrillWorkload(4, List.of("一箕町", "七日町"), 2);
  }

  /** Notice 0 is an emergency for 一箕町 (residents 0, 2); notice 1 an event for 七日町 (1, 3). */
  private static Map<Integer, DrillStream.Accepted> bothAccepted() {
    return Map.of(
        0, new DrillStream.Accepted(0, "n0", T, 1),
        1, new DrillStream.Accepted(1, "n1", T, 1));
  }

  private static DrillRun.Outcome outcome(
      Map<String, Set<String>> deliveries,
      Map<String, Long> records,
      Map<String, Integer> pushes,
      Map<String, Set<String>> feeds) {
    return new DrillRun.Outcome(
        bothAccepted(),
        Set.of("n0", "n1"),
        deliveries,
        records,
        pushes,
        Map.of("n0", 1),
        feeds,
        0,
        0,
        List.of(),
        60);
  }

  private static final Map<String, Set<String>> ALL_DELIVERED =
      Map.of(
          "n0", Set.of("drill-00000", "drill-00002"), "n1", Set.of("drill-00001", "drill-00003"));

  private static final Map<String, Set<String>> ALL_FEEDS =
      Map.of(
          "drill-00000", Set.of("n0"),
          "drill-00001", Set.of("n1"),
          "drill-00002", Set.of("n0"),
          "drill-00003", Set.of("n1"));

  @Test
  void aRunWhereEverythingArrivedOnceCountsNothingLostAndPasses() {
    var counts =
        DrillCounts.of(
            twoTownsTwoNotices(),
            outcome(
                ALL_DELIVERED,
                Map.of("n0", 2L, "n1", 2L),
                Map.of("drill-token-drill-00000|n0", 1, "drill-token-drill-00002|n0", 1),
                ALL_FEEDS));

    assertThat(counts.deliveriesExpected()).isEqualTo(4);
    assertThat(counts.deliveriesLost()).isZero();
    assertThat(counts.pushesExpected()).isEqualTo(2);
    assertThat(counts.pushesMissing()).isZero();
    assertThat(counts.feedsComplete()).isEqualTo(4);
    assertThat(counts.passed(1)).isTrue();
  }

  @Test
  void aDeliveryMissingAndOneToAResidentOfTheOtherTownAreBothCountedAndFail() {
    var counts =
        DrillCounts.of(
            twoTownsTwoNotices(),
            outcome(
                Map.of(
                    "n0", Set.of("drill-00000", "drill-00001"),
                    "n1", Set.of("drill-00001", "drill-00003")),
                Map.of("n0", 2L, "n1", 2L),
                Map.of("drill-token-drill-00000|n0", 1, "drill-token-drill-00002|n0", 1),
                ALL_FEEDS));

    assertThat(counts.deliveriesLost()).isEqualTo(1);
    assertThat(counts.deliveriesMisdirected()).isEqualTo(1);
    assertThat(counts.passed(1)).isFalse();
  }

  @Test
  void aDevicePushedThreeTimesIsOneDeviceTwiceAndTwoExtraSends() {
    var counts =
        DrillCounts.of(
            twoTownsTwoNotices(),
            outcome(
                ALL_DELIVERED,
                Map.of("n0", 3L, "n1", 2L),
                Map.of("drill-token-drill-00000|n0", 3, "drill-token-drill-00002|n0", 1),
                ALL_FEEDS));

    assertThat(counts.devicesPushedTwice()).isEqualTo(1);
    assertThat(counts.extraSends()).isEqualTo(2);
    assertThat(counts.deliveryRecordsRepeated()).isEqualTo(1);
    // Within the one chunk a killed push may send again.
    assertThat(counts.passed(1)).isTrue();
    assertThat(counts.passed(0)).isFalse();
  }

  @Test
  void aFeedWithoutItsNoticeOrWithSomeoneElsesIsNotComplete() {
    var counts =
        DrillCounts.of(
            twoTownsTwoNotices(),
            outcome(
                ALL_DELIVERED,
                Map.of("n0", 2L, "n1", 2L),
                Map.of("drill-token-drill-00000|n0", 1, "drill-token-drill-00002|n0", 1),
                Map.of(
                    "drill-00000", Set.of(),
                    "drill-00001", Set.of("n1", "n0"),
                    "drill-00002", Set.of("n0"),
                    "drill-00003", Set.of("n1"))));

    assertThat(counts.feedsComplete()).isEqualTo(3);
    assertThat(counts.feedItemsMissing()).isEqualTo(1);
    assertThat(counts.feedItemsForeign()).isEqualTo(1);
    assertThat(counts.passed(1)).isFalse();
  }

  @Test
  void anEmergencyNotPushedToOneResidentIsAMissingPush() {
    var counts =
        DrillCounts.of(
            twoTownsTwoNotices(),
            outcome(
                ALL_DELIVERED,
                Map.of("n0", 2L, "n1", 2L),
                Map.of("drill-token-drill-00000|n0", 1),
                ALL_FEEDS));

    assertThat(counts.pushesMissing()).isEqualTo(1);
    assertThat(counts.devicesPushed()).isEqualTo(1);
    assertThat(counts.passed(1)).isFalse();
  }

  @Test
  void differencesFromTheRunWithoutFaultsAreCountedNoticeByNotice() {
    var workload = twoTownsTwoNotices();
    var baseline =
        outcome(
            ALL_DELIVERED,
            Map.of(),
            Map.of("drill-token-drill-00000|n0", 1, "drill-token-drill-00002|n0", 1),
            ALL_FEEDS);
    // The faulty run: its own notice ids, resident 2 never given notice 0 nor pushed it.
    var faulty =
        new DrillRun.Outcome(
            Map.of(
                0, new DrillStream.Accepted(0, "m0", T, 1),
                1, new DrillStream.Accepted(1, "m1", T, 1)),
            Set.of("m0", "m1"),
            Map.of("m0", Set.of("drill-00000"), "m1", Set.of("drill-00001", "drill-00003")),
            Map.of(),
            Map.of("drill-token-drill-00000|m0", 1),
            Map.of("m0", 1),
            Map.of(
                "drill-00000", Set.of("m0"),
                "drill-00001", Set.of("m1"),
                "drill-00002", Set.of(),
                "drill-00003", Set.of("m1")),
            0,
            0,
            List.of(),
            60);

    assertThat(DrillCounts.differences(workload, baseline, faulty))
        .containsEntry("residents given a notice", 1L)
        .containsEntry("devices pushed a notice", 1L)
        .containsEntry("feeds showing a notice", 1L);
  }
}
