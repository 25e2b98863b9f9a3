package io.kairan.api.reach;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.api.reach.Withholding.Group;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WithholdingTest {

  private static Map<String, Long> counts(Object... nameAndCount) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (int i = 0; i < nameAndCount.length; i += 2) {
      counts.put((String) nameAndCount[i], ((Integer) nameAndCount[i + 1]).longValue());
    }
    return counts;
  }

  @Test
  void groupsOf10OrMoreAreShownWhenNoneIsWithheld() {
    assertThat(Withholding.split(40, counts("a", 10, "b", 30)))
        .containsExactly(new Group("a", 10L, false), new Group("b", 30L, false));
  }

  @Test
  void aGroupUnder10IsWithheldAndSoIsTheSmallestShownOneSoTheTotalDoesNotGiveItAway() {
    // 84 - 50 = 34 is b and c together: neither alone.
    assertThat(Withholding.split(84, counts("a", 50, "b", 30, "c", 4)))
        .containsExactly(
            new Group("a", 50L, false), new Group("b", null, true), new Group("c", null, true));
  }

  @Test
  void twoSmallGroupsThatTogetherHoldFewerThan10AreJoinedByTheSmallestShownOne() {
    // c + d = 5 would be a count under 10; with b, the withheld hold 17 together.
    assertThat(Withholding.split(67, counts("a", 50, "b", 12, "c", 2, "d", 3)))
        .containsExactly(
            new Group("a", 50L, false),
            new Group("b", null, true),
            new Group("c", null, true),
            new Group("d", null, true));
  }

  @Test
  void twoSmallGroupsThatTogetherHold10OrMoreNeedNoThird() {
    assertThat(Withholding.split(67, counts("a", 50, "b", 9, "c", 8)))
        .containsExactly(
            new Group("a", 50L, false), new Group("b", null, true), new Group("c", null, true));
  }

  @Test
  void aTotalUnder10WithholdsEveryGroup() {
    assertThat(Withholding.split(9, counts("a", 5, "b", 4)))
        .containsExactly(new Group("a", null, true), new Group("b", null, true));
  }

  @Test
  void noWithheldGroupCanBeRecoveredBySubtractingTheShownOnesFromTheTotal() {
    Random random = new Random(11);
    for (int trial = 0; trial < 5_000; trial++) {
      Map<String, Long> counts = new LinkedHashMap<>();
      int groups = 1 + random.nextInt(6);
      long total = 0;
      for (int g = 0; g < groups; g++) {
        long count = 1 + random.nextInt(random.nextBoolean() ? 9 : 60);
        counts.put("g" + g, count);
        total += count;
      }
      List<Group> shown = Withholding.split(total, counts);

      List<Group> withheld = shown.stream().filter(Group::withheld).toList();
      long shownSum = shown.stream().filter(g -> !g.withheld()).mapToLong(Group::residents).sum();
      assertThat(shown).allSatisfy(g -> assertThat(g.residents() == null).isEqualTo(g.withheld()));
      assertThat(shown)
          .filteredOn(g -> !g.withheld())
          .allSatisfy(g -> assertThat(g.residents()).isGreaterThanOrEqualTo(10));
      counts.forEach(
          (name, count) -> {
            if (count < 10) {
              assertThat(withheld).extracting(Group::name).contains(name);
            }
          });
      if (total >= 10 && !withheld.isEmpty()) {
        // What subtraction gives is the withheld groups' sum: it must name no single group and
        // itself not be a count under 10.
        assertThat(withheld).hasSizeGreaterThanOrEqualTo(2);
        assertThat(total - shownSum).isGreaterThanOrEqualTo(10);
        for (Group g : withheld) {
          assertThat(counts.get(g.name())).isLessThan(total - shownSum);
        }
      }
    }
  }
}
