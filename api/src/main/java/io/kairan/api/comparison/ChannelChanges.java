package io.kairan.api.comparison;

import io.kairan.api.reach.Withholding;
import io.kairan.model.delivery.Channel;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where two rule sets chose another channel for the same delivery (one resident, one notice
 * version): the residents with at least one such delivery, and the deliveries by the pair of
 * channels. Not thread-safe.
 */
public final class ChannelChanges {
  private final BitSet residents = new BitSet();
  private final long[][] byPair = new long[Channel.values().length][Channel.values().length];
  private long compared;

  /** The same delivery to the resident numbered {@code resident} under each set. */
  public void compare(int resident, Channel active, Channel other) {
    compared++;
    if (active != other) {
      residents.set(resident);
      byPair[active.ordinal()][other.ordinal()]++;
    }
  }

  /**
   * @param residents residents with at least one delivery on another channel
   * @param compared deliveries found under both sets
   * @param deliveries the changed deliveries by pair, the pairs with any
   */
  public record Figures(Long residents, boolean withheld, long compared, List<Change> deliveries) {}

  /** Deliveries the active set put on {@code from} and the other on {@code to}. */
  public record Change(String from, String to, Long deliveries, boolean withheld) {}

  public Figures figures() {
    Map<String, Long> pairs = new LinkedHashMap<>();
    long changed = 0;
    for (Channel from : Channel.values()) {
      for (Channel to : Channel.values()) {
        long n = byPair[from.ordinal()][to.ordinal()];
        if (n > 0) {
          pairs.put(from.name() + "/" + to.name(), n);
          changed += n;
        }
      }
    }
    List<Change> changes = new ArrayList<>();
    for (Withholding.Group g : Withholding.split(changed, pairs)) {
      String[] pair = g.name().split("/");
      changes.add(new Change(pair[0], pair[1], g.residents(), g.withheld()));
    }
    long count = residents.cardinality();
    return new Figures(
        Withholding.withholds(count) ? null : count,
        Withholding.withholds(count),
        compared,
        changes);
  }
}
