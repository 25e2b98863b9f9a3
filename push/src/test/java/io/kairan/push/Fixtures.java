package io.kairan.push;

import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.delivery.DeliveryId;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import io.kairan.model.resident.Device;
import io.kairan.model.resident.Platform;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.model.site.SiteAdvice;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Deliveries and devices as the recommender and the API write them; fresh values each call. */
public final class Fixtures {
  private Fixtures() {}

  /** A delivery of version 1 of the notice, decided at {@code at}, pushed now. */
  public static Delivery pushNow(
      String noticeId, String residentId, Severity severity, Instant at) {
    return delivery(noticeId, 1, residentId, severity, Channel.PUSH_NOW, at, at);
  }

  /** A PUSH_AT delivery decided at {@code decidedAt}, due at {@code pushAt}. */
  public static Delivery pushAt(
      String noticeId, String residentId, Instant decidedAt, Instant pushAt) {
    return delivery(noticeId, 1, residentId, Severity.INFO, Channel.PUSH_AT, pushAt, decidedAt);
  }

  /**
   * A DIGEST delivery of version 1 of an important notice, with its titles and score, for the
   * digest at {@code digestAt} (decided a day before it at most).
   */
  public static Delivery digest(
      String noticeId,
      String residentId,
      double score,
      Map<String, String> title,
      Instant decidedAt,
      Instant digestAt) {
    return new Delivery(
        DeliveryId.of(noticeId, 1, residentId),
        residentId,
        noticeId,
        1,
        Category.WELFARE,
        Severity.IMPORTANT,
        title,
        score,
        List.of("you live in 湊町"),
        "builtin-1",
        Channel.DIGEST,
        digestAt,
        decidedAt);
  }

  /** A DIGEST delivery whose times do not matter. */
  public static Delivery digest(
      String noticeId, String residentId, double score, Map<String, String> title) {
    Instant at = Instant.parse("2026-11-23T09:00:00Z");
    return digest(noticeId, residentId, score, title, at, at);
  }

  public static Delivery delivery(
      String noticeId,
      int version,
      String residentId,
      Severity severity,
      Channel channel,
      Instant pushAt,
      Instant decidedAt) {
    return delivery(
        noticeId,
        version,
        residentId,
        severity,
        channel,
        pushAt,
        decidedAt,
        Map.of("ja", "避難指示", "en", "Evacuation order"),
        List.of());
  }

  /** A PUSH_NOW emergency delivery decided at {@code at} with these titles, naming these sites. */
  public static Delivery emergency(
      String noticeId,
      int version,
      String residentId,
      Map<String, String> title,
      List<SiteAdvice> sites,
      Instant at) {
    return delivery(
        noticeId, version, residentId, Severity.EMERGENCY, Channel.PUSH_NOW, at, at, title, sites);
  }

  private static Delivery delivery(
      String noticeId,
      int version,
      String residentId,
      Severity severity,
      Channel channel,
      Instant pushAt,
      Instant decidedAt,
      Map<String, String> title,
      List<SiteAdvice> sites) {
    return new Delivery(
        DeliveryId.of(noticeId, version, residentId),
        residentId,
        noticeId,
        version,
        Category.DISASTER,
        severity,
        title,
        1.0,
        List.of("you live in 湊町"),
        "builtin-1",
        channel,
        pushAt,
        decidedAt,
        sites);
  }

  /** A department's notice, valid from {@code from} until {@code until}. */
  public static Notice notice(
      String id,
      int version,
      Severity severity,
      NoticeStatus status,
      Audience audience,
      Instant from,
      Instant until) {
    return new Notice(
        id,
        version,
        new Publisher("bousai", "危機管理課", PublisherKind.DEPARTMENT),
        "072028",
        Category.DISASTER,
        Map.of("ja", "避難指示"),
        Map.of("ja", "本文"),
        null,
        null,
        new Validity(from, until),
        severity,
        status,
        audience,
        from);
  }

  /** A resident of 会津若松 (072028) in {@code district} who reads {@code languages}, in Tokyo. */
  public static ResidentProfile profile(String id, String district, List<String> languages) {
    return new ResidentProfile(
        id,
        "072028",
        district,
        null,
        1980,
        List.of(),
        languages,
        Set.of(),
        Map.of(),
        null,
        "Asia/Tokyo",
        Set.of(),
        Instant.parse("2026-11-01T00:00:00Z"));
  }

  public static Device device(String id, String residentId, String token, String locale) {
    return new Device(
        id, residentId, token, Platform.ANDROID, locale, Instant.parse("2026-11-01T00:00:00Z"));
  }
}
