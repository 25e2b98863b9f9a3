package io.kairan.model.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryIdTest {

  @Test
  void sameNoticeVersionAndResidentGiveTheSameId() {
    assertThat(DeliveryId.of("n-1", 1, "r-1")).isEqualTo(DeliveryId.of("n-1", 1, "r-1"));
  }

  /**
   * Pinned values (an MD5 name-based UUID of "notice NUL version NUL resident", computed outside
   * the code): a change here would make every consumer deliver again after an upgrade.
   */
  @Test
  void theIdOfANoticeVersionForAResidentNeverChangesAcrossReleases() {
    assertThat(DeliveryId.of("n-1", 1, "r-1")).isEqualTo("b6a96ab9-65e2-31ae-b5b1-e4254e344918");
    assertThat(DeliveryId.of("お知らせ", 12, "住民-7")).isEqualTo("e2e3d314-7053-3db4-b180-9b30fe77765c");
  }

  @Test
  void anyDifferenceGivesAnotherId() {
    String id = DeliveryId.of("n-1", 1, "r-1");

    assertThat(id)
        .isNotEqualTo(DeliveryId.of("n-1", 2, "r-1"))
        .isNotEqualTo(DeliveryId.of("n-1", 1, "r-2"))
        .isNotEqualTo(DeliveryId.of("n-11", 1, "r-"));
  }
}
