package io.kairan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.deploy.stack.Waits;
import io.kairan.model.Topics;
import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.delivery.DeliveryId;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import io.kairan.model.resident.Feedback;
import io.kairan.model.resident.FeedbackKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The feed's reads on a real Elasticsearch (the cursor's search_after on decidedAt and the delivery
 * id, the notices shown on earlier pages, the unread and category filters), with a real broker and
 * the API, without the Flink job: the test writes notices and deliveries as the job would, at the
 * decision times it chooses. FeedPagingTest states the same walks on plain scans.
 */
class FeedPagingIT {
  static final Duration PATIENCE = Duration.ofSeconds(60);
  static final Instant T0 = Instant.parse("2026-11-26T03:00:00Z");
  static final Publisher CITY =
      new Publisher("aizuwakamatsu-city", "会津若松市 こども家庭課", PublisherKind.DEPARTMENT);

  /** The API's clock: the walks begin when the test says. */
  static final class SettableClock extends Clock {
    private volatile Instant now;

    SettableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  static final SettableClock CLOCK = new SettableClock(T0);
  static ReadModelStack stack;
  static ApiInstance api;

  @BeforeAll
  static void start() throws Exception {
    stack = ReadModelStack.start("feed-it", CLOCK);
    api = stack.api;
  }

  @AfterAll
  static void stop() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  private static void publish(String id, int version, Category category) throws Exception {
    Notice notice =
        new Notice(
            id,
            version,
            CITY,
            "072028",
            category,
            Map.of("ja", "お知らせ " + id),
            Map.of(),
            null,
            null,
            new Validity(T0.minus(Duration.ofDays(30)), T0.plus(Duration.ofDays(30))),
            Severity.IMPORTANT,
            version == 1 ? NoticeStatus.PUBLISHED : NoticeStatus.UPDATED,
            null,
            T0.minus(Duration.ofDays(30)));
    stack.write(Topics.NOTICES, id, Json.write(notice));
  }

  private static void deliver(
      String residentId, String noticeId, int version, Category category, Instant decidedAt)
      throws Exception {
    var delivery =
        new Delivery(
            DeliveryId.of(noticeId, version, residentId),
            residentId,
            noticeId,
            version,
            category,
            Severity.IMPORTANT,
            Map.of(),
            0.5,
            List.of("you live in 北会津町"),
            "builtin/1",
            Channel.FEED_ONLY,
            decidedAt,
            decidedAt);
    stack.write(Topics.DELIVERIES, residentId, Json.write(delivery));
  }

  /** A page's notice ids, and the next page's URL from its Link header (null on the last). */
  record Page(List<String> ids, String next) {}

  private static Page page(String residentId, String query) throws Exception {
    return get(residentId, "/api/v1/me/feed?" + query);
  }

  private static Page get(String residentId, String path) throws Exception {
    var response = api.send("GET", path, api.tokens.resident(residentId), null);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
    String next =
        response
            .headers()
            .firstValue("Link")
            .map(link -> link.replaceFirst("^<([^>]*)>; rel=\"next\"$", "$1"))
            .orElse(null);
    return new Page(Json.mapper().readTree(response.body()).findValuesAsText("noticeId"), next);
  }

  /** The first page's ids and those of every page after it, by the Link headers. */
  private static List<String> walk(String residentId, Page first) throws Exception {
    List<String> ids = new ArrayList<>(first.ids());
    String next = first.next();
    while (next != null) {
      Page page = get(residentId, next);
      ids.addAll(page.ids());
      next = page.next();
    }
    return ids;
  }

  @Test
  void pagesCutTheFeedOnceEachAndDeliveriesArrivingBetweenPagesNeitherRepeatNorSkip()
      throws Exception {
    CLOCK.set(T0);
    String r = "r-feed-" + UUID.randomUUID();
    String a = "n-a-" + UUID.randomUUID();
    String b = "n-b-" + UUID.randomUUID();
    String c = "n-c-" + UUID.randomUUID();
    String d = "n-d-" + UUID.randomUUID();
    String e = "n-e-" + UUID.randomUUID();
    for (String id : List.of(b, c, d, e)) {
      publish(id, 1, Category.CHILDCARE);
    }
    publish(a, 2, Category.CHILDCARE);
    deliver(r, a, 1, Category.CHILDCARE, T0.minus(Duration.ofDays(5)));
    deliver(r, b, 1, Category.CHILDCARE, T0.minus(Duration.ofDays(4)));
    deliver(r, c, 1, Category.CHILDCARE, T0.minus(Duration.ofDays(3)));
    deliver(r, d, 1, Category.CHILDCARE, T0.minus(Duration.ofDays(2)));
    deliver(r, e, 1, Category.CHILDCARE, T0.minus(Duration.ofDays(2)));
    deliver(r, a, 2, Category.CHILDCARE, T0.minus(Duration.ofDays(1)));
    // d and e were decided in the same millisecond: the later id first.
    boolean eFirst = DeliveryId.of(e, 1, r).compareTo(DeliveryId.of(d, 1, r)) > 0;
    List<String> feed = List.of(a, eFirst ? e : d, eFirst ? d : e, c, b);
    Waits.until(
        "the five notices in the feed", PATIENCE, () -> page(r, "size=100").ids().equals(feed));

    Page first = page(r, "size=2");
    assertThat(first.ids()).isEqualTo(feed.subList(0, 2));
    // Meanwhile, an hour later: a new notice, a new version of one shown (a) and of one not yet
    // shown (b).
    CLOCK.set(T0.plus(Duration.ofHours(1)));
    String arrived = "n-new-" + UUID.randomUUID();
    publish(arrived, 1, Category.CHILDCARE);
    publish(b, 2, Category.CHILDCARE);
    deliver(r, arrived, 1, Category.CHILDCARE, T0.plus(Duration.ofMinutes(1)));
    deliver(r, a, 3, Category.CHILDCARE, T0.plus(Duration.ofMinutes(2)));
    deliver(r, b, 2, Category.CHILDCARE, T0.plus(Duration.ofMinutes(3)));
    List<String> now = List.of(b, a, arrived, feed.get(1), feed.get(2), c);
    Waits.until(
        "the arrivals at the top of a new walk",
        PATIENCE,
        () -> walk(r, page(r, "size=2")).equals(now));

    assertThat(walk(r, first)).as("the walk begun before them").isEqualTo(feed);
  }

  @Test
  void unreadLeavesOutWhatWasOpenedAndCategoryKeepsOne() throws Exception {
    CLOCK.set(T0);
    String r = "r-filter-" + UUID.randomUUID();
    String opened = "n-opened-" + UUID.randomUUID();
    String unread = "n-unread-" + UUID.randomUUID();
    String event = "n-event-" + UUID.randomUUID();
    publish(opened, 1, Category.CHILDCARE);
    publish(unread, 1, Category.CHILDCARE);
    publish(event, 1, Category.EVENTS);
    deliver(r, opened, 1, Category.CHILDCARE, T0.minus(Duration.ofHours(3)));
    deliver(r, unread, 1, Category.CHILDCARE, T0.minus(Duration.ofHours(2)));
    deliver(r, event, 1, Category.EVENTS, T0.minus(Duration.ofHours(1)));
    stack.write(
        Topics.FEEDBACK,
        r,
        Json.write(new Feedback(r, opened, FeedbackKind.OPENED, T0.minusSeconds(60))));

    Waits.until(
        "the opened notice out of the unread feed",
        PATIENCE,
        () ->
            page(r, "size=100").ids().equals(List.of(event, unread, opened))
                && page(r, "size=100&unread=true").ids().equals(List.of(event, unread)));
    assertThat(walk(r, page(r, "size=2&unread=true&category=CHILDCARE"))).containsExactly(unread);
    assertThat(walk(r, page(r, "size=2&category=EVENTS"))).containsExactly(event);
    assertThat(walk(r, page(r, "size=1&category=CHILDCARE"))).containsExactly(unread, opened);
  }
}
