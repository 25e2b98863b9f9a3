package io.kairan.deploy.bench;

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
import io.kairan.model.resident.ResidentProfile;
import io.kairan.recommender.match.Reasons;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the feed reads at a city's scale, without running a month of notices through the job: a pool
 * of live city-wide notices published over the last 30 days, and for each resident a share of the
 * deliveries, each of another notice. Resident r gets notices r, r+1, … (modulo the pool), so every
 * notice reaches about as many residents; the first residents get one more delivery when the total
 * does not divide evenly. Everything is derived from the inputs, so the same arguments give the
 * same corpus, and the deliveries are made one resident at a time (a million of them are not held
 * in memory).
 */
final class FeedCorpus {
  static final Duration SPREAD = Duration.ofDays(30);
  private static final String RULES = "builtin/1";
  private static final Publisher CITY =
      new Publisher("kouhou-ka", "広報広聴課", PublisherKind.DEPARTMENT);
  private static final Channel[] CHANNELS = {Channel.FEED_ONLY, Channel.DIGEST, Channel.PUSH_NOW};

  private final List<ResidentProfile> residents;
  private final List<Notice> notices;
  private final long deliveries;

  FeedCorpus(List<ResidentProfile> residents, long deliveries, int notices, Instant now) {
    if (residents.isEmpty() || notices < 1 || deliveries < 0) {
      throw new IllegalArgumentException("a corpus needs residents, notices and no negative count");
    }
    long most = (deliveries + residents.size() - 1) / residents.size();
    if (most > notices) {
      throw new IllegalArgumentException(
          String.format(
              "%,d deliveries over %,d residents give one resident %d, more than the %d notices",
              deliveries, residents.size(), most, notices));
    }
    this.residents = List.copyOf(residents);
    this.deliveries = deliveries;
    this.notices = new ArrayList<>(notices);
    for (int i = 0; i < notices; i++) {
      this.notices.add(notice(i, notices, now));
    }
  }

  List<Notice> notices() {
    return notices;
  }

  int residents() {
    return residents.size();
  }

  ResidentProfile resident(int r) {
    return residents.get(r);
  }

  long deliveries() {
    return deliveries;
  }

  /** How many deliveries resident r has. */
  int deliveriesOf(int r) {
    long base = deliveries / residents.size();
    long extra = deliveries % residents.size();
    return (int) (base + (r < extra ? 1 : 0));
  }

  /** Resident r's deliveries, as the job would have written them. */
  List<Delivery> deliveriesFor(int r) {
    ResidentProfile resident = residents.get(r);
    int count = deliveriesOf(r);
    List<Delivery> out = new ArrayList<>(count);
    for (int j = 0; j < count; j++) {
      Notice notice = notices.get((r + j) % notices.size());
      // Decided a little after publication, at a time that differs between residents.
      Instant decidedAt = notice.publishedAt().plusSeconds(r % 600);
      out.add(
          new Delivery(
              DeliveryId.of(notice.id(), notice.version(), resident.id()),
              resident.id(),
              notice.id(),
              notice.version(),
              notice.category(),
              notice.severity(),
              notice.title(),
              0.5,
              Reasons.explain(notice.audience(), resident, decidedAt),
              RULES,
              CHANNELS[j % CHANNELS.length],
              decidedAt,
              decidedAt));
    }
    return out;
  }

  /**
   * The items a first page of {@code size} shows resident r: every notice is live and each of the
   * resident's deliveries is of another notice, so one item per delivery, up to the page.
   */
  int expectedItems(int r, int size) {
    return Math.min(size, deliveriesOf(r));
  }

  /** The id of the notice on top of resident r's feed: the newest one delivered to them. */
  String newestNoticeOf(int r) {
    return deliveriesFor(r).stream()
        .max(java.util.Comparator.comparing(Delivery::decidedAt))
        .orElseThrow()
        .noticeId();
  }

  /** Notice i of n: published (i + 1)/n of the spread after its start, live for 30 days more. */
  private static Notice notice(int i, int n, Instant now) {
    Instant published = now.minus(SPREAD).plusMillis(SPREAD.toMillis() * (i + 1) / (n + 1));
    Category category = Category.values()[i % Category.values().length];
    String id =
        UUID.nameUUIDFromBytes(("serving-bench-notice-" + i).getBytes(StandardCharsets.UTF_8))
            .toString();
    return new Notice(
        id,
        1,
        CITY,
        "072028",
        category,
        Map.of("ja", "市からのお知らせ 第" + (i + 1) + "号", "en", "City notice no. " + (i + 1)),
        Map.of("ja", BODY, "en", "Please read the details on the city's website."),
        "https://www.city.aizuwakamatsu.fukushima.jp/",
        null,
        new Validity(published, now.plus(SPREAD)),
        category == Category.DISASTER ? Severity.IMPORTANT : Severity.INFO,
        NoticeStatus.PUBLISHED,
        new Audience.Everyone(),
        published);
  }

  // A body of the length city notices have (a few hundred characters).
  private static final String BODY =
      ("市では、市民の皆さまの暮らしに関わるお知らせを定期的にお届けしています。" + "詳しい内容や申込方法は、市のホームページまたは担当課へお問い合わせください。").repeat(4);
}
