package io.kairan.push.dispatch;

import io.kairan.model.delivery.Delivery;
import io.kairan.model.notice.Severity;
import io.kairan.push.state.KnownNotice;
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
  static List<String> topicsFor(Delivery delivery, KnownNotice notice) {
    if (delivery.severity() != Severity.EMERGENCY
        || notice.version() != delivery.noticeVersion()
        || notice.withdrawn()) {
      return List.of();
    }
    return notice.emergencyDistricts().stream()
        .map(d -> DistrictTopics.of(notice.municipalityCode(), d))
        .toList();
  }

  /** The ledger's id for a topic broadcast of one notice version. */
  static String broadcastId(Delivery delivery) {
    return "broadcast:" + delivery.noticeId() + ":" + delivery.noticeVersion();
  }
}
