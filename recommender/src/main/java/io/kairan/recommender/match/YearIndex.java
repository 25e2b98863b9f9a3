package io.kairan.recommender.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/**
 * Residents by a year (their birth year, or their children's): one bitmap per year and one per
 * aligned block of {@link #BLOCK} years. A range of years is the union of the whole blocks inside
 * it and at most {@code 2 × (BLOCK - 1)} single years at its edges, instead of one bitmap per year:
 * an age range of 66 years is at most 8 blocks and 14 years, and the blocks are what a city's age
 * groups mostly are. Years may repeat per resident (several children): a resident is in a year's or
 * block's bitmap when any of their years falls in it, which is all a range asks.
 */
final class YearIndex {
  static final int BLOCK = 8;
  private final TreeMap<Integer, RoaringBitmap> years = new TreeMap<>();
  private final Map<Integer, RoaringBitmap> blocks = new TreeMap<>();

  void add(int year, int id) {
    years.computeIfAbsent(year, y -> new RoaringBitmap()).add(id);
    blocks.computeIfAbsent(Math.floorDiv(year, BLOCK), b -> new RoaringBitmap()).add(id);
  }

  /**
   * Takes the resident out of the year and its block. Only correct when none of the resident's
   * other years shares the block, so a profile leaves with all its years at once ({@link
   * ProfileIndex} removes whole profiles).
   */
  void remove(int year, int id) {
    RoaringBitmap inYear = years.get(year);
    if (inYear != null) {
      inYear.remove(id);
      blocks.get(Math.floorDiv(year, BLOCK)).remove(id);
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
      long block = Math.floorDiv(year, BLOCK);
      if (year == block * BLOCK && year + BLOCK - 1 <= last) {
        addIfPresent(parts, blocks.get((int) block));
        year += BLOCK;
      } else {
        addIfPresent(parts, years.get((int) year));
        year++;
      }
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
    for (RoaringBitmap b : blocks.values()) {
      bytes += b.serializedSizeInBytes();
    }
    return bytes;
  }
}
