package io.kairan.push.digest;

import io.kairan.model.delivery.Delivery;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One resident's digest of one local day: the notices the job put in that day's digest (its
 * deliveries' {@code pushAt} is the resident's digest time), one delivery per notice (its latest
 * version), highest score first.
 *
 * @param id {@code digest/<resident>/<local date>}: the ledger's key, so that a resident gets at
 *     most one digest push a day whatever restarts replay
 * @param day the local date of the digest time in the resident's time zone
 * @param deliveries one per notice, by score (highest first, ties by notice id)
 */
public record Digest(String id, String residentId, LocalDate day, List<Delivery> deliveries) {
  /** How many titles the push shows. */
  public static final int TOP_TITLES = 3;

  /**
   * A digest not sent within this time after its time (the service was down) is not sent: its
   * notices are in the feed, and a late summary might fall into the resident's quiet hours, which
   * push does not know.
   */
  public static final Duration LATEST = Duration.ofHours(1);

  private static final Comparator<Delivery> BY_SCORE =
      Comparator.comparingDouble(Delivery::score).reversed().thenComparing(Delivery::noticeId);

  public Digest {
    deliveries = List.copyOf(deliveries);
  }

  public static String idOf(String residentId, LocalDate day) {
    return "digest/" + residentId + "/" + day;
  }

  /**
   * The digests of these DIGEST deliveries: grouped by resident and the local date of their digest
   * time, leaving out those whose time is more than {@link #LATEST} ago.
   */
  public static List<Digest> of(
      List<Delivery> deliveries, Function<String, ZoneId> zoneOf, Instant now) {
    Map<String, Map<String, Delivery>> byDigest = new LinkedHashMap<>();
    Map<String, LocalDate> days = new LinkedHashMap<>();
    for (Delivery delivery : deliveries) {
      if (delivery.pushAt().plus(LATEST).isBefore(now)) {
        continue;
      }
      LocalDate day = delivery.pushAt().atZone(zoneOf.apply(delivery.residentId())).toLocalDate();
      String id = idOf(delivery.residentId(), day);
      days.put(id, day);
      byDigest
          .computeIfAbsent(id, k -> new LinkedHashMap<>())
          .merge(
              delivery.noticeId(),
              delivery,
              (a, b) -> b.noticeVersion() > a.noticeVersion() ? b : a);
    }
    List<Digest> digests = new ArrayList<>();
    byDigest.forEach(
        (id, notices) -> {
          List<Delivery> sorted = notices.values().stream().sorted(BY_SCORE).toList();
          digests.add(new Digest(id, sorted.get(0).residentId(), days.get(id), sorted));
        });
    return digests;
  }

  public int count() {
    return deliveries.size();
  }

  /** The {@link #TOP_TITLES} highest-scoring deliveries. */
  public List<Delivery> top() {
    return deliveries.subList(0, Math.min(TOP_TITLES, deliveries.size()));
  }

  /** The notices' ids, highest score first. */
  public List<String> noticeIds() {
    return deliveries.stream().map(Delivery::noticeId).toList();
  }
}
