package io.kairan.api.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each resident's reach, and a notice's coverage by district as shown. */
class CoverageTest {

  @Test
  void aPushFcmAcceptedIsReachOverAnythingElse() {
    assertThat(Reach.of(true, true, false, true, true)).isEqualTo(Reach.PUSH);
  }

  @Test
  void withoutAPushThroughTheFallbackEmailTheServerAcceptedIsReach() {
    assertThat(Reach.of(false, true, true, true, true)).isEqualTo(Reach.EMAIL);
    assertThat(Reach.EMAIL.reached()).isTrue();
  }

  @Test
  void withoutAPushOrEmailThroughAResidentWhoOpenedItWasReachedInTheFeed() {
    assertThat(Reach.of(false, false, true, true, false)).isEqualTo(Reach.FEED_ONLY);
  }

  @Test
  void notReachedSaysWhyFailuresBeforeUnregisteredTokensBeforeNoPush() {
    assertThat(Reach.of(false, false, false, true, true)).isEqualTo(Reach.NOT_REACHED_FAILED);
    assertThat(Reach.of(false, false, false, true, false))
        .isEqualTo(Reach.NOT_REACHED_UNREGISTERED);
    assertThat(Reach.of(false, false, false, false, false)).isEqualTo(Reach.NOT_REACHED_NO_PUSH);
  }

  @Test
  void residentsAreCountedInTheirDistrictsAndEveryNotReachedReasonInOneColumn() {
    Map<String, Reach> reach = new HashMap<>();
    Map<String, String> district = new HashMap<>();
    for (int i = 0; i < 30; i++) {
      reach.put(
          "m-" + i,
          i < 20 ? Reach.PUSH : i < 25 ? Reach.NOT_REACHED_NO_PUSH : Reach.NOT_REACHED_FAILED);
      district.put("m-" + i, "湊町");
    }
    for (int i = 0; i < 12; i++) {
      reach.put("k-" + i, Reach.FEED_ONLY);
      district.put("k-" + i, "北会津町");
    }
    for (int i = 0; i < 11; i++) {
      reach.put("e-" + i, Reach.EMAIL);
      district.put("e-" + i, "北会津町");
    }

    NoticeCoverage coverage = NoticeCoverage.of("n-1", reach, district::get);

    // 北会津町: 0 / 11 / 12 / 0; 湊町: 20 / 0 / 0 / 10 (5 with no push, 5 failed): nothing small.
    assertThat(coverage.districts())
        .containsExactly(
            new NoticeCoverage.DistrictReach(
                "北会津町", 23L, new NoticeCoverage.ReachCounts(0L, 11L, 12L, 0L)),
            new NoticeCoverage.DistrictReach(
                "湊町", 30L, new NoticeCoverage.ReachCounts(20L, 0L, 0L, 10L)));
    assertThat(coverage.total()).isEqualTo(new NoticeCoverage.ReachCounts(20L, 11L, 12L, 10L));
    assertThat(coverage.residents()).isEqualTo(53L);
  }
}
