package io.kairan.recommender.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/**
 * A range of years from blocks and single years holds exactly the residents a year-by-year check
 * finds.
 */
class YearIndexTest {

  private static Set<Integer> ids(RoaringBitmap bitmap) {
    Set<Integer> ids = new HashSet<>();
    bitmap.forEach((int id) -> ids.add(id));
    return ids;
  }

  @Test
  void aRangeOfWholeBlocksAndEdgeYearsHoldsExactlyTheResidentsBornInIt() {
    YearIndex index = new YearIndex();
    // Blocks of 8 start at multiples of 8: 1952 = 8 × 244, so 1952–1959 is one block.
    index.add(1951, 1);
    index.add(1952, 2);
    index.add(1959, 3);
    index.add(1960, 4);
    index.add(1967, 5);
    index.add(1968, 6);

    assertThat(ids(index.between(1952, 1959))).as("one whole block").containsOnly(2, 3);
    assertThat(ids(index.between(1951, 1960)))
        .as("a block and a year each side")
        .containsOnly(1, 2, 3, 4);
    assertThat(ids(index.between(1953, 1967))).as("parts of two blocks").containsOnly(3, 4, 5);
    assertThat(ids(index.between(1952, 1958))).as("a block but its last year").containsOnly(2);
    assertThat(ids(index.between(1953, 1959))).as("a block but its first year").containsOnly(3);
    assertThat(ids(index.between(1952, 1952))).as("a single year").containsOnly(2);
    assertThat(ids(index.between(1956, 1961))).as("blocks of 4 and 2").containsOnly(3, 4);
    assertThat(ids(index.between(1958, 1960))).as("a block of 2 and a year").containsOnly(3, 4);
    assertThat(ids(index.between(1960, 1959))).as("an empty range").isEmpty();
    assertThat(ids(index.between(1969, 3000))).as("after the last year").isEmpty();
    assertThat(ids(index.between(Long.MIN_VALUE, Long.MAX_VALUE)))
        .as("every year, without looping over the whole range of longs")
        .containsOnly(1, 2, 3, 4, 5, 6);
  }

  @Test
  void aResidentWithSeveralYearsInOneBlockLeavesItWithAllOfThem() {
    YearIndex index = new YearIndex();
    index.add(2016, 7); // two children in the block 2016–2023
    index.add(2019, 7);
    index.add(2017, 8);

    assertThat(ids(index.between(2016, 2023))).containsOnly(7, 8);
    index.remove(2016, 7);
    index.remove(2019, 7);
    assertThat(ids(index.between(2016, 2023))).containsOnly(8);
    assertThat(ids(index.between(2019, 2019))).isEmpty();
  }

  @Test
  void randomRangesAgreeWithAYearByYearCheck() {
    Random random = new Random(11);
    YearIndex index = new YearIndex();
    List<int[]> years = new ArrayList<>(); // per resident id, their years
    for (int id = 0; id < 3_000; id++) {
      int[] own = new int[1 + random.nextInt(3)];
      for (int k = 0; k < own.length; k++) {
        own[k] = -20 + random.nextInt(200); // negative years too: blocks use floor division
        index.add(own[k], id);
      }
      years.add(own);
    }
    for (int trial = 0; trial < 2_000; trial++) {
      int from = -30 + random.nextInt(220);
      int to = from + random.nextInt(80) - 5;
      Set<Integer> expected = new HashSet<>();
      for (int id = 0; id < years.size(); id++) {
        for (int y : years.get(id)) {
          if (y >= from && y <= to) {
            expected.add(id);
          }
        }
      }
      assertThat(ids(index.between(from, to))).as("%d..%d", from, to).isEqualTo(expected);
    }
  }
}
