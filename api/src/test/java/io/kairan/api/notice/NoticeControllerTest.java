package io.kairan.api.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kairan.api.index.NoticeStore;
import io.kairan.api.kafka.RecordPublisher;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@WebMvcTest(
    controllers = NoticeController.class,
    properties = "kairan.security.jwt-secret=0123456789abcdef0123456789abcdef")
@Import({io.kairan.api.security.SecurityTestSupport.class, NoticeControllerTest.FixedClock.class})
class NoticeControllerTest {
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  /** Published versions carry the time of this clock, not the machine's. */
  @TestConfiguration
  static class FixedClock {
    @Bean
    @Primary
    Clock fixedClock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }
  }

  private static final String DRAFT =
      """
      {"municipalityCode":"072028","category":"CHILDCARE","severity":"IMPORTANT",
       "title":{"ja":"児童手当の申請","ja-x-easy":"こどもの てあての もうしこみ","en":"Child allowance"},
       "body":{"ja":"11月30日までに申請してください。"},
       "validity":{"from":"2026-11-23T00:00:00Z","until":"2026-12-23T00:00:00Z"},
       "audience":{"type":"everyone"}}
      """;

  @Autowired MockMvc mvc;
  @MockitoBean RecordPublisher kafka;
  @MockitoBean NoticeStore store;
  @MockitoBean FiguresReader figures;

  private static RequestPostProcessor publisher(String id, String kind) {
    return jwt()
        .jwt(j -> j.subject(id).claim("name", "会津若松市 " + id).claim("publisher_kind", kind))
        .authorities(new SimpleGrantedAuthority("ROLE_PUBLISHER"));
  }

  /** Version 2 of notice n-1 by the given publisher, in the given state, as the store has it. */
  private static Notice stored(String publisherId, PublisherKind kind, NoticeStatus status) {
    NoticeDraft draft = Json.read(DRAFT, NoticeDraft.class);
    return draft.toNotice(
        "n-1", 2, new Publisher(publisherId, publisherId, kind), status, NOW.minusSeconds(3600));
  }

  private ResultActions send(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      String body)
      throws Exception {
    return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private void storeHas(String publisherId, PublisherKind kind, NoticeStatus status) {
    when(store.find("n-1")).thenReturn(Optional.of(stored(publisherId, kind, status)));
  }

  private ResultActions postAsDepartment(String body) throws Exception {
    return send(post("/api/v1/notices").with(publisher("dept-1", "DEPARTMENT")), body);
  }

  private ResultActions putAsDepartment(String body) throws Exception {
    return send(put("/api/v1/notices/n-1").with(publisher("dept-1", "DEPARTMENT")), body);
  }

  private Notice published() {
    ArgumentCaptor<Object> written = ArgumentCaptor.forClass(Object.class);
    verify(kafka).publish(eq(Topics.NOTICES), any(), written.capture());
    return (Notice) written.getValue();
  }

  @Test
  void aPutOnAWithdrawnNoticeIsAConflictProblemAndPublishesNothing() throws Exception {
    storeHas("dept-1", PublisherKind.DEPARTMENT, NoticeStatus.WITHDRAWN);

    putAsDepartment(DRAFT)
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.detail").value("Notice n-1 was withdrawn; a withdrawn notice is final."));

    verify(kafka, never()).publish(any(), any(), any());
  }

  @Test
  void withdrawingAWithdrawnNoticeAgainIsAConflictAndMakesNoNewVersion() throws Exception {
    storeHas("dept-1", PublisherKind.DEPARTMENT, NoticeStatus.WITHDRAWN);

    mvc.perform(post("/api/v1/notices/n-1/withdraw").with(publisher("dept-1", "DEPARTMENT")))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

    verify(kafka, never()).publish(any(), any(), any());
  }

  @Test
  void anotherPublishersWithdrawnNoticeIsForbiddenNotAConflict() throws Exception {
    storeHas("dept-2", PublisherKind.DEPARTMENT, NoticeStatus.WITHDRAWN);

    putAsDepartment(DRAFT).andExpect(status().isForbidden());

    verify(kafka, never()).publish(any(), any(), any());
  }

  @Test
  void withdrawingALiveNoticePublishesTheNextVersionAsWithdrawn() throws Exception {
    storeHas("dept-1", PublisherKind.DEPARTMENT, NoticeStatus.UPDATED);

    mvc.perform(post("/api/v1/notices/n-1/withdraw").with(publisher("dept-1", "DEPARTMENT")))
        .andExpect(status().isOk());

    Notice withdrawn = published();
    assertThat(withdrawn.version()).isEqualTo(3);
    assertThat(withdrawn.status()).isEqualTo(NoticeStatus.WITHDRAWN);
    assertThat(withdrawn.publishedAt()).isEqualTo(NOW);
  }

  @Test
  void anOrdinaryPutIsASilentUpdatedVersionWithTheTitlesAsSent() throws Exception {
    storeHas("dept-1", PublisherKind.DEPARTMENT, NoticeStatus.PUBLISHED);

    putAsDepartment(DRAFT)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UPDATED"));

    Notice next = published();
    assertThat(next.version()).isEqualTo(3);
    assertThat(next.status()).isEqualTo(NoticeStatus.UPDATED);
    assertThat(next.title()).containsEntry("ja", "児童手当の申請").containsEntry("en", "Child allowance");
  }

  @Test
  void aPutMarkedSignificantIsAChangedVersionWhoseTitlesSayItChangedInEachLanguage()
      throws Exception {
    storeHas("dept-1", PublisherKind.DEPARTMENT, NoticeStatus.PUBLISHED);

    putAsDepartment(DRAFT.replace("\"severity\"", "\"significantChange\":true,\"severity\""))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CHANGED"));

    Notice next = published();
    assertThat(next.status()).isEqualTo(NoticeStatus.CHANGED);
    assertThat(next.title())
        .containsEntry("ja", "【変更】児童手当の申請")
        .containsEntry("ja-x-easy", "【かわりました】こどもの てあての もうしこみ")
        .containsEntry("en", "[Changed] Child allowance");
  }

  @Test
  void aSignificantChangeOfATitleAlreadyMarkedDoesNotMarkItTwice() throws Exception {
    storeHas("dept-1", PublisherKind.DEPARTMENT, NoticeStatus.CHANGED);
    String resent =
        DRAFT
            .replace("\"severity\"", "\"significantChange\":true,\"severity\"")
            .replace("\"児童手当の申請\"", "\"【変更】児童手当の申請\"");

    putAsDepartment(resent).andExpect(status().isOk());

    assertThat(published().title()).containsEntry("ja", "【変更】児童手当の申請");
  }

  @Test
  void aDepartmentMayRaiseItsNoticeToAnEmergency() throws Exception {
    storeHas("dept-1", PublisherKind.DEPARTMENT, NoticeStatus.PUBLISHED);

    putAsDepartment(DRAFT.replace("IMPORTANT", "EMERGENCY")).andExpect(status().isOk());

    assertThat(published().severity()).isEqualTo(Severity.EMERGENCY);
  }

  @Test
  void aFirmCannotRaiseItsNoticeToAnEmergency() throws Exception {
    storeHas("shop-1", PublisherKind.FIRM, NoticeStatus.PUBLISHED);

    send(
            put("/api/v1/notices/n-1").with(publisher("shop-1", "FIRM")),
            DRAFT.replace("IMPORTANT", "EMERGENCY"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0]").value("severity: a firm cannot publish an emergency"));

    verify(kafka, never()).publish(any(), any(), any());
  }

  @Test
  void aTitleWithMarkupIsAProblemNamingTheTitlesLanguage() throws Exception {
    postAsDepartment(DRAFT.replace("児童手当の申請", "<b>児童手当</b>の申請"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0]").value("title.ja: must be plain text, no tags"));

    verify(kafka, never()).publish(any(), any(), any());
  }

  @Test
  void aScriptInTheBodyIsGoneFromWhatIsPublishedAndSafeMarkupStays() throws Exception {
    postAsDepartment(
            DRAFT.replace(
                "11月30日までに申請してください。", "<p><b>11月30日</b>までに<script>alert(1)</script>申請してください。</p>"))
        .andExpect(status().isCreated());

    String body = published().body().get("ja");
    assertThat(body).doesNotContain("script").doesNotContain("alert");
    assertThat(body).contains("<b>11月30日</b>").contains("申請してください。");
  }

  @Test
  void aNullTitleIsAProblemNamingItNotAServerError() throws Exception {
    postAsDepartment(DRAFT.replace("\"Child allowance\"", "null"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0]").value("title.en: must not be blank"));
  }

  @Test
  void aNoticeOver256KiBIsRefusedWith413AsAProblem() throws Exception {
    String huge = DRAFT.replace("11月30日までに申請してください。", "あ".repeat(90_000));

    postAsDepartment(huge)
        .andExpect(status().isPayloadTooLarge())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

    verify(kafka, never()).publish(any(), any(), any());
  }

  @Test
  void aNoticeOfFullLengthBodiesInThreeLanguagesFitsUnderTheLimit() throws Exception {
    String full =
        DRAFT.replace(
            "{\"ja\":\"11月30日までに申請してください。\"}",
            Json.write(
                Map.of(
                    "ja", "あ".repeat(Notice.MAX_BODY),
                    "ja-x-easy", "い".repeat(Notice.MAX_BODY),
                    "en", "e".repeat(Notice.MAX_BODY))));

    postAsDepartment(full).andExpect(status().isCreated());
  }
}
