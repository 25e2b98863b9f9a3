package io.kairan.api.comparison;

import io.kairan.model.Topics;
import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;

/**
 * The shadow rule set beside the active one: both delivery topics read over the window ({@link
 * DeliveryWindow}), each delivery counted once (a record the job wrote twice, as at-least-once
 * allows, once), and each shadow delivery compared with the active one of the same id (resident,
 * notice, version) for the channel.
 */
@Component
class ShadowComparison {
  private final DeliveryWindow deliveries;
  private final FiguresSettings settings;
  private final Semaphore running;

  ShadowComparison(DeliveryWindow deliveries, FiguresSettings settings) {
    this.deliveries = deliveries;
    this.settings = settings;
    this.running = new Semaphore(settings.comparisons());
  }

  /** Every slot is reading: one more would hold as much memory again. */
  static class BusyException extends RuntimeException {
    BusyException(int slots) {
      super(
          slots
              + " comparison(s) already reading, the most the API runs at once; try again shortly.");
    }
  }

  /** At most {@code comparisons} at once; one more is refused, not queued. */
  Comparison compare(Window window) {
    if (!running.tryAcquire()) {
      throw new BusyException(settings.comparisons());
    }
    try {
      return compareNow(window);
    } finally {
      running.release();
    }
  }

  private Comparison compareNow(Window window) {
    LocalDate firstDay = window.from().atZone(settings.zone()).toLocalDate();
    LocalDate lastDay = window.to().atZone(settings.zone()).toLocalDate();
    // A push after quiet hours or a digest can fall on the day after the last decision.
    int days = (int) ChronoUnit.DAYS.between(firstDay, lastDay) + 2;
    ResidentNumbers residents = new ResidentNumbers();
    DeliveryTally active = new DeliveryTally(settings.zone(), firstDay, days);
    DeliveryTally shadow = new DeliveryTally(settings.zone(), firstDay, days);
    ChannelChanges changes = new ChannelChanges();
    Map<String, Channel> activeChannels = new HashMap<>();
    deliveries.read(
        Topics.DELIVERIES,
        window.from(),
        window.to(),
        settings.maxDeliveries(),
        d -> {
          if (activeChannels.putIfAbsent(d.id(), d.channel()) == null) {
            add(active, residents.of(d.residentId()), d);
          }
        });
    Set<String> shadowIds = new HashSet<>();
    deliveries.read(
        Topics.SHADOW_DELIVERIES,
        window.from(),
        window.to(),
        settings.maxDeliveries(),
        d -> {
          if (shadowIds.add(d.id())) {
            int resident = residents.of(d.residentId());
            add(shadow, resident, d);
            Channel before = activeChannels.get(d.id());
            if (before != null) {
              changes.compare(resident, before, d.channel());
            }
          }
        });
    return new Comparison(
        window.from(),
        window.to(),
        settings.zone().getId(),
        active.figures(),
        shadow.figures(),
        changes.figures(),
        io.kairan.api.reach.Withholding.MINIMUM_GROUP);
  }

  private static void add(DeliveryTally tally, int resident, Delivery d) {
    tally.add(resident, d.category(), d.severity(), d.channel(), d.pushAt(), d.ruleVersion());
  }
}
