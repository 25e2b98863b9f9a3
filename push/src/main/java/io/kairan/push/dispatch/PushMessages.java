package io.kairan.push.dispatch;

import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.AndroidNotification;
import com.google.firebase.messaging.ApnsConfig;
import com.google.firebase.messaging.Aps;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.Notification;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.notice.LocalizedText;
import io.kairan.model.notice.Severity;
import io.kairan.model.resident.Device;
import java.util.List;

/**
 * The FCM message for one delivery to one device, in its resident's language (their languages in
 * order, then easy Japanese, then Japanese; the device's locale when push does not know the
 * resident), or for a district topic in the language of its readers. It carries the title (at most
 * 200 characters, so at most 600 bytes) and ids, never the body: the payload stays far under FCM's
 * 4 KB, and the app opens the notice from the feed.
 */
final class PushMessages {
  private PushMessages() {}

  /** Android notification channels, so residents can tune each level in the system settings. */
  static String channel(Severity severity) {
    return switch (severity) {
      case EMERGENCY -> "kairan-emergency";
      case IMPORTANT -> "kairan-important";
      case INFO -> "kairan-info";
    };
  }

  /**
   * One message for a district topic whose residents read {@code language} first: the title by the
   * chain for that language.
   */
  static Message toTopic(Delivery delivery, String topic, String language) {
    return Message.builder()
        .setTopic(topic)
        .setNotification(
            Notification.builder()
                .setTitle(LocalizedText.forReader(delivery.title(), List.of(language)))
                .build())
        .putData("noticeId", delivery.noticeId())
        .putData("noticeVersion", Integer.toString(delivery.noticeVersion()))
        .setAndroidConfig(
            AndroidConfig.builder()
                .setCollapseKey(delivery.noticeId())
                .setPriority(AndroidConfig.Priority.HIGH)
                .setNotification(
                    AndroidNotification.builder()
                        .setChannelId(channel(delivery.severity()))
                        .build())
                .build())
        .setApnsConfig(
            ApnsConfig.builder()
                .putHeader("apns-collapse-id", delivery.noticeId())
                .putHeader("apns-priority", "10")
                .setAps(Aps.builder().putCustomData("interruption-level", "critical").build())
                .build())
        .build();
  }

  /** The message for one device whose resident reads {@code languages}, in their order. */
  static Message of(Delivery delivery, Device device, List<String> languages) {
    String title = LocalizedText.forReader(delivery.title(), languages);
    boolean urgent = delivery.severity() != Severity.INFO;
    return Message.builder()
        .setToken(device.token())
        .setNotification(Notification.builder().setTitle(title).build())
        .putData("noticeId", delivery.noticeId())
        .putData("noticeVersion", Integer.toString(delivery.noticeVersion()))
        .putData("deliveryId", delivery.id())
        .setAndroidConfig(
            AndroidConfig.builder()
                // A newer version of the same notice replaces the older one on the device.
                .setCollapseKey(delivery.noticeId())
                .setNotification(
                    AndroidNotification.builder()
                        .setChannelId(channel(delivery.severity()))
                        .build())
                .setPriority(urgent ? AndroidConfig.Priority.HIGH : AndroidConfig.Priority.NORMAL)
                .build())
        .setApnsConfig(
            ApnsConfig.builder()
                .putHeader("apns-collapse-id", delivery.noticeId())
                .putHeader("apns-priority", urgent ? "10" : "5")
                .setAps(
                    Aps.builder()
                        .putCustomData(
                            "interruption-level",
                            delivery.severity() == Severity.EMERGENCY
                                ? "critical"
                                : urgent ? "time-sensitive" : "active")
                        .build())
                .build())
        .build();
  }
}
