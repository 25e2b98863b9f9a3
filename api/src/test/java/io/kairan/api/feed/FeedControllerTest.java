package io.kairan.api.feed;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kairan.api.index.CurrentNotices;
import io.kairan.api.notice.NoticeTestSupport;
import io.kairan.api.reach.ResidentIndex;
import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.resident.ResidentProfile;
import io.kairan.model.site.SiteAdvice;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The feed's calls: a page and the way to the next, the digest section, one notice in the reader's
 * language, and every bad parameter a 400 problem naming it. The deliveries are plain scans
 * (DeliveriesInMemory), new for each test; Elasticsearch runs the same reads in FeedJourneyIT.
 */
@WebMvcTest(
    controllers = FeedController.class,
    properties = "kairan.security.test-hmac-secret=0123456789abcdef0123456789abcdef")
@Import({
  io.kairan.api.security.SecurityTestSupport.class,
  FeedTestSupport.class,
  FeedControllerTest.Fixed.class
})
class FeedControllerTest {
  static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

  @TestConfiguration
  static class Fixed {
    @Bean
    @Primary
    Clock fixedClock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Bean
    ResidentIndex residentIndex() {
      return new ResidentIndex();
    }
  }

  @Autowired MockMvc mvc;
  @Autowired ResidentIndex residents;
  @MockitoBean FeedDeliveries feedDeliveries;
  @MockitoBean CurrentNotices currentNotices;

  private static RequestPostProcessor resident(String id) {
    return jwt().jwt(j -> j.subject(id)).authorities(new SimpleGrantedAuthority("ROLE_RESIDENT"));
  }

  /** The mocked reads answer from a store of this test's own. */
  private DeliveriesInMemory store(Map<String, Notice> notices) {
    DeliveriesInMemory store = new DeliveriesInMemory();
    when(feedDeliveries.after(any(), any(), any(), anyInt()))
        .thenAnswer(
            c ->
                store.after(
                    c.getArgument(0), c.getArgument(1), c.getArgument(2), c.getArgument(3)));
    when(feedDeliveries.shownBefore(any(), any(), anyList()))
        .thenAnswer(c -> store.shownBefore(c.getArgument(0), c.getArgument(1), c.getArgument(2)));
    when(feedDeliveries.opened(any(), anyList()))
        .thenAnswer(c -> store.opened(c.getArgument(0), c.getArgument(1)));
    when(feedDeliveries.latestOf(any(), any()))
        .thenAnswer(c -> store.latestOf(c.getArgument(0), c.getArgument(1)));
    when(feedDeliveries.digest(any(), anyInt()))
        .thenAnswer(c -> store.digest(c.getArgument(0), c.getArgument(1)));
    DeliveriesInMemory.answerFrom(currentNotices, notices);
    return store;
  }

  private static Notice published(String id) {
    return NoticeTestSupport.departmentNotice(
        id, "dept-1", 1, NoticeStatus.PUBLISHED, Instant.parse("2026-11-23T00:00:00Z"));
  }

  @Test
  void aPageNamesTheNextInLinkAndKairanNextCursorAndTheLastPageNamesNone() throws Exception {
    Map<String, Notice> notices = new HashMap<>();
    DeliveriesInMemory store = store(notices);
    for (int i = 1; i <= 3; i++) {
      notices.put("n-" + i, published("n-" + i));
      store.add(
          DeliveriesInMemory.delivery(
              "n-" + i, 1, Category.CHILDCARE, "2026-11-24T0" + i + ":00:00Z", Channel.FEED_ONLY));
    }

    String next =
        mvc.perform(get("/api/v1/me/feed").param("size", "2").with(resident("r-1")))
            .andExpect(status().isOk())
            .andExpect(
                jsonPath("$[*].noticeId").value(org.hamcrest.Matchers.contains("n-3", "n-2")))
            .andExpect(
                header()
                    .string(
                        "Link",
                        org.hamcrest.Matchers.matchesPattern(
                            "</api/v1/me/feed\\?size=2&cursor=[A-Za-z0-9_-]+>; rel=\"next\"")))
            .andReturn()
            .getResponse()
            .getHeader(FeedController.NEXT_CURSOR);

    mvc.perform(
            get("/api/v1/me/feed").param("size", "2").param("cursor", next).with(resident("r-1")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].noticeId").value(org.hamcrest.Matchers.contains("n-1")))
        .andExpect(header().doesNotExist("Link"))
        .andExpect(header().doesNotExist(FeedController.NEXT_CURSOR));
  }

  @Test
  void badPageParametersAreProblemsNamingThem() throws Exception {
    store(Map.of());
    for (String[] bad :
        new String[][] {
          {"size", "0", "size: must be between 1 and 100"},
          {"size", "101", "size: must be between 1 and 100"},
          {
            "category",
            "WEATHER",
            "category: must be one of " + java.util.Arrays.toString(Category.values())
          },
          {"unread", "yes", "unread: must be true or false"},
          {"cursor", "not-a-cursor", "cursor: not a cursor this feed gave out"},
          {"cursor", "", "cursor: not a cursor this feed gave out"},
        }) {
      mvc.perform(get("/api/v1/me/feed").param(bad[0], bad[1]).with(resident("r-1")))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
          .andExpect(jsonPath("$.errors[0]").value(bad[2]));
    }
  }

  @Test
  void theDigestGroupsDigestDeliveriesByTheirTimeTheHighestScoreFirst() throws Exception {
    Map<String, Notice> notices = new HashMap<>();
    DeliveriesInMemory store = store(notices);
    Instant yesterday = Instant.parse("2026-11-24T09:00:00Z");
    Instant today = Instant.parse("2026-11-25T09:00:00Z");
    Instant tomorrow = Instant.parse("2026-11-26T09:00:00Z");
    store.add(digestDelivery("n-low", 0.2, yesterday));
    store.add(digestDelivery("n-high", 0.9, yesterday));
    store.add(digestDelivery("n-today", 0.5, today));
    store.add(digestDelivery("n-soon", 0.5, tomorrow));
    store.add(digestDelivery("n-gone", 0.8, tomorrow));
    for (String id : List.of("n-low", "n-high", "n-today", "n-soon")) {
      notices.put(id, published(id));
    }
    notices.put(
        "n-gone",
        NoticeTestSupport.departmentNotice("n-gone", "dept-1", 2, NoticeStatus.WITHDRAWN, NOW));

    mvc.perform(get("/api/v1/me/feed/digest").with(resident("r-1")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.digests.length()").value(3))
        .andExpect(jsonPath("$.digests[0].at").value("2026-11-26T09:00:00Z"))
        .andExpect(jsonPath("$.digests[0].sent").value(false))
        .andExpect(
            jsonPath("$.digests[0].items[*].noticeId")
                .value(org.hamcrest.Matchers.contains("n-soon")))
        .andExpect(jsonPath("$.digests[1].at").value("2026-11-25T09:00:00Z"))
        .andExpect(jsonPath("$.digests[1].sent").value(true))
        .andExpect(
            jsonPath("$.digests[2].items[*].noticeId")
                .value(org.hamcrest.Matchers.contains("n-high", "n-low")));
  }

  private static Delivery digestDelivery(String noticeId, double score, Instant pushAt) {
    Instant decided = pushAt.minusSeconds(3_600);
    return new Delivery(
        noticeId + "/1/r-1",
        "r-1",
        noticeId,
        1,
        Category.CHILDCARE,
        null,
        Map.of(),
        score,
        List.of(),
        "aizu-winter/3",
        Channel.DIGEST,
        pushAt,
        decided);
  }

  private static final SiteAdvice SITE =
      new SiteAdvice(
          SiteAdvice.SAFE_FOR_HAZARD, "s-1", "鶴城小学校", "会津若松市追手町", new GeoPoint(37.49, 139.93), 0.8);

  /** A corrected notice of the resident's, with a site named for them. */
  private void aCorrectedNoticeOf(
      String residentId, Map<String, Notice> notices, DeliveriesInMemory store) {
    Notice draft = published("n-1");
    notices.put(
        "n-1",
        new Notice(
            "n-1",
            3,
            draft.publisher(),
            draft.municipalityCode(),
            draft.category(),
            Map.of("ja", "児童手当の申請", "ja-x-easy", "こどもの てあての もうしこみ", "pt", "Abono infantil"),
            Map.of("ja", "11月30日までに申請してください。", "en", "Apply by 30 November."),
            null,
            null,
            draft.validity(),
            draft.severity(),
            NoticeStatus.UPDATED,
            draft.audience(),
            Instant.parse("2026-11-24T12:00:00Z"),
            Map.of("ja", "締切を訂正しました", "en", "The deadline was corrected"),
            null));
    store.add(
        new Delivery(
            "n-1/2/" + residentId,
            residentId,
            "n-1",
            2,
            Category.CHILDCARE,
            null,
            Map.of(),
            0.7,
            List.of("あなたは北会津町にお住まいです"),
            "aizu-winter/3",
            Channel.PUSH_NOW,
            Instant.parse("2026-11-24T12:00:01Z"),
            Instant.parse("2026-11-24T12:00:01Z"),
            List.of(SITE)));
  }

  @Test
  void aNoticeIsInTheProfilesLanguagesThenEasyJapaneseThenJapaneseWithWhyAndTheRuleVersion()
      throws Exception {
    Map<String, Notice> notices = new HashMap<>();
    DeliveriesInMemory store = store(notices);
    aCorrectedNoticeOf("r-en", notices, store);
    residents.put(profile("r-en", List.of("en")));

    // English: no English title, so easy Japanese; the body and what changed are in English.
    mvc.perform(get("/api/v1/me/notices/n-1").with(resident("r-en")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.noticeId").value("n-1"))
        .andExpect(jsonPath("$.version").value(3))
        .andExpect(jsonPath("$.title").value("こどもの てあての もうしこみ"))
        .andExpect(jsonPath("$.body").value("Apply by 30 November."))
        .andExpect(jsonPath("$.whatChanged").value("The deadline was corrected"))
        .andExpect(jsonPath("$.reasons[0]").value("あなたは北会津町にお住まいです"))
        .andExpect(jsonPath("$.ruleVersion").value("aizu-winter/3"))
        .andExpect(jsonPath("$.channel").value("PUSH_NOW"))
        .andExpect(jsonPath("$.deliveredAt").value("2026-11-24T12:00:01Z"))
        .andExpect(jsonPath("$.sites[0].name").value("鶴城小学校"));
    // lang asks for Portuguese first.
    mvc.perform(get("/api/v1/me/notices/n-1").param("lang", "pt,en").with(resident("r-en")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.title").value("Abono infantil"))
        .andExpect(jsonPath("$.body").value("Apply by 30 November."));
    mvc.perform(get("/api/v1/me/notices/n-1").param("lang", "en,日本語").with(resident("r-en")))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[0]")
                .value("lang: must be language tags separated by commas, such as en,ja-x-easy"));
  }

  @Test
  void aNoticeTheCallerNeverReceivedIsNotFoundThoughAnotherResidentGotIt() throws Exception {
    Map<String, Notice> notices = new HashMap<>();
    DeliveriesInMemory store = store(notices);
    aCorrectedNoticeOf("r-other", notices, store);

    mvc.perform(get("/api/v1/me/notices/n-1").with(resident("r-me")))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.detail").value("no notice n-1"));
    mvc.perform(get("/api/v1/me/notices/n-nobody-has").with(resident("r-me")))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("no notice n-nobody-has"));
    mvc.perform(get("/api/v1/me/notices/n-1").with(resident("r-other"))).andExpect(status().isOk());
  }

  @Test
  void aWithdrawnNoticeIsGoneWithTheTimeOfItsWithdrawal() throws Exception {
    Map<String, Notice> notices = new HashMap<>();
    DeliveriesInMemory store = store(notices);
    store.add(
        DeliveriesInMemory.delivery(
            "n-w", 1, Category.CHILDCARE, "2026-11-24T01:00:00Z", Channel.PUSH_NOW));
    Instant withdrawn = Instant.parse("2026-11-24T15:30:00Z");
    notices.put(
        "n-w",
        NoticeTestSupport.departmentNotice("n-w", "dept-1", 2, NoticeStatus.WITHDRAWN, withdrawn));

    mvc.perform(get("/api/v1/me/notices/n-w").with(resident("r-1")))
        .andExpect(status().isGone())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.status").value(410))
        .andExpect(jsonPath("$.detail").value("notice n-w was withdrawn"))
        .andExpect(jsonPath("$.withdrawnAt").value("2026-11-24T15:30:00Z"));
  }

  private static ResidentProfile profile(String id, List<String> languages) {
    return new ResidentProfile(
        id,
        "072028",
        "北会津町",
        null,
        1980,
        List.of(),
        languages,
        java.util.Set.of(),
        Map.of(),
        null,
        null,
        null,
        NOW);
  }
}
