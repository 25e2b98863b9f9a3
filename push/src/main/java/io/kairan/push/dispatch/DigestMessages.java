package io.kairan.push.dispatch;

import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.AndroidNotification;
import com.google.firebase.messaging.ApnsConfig;
import com.google.firebase.messaging.Aps;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.Notification;
import io.kairan.model.notice.LocalizedText;
import io.kairan.model.resident.Device;
import io.kairan.push.digest.Digest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The message of a resident's daily digest to one device: the count in the title, the top titles by
 * score in the body, in the resident's languages by the same chain as every push. Its data lets the
 * app open the digest section: the date and the notices' ids.
 */
final class DigestMessages {
  /**
   * At most this many characters of notice ids (comma-separated, highest score first) in the data:
   * with three titles of at most 200 characters the message stays under FCM's 4 KB; the app finds
   * the rest of the day's digest by its date.
   */
  static final int MAX_IDS_CHARS = 1_000;

  /** The title, with the count, in each language push has it in; the chain picks one. */
  private static final Map<String, String> TITLE =
      Map.of(
          "ja",
          "お知らせのまとめ（%d件）",
          LocalizedText.EASY_JAPANESE,
          "おしらせの まとめ（%d）",
          "en",
          "Your digest (%d)",
          "zh",
          "通知摘要（%d条）",
          "ko",
          "알림 요약 (%d건)",
          "vi",
          "Tóm tắt thông báo (%d)",
          "pt",
          "Resumo dos avisos (%d)");

  private DigestMessages() {}

  static Message of(Digest digest, Device device, List<String> languages) {
    String title = String.format(LocalizedText.forReader(TITLE, languages), digest.count());
    String body =
        digest.top().stream()
            .map(d -> "・" + LocalizedText.forReader(d.title(), languages))
            .collect(Collectors.joining("\n"));
    return Message.builder()
        .setToken(device.token())
        .setNotification(Notification.builder().setTitle(title).setBody(body).build())
        .putData("digest", digest.day().toString())
        .putData("digestId", digest.id())
        .putData("count", Integer.toString(digest.count()))
        .putData("noticeIds", ids(digest.noticeIds()))
        .setAndroidConfig(
            AndroidConfig.builder()
                // A day's digest replaces the day before's on the device.
                .setCollapseKey("digest")
                .setPriority(AndroidConfig.Priority.NORMAL)
                .setNotification(
                    AndroidNotification.builder().setChannelId("kairan-digest").build())
                .build())
        .setApnsConfig(
            ApnsConfig.builder()
                .putHeader("apns-collapse-id", "digest")
                .putHeader("apns-priority", "5")
                .setAps(Aps.builder().putCustomData("interruption-level", "active").build())
                .build())
        .build();
  }

  /** The ids that fit in {@link #MAX_IDS_CHARS}, in order. */
  static String ids(List<String> noticeIds) {
    StringBuilder ids = new StringBuilder();
    for (String id : noticeIds) {
      int length = ids.isEmpty() ? id.length() : ids.length() + 1 + id.length();
      if (length > MAX_IDS_CHARS) {
        break;
      }
      ids.append(ids.isEmpty() ? "" : ",").append(id);
    }
    return ids.toString();
  }
}
