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
 * 200 characters, so at most 600 bytes) and ids, never the notice's body: the payload stays far
 * under FCM's 4 KB, and the app opens the notice from the feed. An emergency's device message
 * (stage two) also names the resident's evacuation site in its body and data ({@link SiteLines}).
 *
 * <p>An emergency's stage-one topic message and its stage-two device message share the collapse key
 * (FCM keeps only the latest for a device that was offline: stage two, the complete one), the
 * Android notification tag (stage two replaces stage one's notification in the drawer) and the
 * {@code apns-collapse-id} (the same on iOS).
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
   * Stage one: one message for a district topic whose residents read {@code language} first, the
   * title by the chain for that language and the severity; nothing about any resident.
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
        .putData("severity", delivery.severity().name())
        .putData("stage", "1")
        .setAndroidConfig(
            AndroidConfig.builder()
                .setCollapseKey(delivery.noticeId())
                .setPriority(AndroidConfig.Priority.HIGH)
                .setNotification(
                    AndroidNotification.builder()
                        .setChannelId(channel(delivery.severity()))
                        .setTag(delivery.noticeId())
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
    boolean emergency = delivery.severity() == Severity.EMERGENCY;
    Notification.Builder notification = Notification.builder().setTitle(title);
    SiteLines.body(delivery.sites(), languages).ifPresent(notification::setBody);
    AndroidNotification.Builder android =
        AndroidNotification.builder().setChannelId(channel(delivery.severity()));
    Message.Builder message =
        Message.builder()
            .setToken(device.token())
            .setNotification(notification.build())
            .putData("noticeId", delivery.noticeId())
            .putData("noticeVersion", Integer.toString(delivery.noticeVersion()))
            .putData("deliveryId", delivery.id())
            .putAllData(SiteLines.data(delivery.sites()));
    if (emergency) {
      message.putData("severity", delivery.severity().name()).putData("stage", "2");
      android.setTag(delivery.noticeId()); // replaces stage one's notification
    }
    return message
        .setAndroidConfig(
            AndroidConfig.builder()
                // A newer version of the same notice replaces the older one on the device.
                .setCollapseKey(delivery.noticeId())
                .setNotification(android.build())
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
