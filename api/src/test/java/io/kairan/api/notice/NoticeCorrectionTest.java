package io.kairan.api.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kairan.api.kafka.RecordPublisher;
import io.kairan.api.ledger.NoticeLedger;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Corrections through the notice endpoints: a new version, marked, saying what changed, which the
 * job sends to everyone who was sent an earlier version (see the recommender's decide stage).
 */
@WebMvcTest(
    controllers = NoticeController.class,
    properties = "kairan.security.test-hmac-secret=0123456789abcdef0123456789abcdef")
@Import({io.kairan.api.security.SecurityTestSupport.class, NoticeTestSupport.class})
class NoticeCorrectionTest {
  private static final String WHAT_CHANGED =
      "\"whatChanged\":{\"ja\":\"締切は11月30日ではなく12月1日です。\",\"en\":\"The deadline is 1 December.\"},";

  @Autowired MockMvc mvc;
  @Autowired NoticeLedger ledger;
  @MockitoBean RecordPublisher kafka;
  @MockitoBean FiguresReader figures;

  /** Version 2 of a new notice of that publisher in the ledger. */
  private String ledgerHas(String publisherId, PublisherKind kind, NoticeStatus status) {
    String id = "n-" + UUID.randomUUID();
    ledger.apply(
        Json.read(NoticeTestSupport.DRAFT, NoticeDraft.class)
            .toNotice(
                id,
                2,
                new Publisher(publisherId, publisherId, kind),
                status,
                NoticeTestSupport.NOW.minusSeconds(3600)));
    return id;
  }

  private ResultActions correct(String id, String as, String kind, String ifMatch, String body)
      throws Exception {
    var request =
        post("/api/v1/notices/" + id + "/correct")
            .with(NoticeControllerTest.publisher(as, kind))
            .contentType(MediaType.APPLICATION_JSON)
            .content(body);
    return mvc.perform(ifMatch == null ? request : request.header(HttpHeaders.IF_MATCH, ifMatch));
  }

  private List<Notice> published() {
    ArgumentCaptor<Object> written = ArgumentCaptor.forClass(Object.class);
    verify(kafka, atLeast(0)).publish(eq(Topics.NOTICES), any(), written.capture(), anyMap());
    return written.getAllValues().stream().map(Notice.class::cast).toList();
  }

  private static String withWhatChanged(String draft) {
    return draft.replaceFirst("\\{", "{" + WHAT_CHANGED);
  }

  @Test
  void aCorrectionIsTheNextVersionMarkedInEachLanguageSayingWhatChanged() throws Exception {
    String id = ledgerHas("dept-1", PublisherKind.DEPARTMENT, NoticeStatus.PUBLISHED);

    correct(id, "dept-1", "DEPARTMENT", "\"2\"", withWhatChanged(NoticeTestSupport.DRAFT))
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.ETAG, "\"3\""))
        .andExpect(jsonPath("$.status").value("CORRECTED"))
        .andExpect(jsonPath("$.correction.en").value("The deadline is 1 December."));

    assertThat(published())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.version()).isEqualTo(3);
              assertThat(n.status()).isEqualTo(NoticeStatus.CORRECTED);
              assertThat(n.title())
                  .containsEntry("ja", "【訂正】児童手当の申請")
                  .containsEntry("ja-x-easy", "【なおしました】こどもの てあての もうしこみ")
                  .containsEntry("en", "[Correction] Child allowance");
              assertThat(n.correction())
                  .isEqualTo(
                      Map.of(
                          "ja", "締切は11月30日ではなく12月1日です。",
                          "en", "The deadline is 1 December."));
            });
  }

  @Test
  void aCorrectionThatDoesNotSayWhatChangedIsAProblemNamingTheFieldAndPublishesNothing()
      throws Exception {
    String id = ledgerHas("dept-1", PublisherKind.DEPARTMENT, NoticeStatus.PUBLISHED);

    correct(id, "dept-1", "DEPARTMENT", "\"2\"", NoticeTestSupport.DRAFT)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.errors[0]")
                .value("correction: a correction must say what changed, in at least one language"));

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }

  @Test
  void aCorrectionWithMarkupInWhatChangedIsRefused() throws Exception {
    String id = ledgerHas("dept-1", PublisherKind.DEPARTMENT, NoticeStatus.PUBLISHED);
    String draft =
        NoticeTestSupport.DRAFT.replaceFirst(
            "\\{", "{\"whatChanged\":{\"ja\":\"<script>x</script>\"},");

    correct(id, "dept-1", "DEPARTMENT", "\"2\"", draft)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0]").value("correction.ja: must be plain text, no tags"));

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }

  @Test
  void aCorrectionNeedsIfMatchAndAStaleOneIs412() throws Exception {
    String id = ledgerHas("dept-1", PublisherKind.DEPARTMENT, NoticeStatus.PUBLISHED);
    String body = withWhatChanged(NoticeTestSupport.DRAFT);

    correct(id, "dept-1", "DEPARTMENT", null, body).andExpect(status().isPreconditionRequired());
    correct(id, "dept-1", "DEPARTMENT", "\"1\"", body).andExpect(status().isPreconditionFailed());

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }

  @Test
  void aWithdrawnNoticeCannotBeCorrected() throws Exception {
    String id = ledgerHas("dept-1", PublisherKind.DEPARTMENT, NoticeStatus.WITHDRAWN);

    correct(id, "dept-1", "DEPARTMENT", "\"2\"", withWhatChanged(NoticeTestSupport.DRAFT))
        .andExpect(status().isConflict());

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }

  @Test
  void anotherPublisherCannotCorrectANotice() throws Exception {
    String id = ledgerHas("dept-1", PublisherKind.DEPARTMENT, NoticeStatus.PUBLISHED);

    correct(id, "dept-2", "DEPARTMENT", "\"2\"", withWhatChanged(NoticeTestSupport.DRAFT))
        .andExpect(status().isForbidden());

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }

  @Test
  void aFirmsApprovedNoticeCannotBeCorrectedWithoutApproval() throws Exception {
    String id = ledgerHas("shop-1", PublisherKind.FIRM, NoticeStatus.PUBLISHED);

    correct(id, "shop-1", "FIRM", "\"2\"", withWhatChanged(NoticeTestSupport.DRAFT))
        .andExpect(status().isForbidden());

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }

  @Test
  void onlyACorrectionSaysWhatChangedAPostOrPutWithItIsRefused() throws Exception {
    String id = ledgerHas("dept-1", PublisherKind.DEPARTMENT, NoticeStatus.PUBLISHED);
    String body = withWhatChanged(NoticeTestSupport.DRAFT);

    mvc.perform(
            post("/api/v1/notices")
                .with(NoticeControllerTest.publisher("dept-1", "DEPARTMENT"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0]").value(org.hamcrest.Matchers.startsWith("whatChanged:")));
    mvc.perform(
            put("/api/v1/notices/" + id)
                .with(NoticeControllerTest.publisher("dept-1", "DEPARTMENT"))
                .header(HttpHeaders.IF_MATCH, "\"2\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isBadRequest());

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }
}
