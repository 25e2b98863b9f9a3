package io.kairan.push.intake;

import io.kairan.model.InvalidRecordException;
import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One poll of deliveries.v1 sorted by what happens to each record.
 *
 * @param now pushes due now: PUSH_NOW, and PUSH_AT whose time has come
 * @param later PUSH_AT deliveries not yet due, and every DIGEST delivery: a digest goes out only
 *     through the scheduler, which holds each delivery once, so it sums up all of a day's at once
 * @param unreadable records that are no delivery, each with the reason
 */
record Sorted(List<Delivery> now, List<Delivery> later, List<Unreadable> unreadable) {
  /** A record of deliveries.v1 as received, and why it cannot be pushed. */
  record Unreadable(String key, String value, String reason) {}

  /** Feed-only deliveries need no push and are in none of the lists. */
  static Sorted of(List<ConsumerRecord<String, String>> records, Instant at) {
    List<Delivery> now = new ArrayList<>();
    List<Delivery> later = new ArrayList<>();
    List<Unreadable> unreadable = new ArrayList<>();
    for (ConsumerRecord<String, String> record : records) {
      Delivery delivery;
      try {
        delivery = Json.read(record.value(), Delivery.class);
      } catch (InvalidRecordException e) {
        unreadable.add(new Unreadable(record.key(), record.value(), e.getMessage()));
        continue;
      }
      if (delivery.channel() == null || delivery.id() == null || delivery.residentId() == null) {
        unreadable.add(
            new Unreadable(record.key(), record.value(), "a delivery needs id, resident, channel"));
      } else if (delivery.channel() == Channel.DIGEST && delivery.pushAt() != null) {
        later.add(delivery);
      } else if (!delivery.channel().pushes()) {
        continue;
      } else if (delivery.channel() == Channel.PUSH_AT
          && delivery.pushAt() != null
          && delivery.pushAt().isAfter(at)) {
        later.add(delivery);
      } else {
        now.add(delivery);
      }
    }
    return new Sorted(now, later, unreadable);
  }
}
