package io.kairan.push.dispatch;

import io.kairan.model.delivery.Delivery;
import io.kairan.model.notice.Severity;
import io.kairan.push.state.KnownNotice;
import io.kairan.push.topic.DistrictTopics;
import java.util.Collection;
import java.util.List;

/**
 * When an emergency may go out as district topic messages: the notice is an emergency for whole
 * districts (its audience is exactly a district list), and the delivery is for its latest version.
 * Then it goes to each district's topic of each language some resident reads first.
 */
final class Broadcasts {
  private Broadcasts() {}

  /** One district topic message: the topic, and the language its title is picked for. */
  record Broadcast(String topic, String language) {}

  /**
   * The district topics, one per district and first language, that cover the delivery's notice;
   * empty when it must go device by device.
   */
  static List<Broadcast> topicsFor(
      Delivery delivery, KnownNotice notice, Collection<String> firstLanguages) {
    if (delivery.severity() != Severity.EMERGENCY
        || notice.version() != delivery.noticeVersion()
        || notice.withdrawn()) {
      return List.of();
    }
    List<String> languages = firstLanguages.stream().sorted().toList();
    return notice.emergencyDistricts().stream()
        .flatMap(
            d ->
                languages.stream()
                    .map(l -> new Broadcast(DistrictTopics.of(notice.municipalityCode(), d, l), l)))
        .toList();
  }

  /** The ledger's id for a topic broadcast of one notice version. */
  static String broadcastId(Delivery delivery) {
    return io.kairan.model.delivery.PushResult.BROADCAST_PREFIX
        + delivery.noticeId()
        + ":"
        + delivery.noticeVersion();
  }
}
