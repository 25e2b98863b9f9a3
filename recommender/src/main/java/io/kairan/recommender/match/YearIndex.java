package io.kairan.recommender.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/**
 * Residents by a year (their birth year, or their children's): one bitmap per year and one per
 * aligned block of 8, 4 and 2 years. A range of years is the union of the largest whole blocks
 * inside it, instead of one bitmap per year: an age range of 66 years is at most 8 blocks of 8 and
 * 3 smaller pieces at each edge, a child's age 0–6 three pieces instead of seven years. Years may
 * repeat per resident (several children): a resident is in a year's or block's bitmap when any of
 * their years falls in it, which is all a range asks.
 */
final class YearIndex {
  /** Block sizes, largest first; each divides the one before, so blocks nest. */
  private static final int[] BLOCKS = {8, 4, 2};

  private final TreeMap<Integer, RoaringBitmap> years = new TreeMap<>();
  private final List<Map<Integer, RoaringBitmap>> blocks =
      List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());

  void add(int year, int id) {
    years.computeIfAbsent(year, y -> new RoaringBitmap()).add(id);
    for (int level = 0; level < BLOCKS.length; level++) {
      blocks
          .get(level)
          .computeIfAbsent(Math.floorDiv(year, BLOCKS[level]), b -> new RoaringBitmap())
          .add(id);
    }
  }

  /**
   * Takes the resident out of the year and its blocks. Only correct when none of the resident's
   * other years shares a block, so a profile leaves with all its years at once ({@link
   * ProfileIndex} removes whole profiles).
   */
  void remove(int year, int id) {
    RoaringBitmap inYear = years.get(year);
    if (inYear != null) {
      inYear.remove(id);
      for (int level = 0; level < BLOCKS.length; level++) {
        blocks.get(level).get(Math.floorDiv(year, BLOCKS[level])).remove(id);
      }
    }
  }

  /**
   * The bitmaps whose union is the residents with a year in [from, to] (bounds in long, so that a
   * year minus an age never overflows): whole blocks and edge years. They are the index's own
   * bitmaps: read them, never change them.
   */
  List<RoaringBitmap> partsBetween(long from, long to) {
    List<RoaringBitmap> parts = new ArrayList<>();
    if (years.isEmpty()) {
      return parts;
    }
    // Only years someone was ever indexed with can match: the loop stays within them.
    long first = Math.max(from, years.firstKey());
    long last = Math.min(to, years.lastKey());
    long year = first;
    while (year <= last) {
      int size = 1;
      for (int level = 0; level < BLOCKS.length && size == 1; level++) {
        if (Math.floorMod(year, BLOCKS[level]) == 0 && year + BLOCKS[level] - 1 <= last) {
          size = BLOCKS[level];
          addIfPresent(parts, blocks.get(level).get((int) Math.floorDiv(year, size)));
        }
      }
      if (size == 1) {
        addIfPresent(parts, years.get((int) year));
      }
      year += size;
    }
    return parts;
  }

  /** The residents with a year in [from, to], as one bitmap (which may be one of the index's). */
  RoaringBitmap between(long from, long to) {
    List<RoaringBitmap> parts = partsBetween(from, to);
    if (parts.size() == 1) {
      return parts.get(0);
    }
    // One pass over all the parts' containers at once, not one OR per part.
    return FastAggregation.or(parts.iterator());
  }

  private static void addIfPresent(List<RoaringBitmap> parts, RoaringBitmap bitmap) {
    if (bitmap != null && !bitmap.isEmpty()) {
      parts.add(bitmap);
    }
  }

  long serializedBytes() {
    long bytes = 0;
    for (RoaringBitmap b : years.values()) {
      bytes += b.serializedSizeInBytes();
    }
    for (Map<Integer, RoaringBitmap> level : blocks) {
      for (RoaringBitmap b : level.values()) {
        bytes += b.serializedSizeInBytes();
      }
    }
    return bytes;
  }
}
