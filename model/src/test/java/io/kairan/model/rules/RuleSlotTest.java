package io.kairan.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The keys of rules.v1 (DESIGN.md "Topics"): {@code active} and {@code shadow}. */
class RuleSlotTest {

  @Test
  void eachSlotIsKeyedByItsLowerCaseName() {
    assertThat(RuleSlot.ACTIVE.key()).isEqualTo("active");
    assertThat(RuleSlot.SHADOW.key()).isEqualTo("shadow");
  }

  @Test
  void aKeyNamesItsSlot() {
    assertThat(RuleSlot.ofKey("active")).isEqualTo(RuleSlot.ACTIVE);
    assertThat(RuleSlot.ofKey("shadow")).isEqualTo(RuleSlot.SHADOW);
  }

  @Test
  void anyOtherKeyNamesNoSlot() {
    assertThat(RuleSlot.ofKey("ACTIVE")).isNull();
    assertThat(RuleSlot.ofKey("candidate")).isNull();
    assertThat(RuleSlot.ofKey("")).isNull();
    assertThat(RuleSlot.ofKey(null)).isNull();
  }
}
