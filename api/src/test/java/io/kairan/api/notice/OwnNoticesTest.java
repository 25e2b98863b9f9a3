package io.kairan.api.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.kairan.api.kafka.RecordPublisher;
import io.kairan.api.ledger.NoticeLedger;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A publisher reads their own notices from the ledger: a list newest first in pages, filtered by
 * status and category, and one notice with the versions it went through. Each test is a publisher
 * of its own, so the shared ledger never mixes tests.
 */
@WebMvcTest(
    controllers = NoticeController.class,
    properties = "kairan.security.test-hmac-secret=0123456789abcdef0123456789abcdef")
@Import({io.kairan.api.security.SecurityTestSupport.class, NoticeTestSupport.class})
class OwnNoticesTest {
  private static final Instant NOW = NoticeTestSupport.NOW;

  @Autowired MockMvc mvc;
  @Autowired NoticeLedger ledger;
  @MockitoBean RecordPublisher kafka;
  @MockitoBean FiguresReader figures;

  private static String newPublisher() {
    return "dept-" + UUID.randomUUID();
  }

  /** A notice of the publisher's in the category, first published {@code minutesAgo} before now. */
  private Notice ledgerHas(String publisherId, int minutesAgo, Category category) {
    Notice notice =
        Json.read(
                NoticeTestSupport.DRAFT.replace("\"CHILDCARE\"", "\"" + category + "\""),
                NoticeDraft.class)
            .toNotice(
                "n-" + UUID.randomUUID(),
                1,
                new Publisher(publisherId, publisherId, PublisherKind.DEPARTMENT),
                NoticeStatus.PUBLISHED,
                NOW.minusSeconds(60L * minutesAgo));
    ledger.apply(notice);
    return notice;
  }

  private ResultActions list(String publisherId, String query) throws Exception {
    return mvc.perform(
        get("/api/v1/notices" + query)
            .with(NoticeControllerTest.publisher(publisherId, "DEPARTMENT")));
  }

  private static JsonNode body(ResultActions result) throws Exception {
    return Json.mapper().readTree(result.andReturn().getResponse().getContentAsString());
  }

  @Test
  void theListIsTheCallersOwnNoticesNewestFirst() throws Exception {
    String me = newPublisher();
    Notice old = ledgerHas(me, 30, Category.CHILDCARE);
    Notice newest = ledgerHas(me, 1, Category.CHILDCARE);
    Notice middle = ledgerHas(me, 10, Category.CHILDCARE);
    ledgerHas(newPublisher(), 5, Category.CHILDCARE); // someone else's

    list(me, "")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[*].id").value(contains(newest.id(), middle.id(), old.id())))
        .andExpect(jsonPath("$.next").isEmpty());
  }

  @Test
  void pagesFollowedByTheirCursorGiveEveryNoticeOnceInOrderEvenWhenNewOnesArriveMeanwhile()
      throws Exception {
    String me = newPublisher();
    List<String> expected = new ArrayList<>();
    for (int minutesAgo = 1; minutesAgo <= 7; minutesAgo++) {
      expected.add(ledgerHas(me, minutesAgo, Category.EVENTS).id());
    }

    List<String> seen = new ArrayList<>();
    JsonNode page = body(list(me, "?size=3"));
    page.get("items").forEach(n -> seen.add(n.get("id").asText()));
    ledgerHas(me, 0, Category.EVENTS); // newer than everything listed: on no later page
    while (!page.get("next").isNull()) {
      page = body(list(me, "?size=3&cursor=" + page.get("next").asText()));
      page.get("items").forEach(n -> seen.add(n.get("id").asText()));
    }

    assertThat(seen).isEqualTo(expected);
  }

  @Test
  void theListFiltersByCurrentStatusAndByCategory() throws Exception {
    String me = newPublisher();
    Notice event = ledgerHas(me, 3, Category.EVENTS);
    Notice childcare = ledgerHas(me, 2, Category.CHILDCARE);
    Notice withdrawn = ledgerHas(me, 1, Category.EVENTS);
    ledger.apply(withdrawn.withVersion(2, NoticeStatus.WITHDRAWN, NOW));

    list(me, "?status=WITHDRAWN")
        .andExpect(jsonPath("$.items[*].id").value(contains(withdrawn.id())));
    list(me, "?category=EVENTS")
        .andExpect(jsonPath("$.items[*].id").value(contains(withdrawn.id(), event.id())));
    list(me, "?category=EVENTS&status=PUBLISHED")
        .andExpect(jsonPath("$.items[*].id").value(contains(event.id())));
    list(me, "?category=CHILDCARE")
        .andExpect(jsonPath("$.items[*].id").value(contains(childcare.id())));
  }

  @Test
  void anUnknownStatusOrCategoryASizeOutOfRangeOrAForeignCursorIsA400NamingEach() throws Exception {
    list(newPublisher(), "?status=LIVE&category=PETS&size=0&cursor=bm90LWEtY3Vyc29y")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors").value(hasItem(startsWith("status: must be one of"))))
        .andExpect(jsonPath("$.errors").value(hasItem(startsWith("category: must be one of"))))
        .andExpect(jsonPath("$.errors").value(hasItem("size: must be between 1 and 100")))
        .andExpect(jsonPath("$.errors").value(hasItem(startsWith("cursor: is not a cursor"))));
  }

  @Test
  void aNoticeIsReadInItsCurrentVersionWithTheVersionsItWentThroughOldestFirst() throws Exception {
    String me = newPublisher();
    Notice v1 = ledgerHas(me, 30, Category.CHILDCARE);
    ledger.apply(v1.withVersion(2, NoticeStatus.UPDATED, NOW.minusSeconds(600)));
    ledger.apply(v1.withVersion(3, NoticeStatus.WITHDRAWN, NOW));

    mvc.perform(
            get("/api/v1/notices/" + v1.id())
                .with(NoticeControllerTest.publisher(me, "DEPARTMENT")))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"3\""))
        .andExpect(jsonPath("$.id").value(v1.id()))
        .andExpect(jsonPath("$.version").value(3))
        .andExpect(jsonPath("$.status").value("WITHDRAWN"))
        .andExpect(jsonPath("$.versions[*].version").value(contains(1, 2, 3)))
        .andExpect(
            jsonPath("$.versions[*].status").value(contains("PUBLISHED", "UPDATED", "WITHDRAWN")))
        .andExpect(jsonPath("$.versions[1].publishedAt").value("2026-11-23T08:50:00Z"));
  }

  private ResultActions schedule(String publisherId, String publishAt) throws Exception {
    return mvc.perform(
        post("/api/v1/notices/scheduled")
            .with(NoticeControllerTest.publisher(publisherId, "DEPARTMENT"))
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"publishAt\":\""
                    + publishAt
                    + "\",\"notice\":"
                    + NoticeTestSupport.DRAFT
                    + "}"));
  }

  @Test
  void aScheduledNoticeIs201WithItsPlaceAndListedUntilItIsCancelled() throws Exception {
    String me = newPublisher();
    var created =
        schedule(me, "2026-11-24T09:00:00Z")
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.publishAt").value("2026-11-24T09:00:00Z"))
            .andExpect(jsonPath("$.notice.version").value(1));
    String id = body(created).at("/notice/id").asText();
    created.andExpect(header().string("Location", "/api/v1/notices/scheduled/" + id));
    var asMe = NoticeControllerTest.publisher(me, "DEPARTMENT");

    mvc.perform(get("/api/v1/notices/scheduled").with(asMe))
        .andExpect(jsonPath("$[*].notice.id").value(contains(id)));
    mvc.perform(get("/api/v1/notices/" + id).with(asMe)).andExpect(status().isNotFound());
    mvc.perform(delete("/api/v1/notices/scheduled/" + id).with(asMe))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/notices/scheduled").with(asMe)).andExpect(jsonPath("$").isEmpty());
    mvc.perform(delete("/api/v1/notices/scheduled/" + id).with(asMe))
        .andExpect(status().isNotFound());
  }

  @Test
  void aScheduleForATimeAlreadyPastIsA400NamingPublishAt() throws Exception {
    schedule(newPublisher(), "2026-11-23T08:59:59Z")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors").value(hasItem("publishAt: must be a time after now")));
  }
}
