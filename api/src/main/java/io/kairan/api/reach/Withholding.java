package io.kairan.api.reach;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Withholds small groups so that no figure points at a handful of residents. A count under {@link
 * #MINIMUM_GROUP} is withheld. Within a split (groups that add up to the total), the withheld
 * groups together are the total minus the shown ones, so one withheld group alone would be
 * recovered by subtraction: then the smallest shown groups are withheld too, until at least two are
 * withheld and together they hold at least {@link #MINIMUM_GROUP} residents (their sum is a count
 * too). A total under the minimum withholds everything.
 */
public final class Withholding {
  public static final int MINIMUM_GROUP = 10;

  private Withholding() {}

  /** One group of a split as shown: its count, or null when withheld. */
  public record Group(String name, Long residents, boolean withheld) {}

  public static boolean withholds(long count) {
    return count < MINIMUM_GROUP;
  }

  /** The groups of one split (names in the order shown, counts adding up to {@code total}). */
  public static List<Group> split(long total, Map<String, Long> counts) {
    Set<String> withheld = new HashSet<>();
    if (withholds(total)) {
      withheld.addAll(counts.keySet());
    } else {
      counts.forEach(
          (name, count) -> {
            if (withholds(count)) {
              withheld.add(name);
            }
          });
      if (!withheld.isEmpty()) {
        List<String> shownSmallestFirst =
            counts.keySet().stream()
                .filter(name -> !withheld.contains(name))
                .sorted(Comparator.comparing(counts::get))
                .toList();
        for (String next : shownSmallestFirst) {
          if (withheld.size() >= 2 && !withholds(sum(counts, withheld))) {
            break;
          }
          withheld.add(next);
        }
      }
    }
    List<Group> groups = new ArrayList<>(counts.size());
    counts.forEach(
        (name, count) ->
            groups.add(
                withheld.contains(name)
                    ? new Group(name, null, true)
                    : new Group(name, count, false)));
    return groups;
  }

  private static long sum(Map<String, Long> counts, Set<String> names) {
    return names.stream().mapToLong(counts::get).sum();
  }
}
