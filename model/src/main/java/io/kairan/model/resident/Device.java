package io.kairan.model.resident;

import io.kairan.model.Problems;
import io.kairan.model.notice.LocalizedText;
import java.time.Instant;
import java.util.List;

/** A resident's device and its FCM registration token; keyed by device id on devices.v1. */
public record Device(
    String id,
    String residentId,
    String token,
    Platform platform,
    String locale,
    Instant registeredAt) {
  public List<String> problems() {
    return new Problems()
        .notBlank(id, "id")
        .maxLength(id, 100, "id")
        .notBlank(residentId, "residentId")
        .notBlank(token, "token")
        .maxLength(token, 4096, "token")
        .notNull(platform, "platform")
        .require(
            locale == null || LocalizedText.isLanguageTag(locale),
            "locale",
            "is not a language tag")
        .list();
  }
}
