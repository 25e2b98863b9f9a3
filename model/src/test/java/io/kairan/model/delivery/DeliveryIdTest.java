package io.kairan.model.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryIdTest {

  @Test
  void sameNoticeVersionAndResidentGiveTheSameId() {
    assertThat(DeliveryId.of("n-1", 1, "r-1")).isEqualTo(DeliveryId.of("n-1", 1, "r-1"));
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
