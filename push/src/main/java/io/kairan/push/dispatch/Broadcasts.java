package io.kairan.push.send;

import io.kairan.model.delivery.Delivery;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.Severity;
import io.kairan.push.topic.DistrictTopics;
import java.util.List;

/**
 * When an emergency may go out as district topic messages: the notice is an emergency for whole
 * districts (its audience is exactly a district list), and the delivery is for its latest version.
 */
final class Broadcasts {
  private Broadcasts() {}

  /**
   * The district topics that cover the delivery's notice; empty when it must go device by device.
   */
  static List<String> topicsFor(Delivery delivery, Notice notice) {
    if (delivery.severity() != Severity.EMERGENCY
        || notice.version() != delivery.noticeVersion()
        || notice.isWithdrawn()) {
      return List.of();
    }
    if (notice.audience() instanceof Audience.InDistrict districts) {
      return districts.districts().stream()
          .map(d -> DistrictTopics.of(notice.municipalityCode(), d))
          .toList();
    }
    return List.of();
  }

  /** The ledger's id for a topic broadcast of one notice version. */
  static String broadcastId(Delivery delivery) {
    return "broadcast:" + delivery.noticeId() + ":" + delivery.noticeVersion();
  }
}
