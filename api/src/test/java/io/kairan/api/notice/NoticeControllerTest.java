package io.kairan.api.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kairan.api.kafka.RecordPublisher;
import io.kairan.api.ledger.LedgerHeaders;
import io.kairan.api.ledger.NoticeLedger;
import io.kairan.api.security.Role;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.ClassUtils;

/**
 * The notice endpoints on the real write path (ledger, preconditions, idempotency) with no
 * Elasticsearch in the context at all: every write here is decided without the read model. Kafka is
 * the only stand-in; what it was given is checked. Each test uses its own notice ids and keys, so
 * the shared ledger carries nothing from one test to another.
 */
@WebMvcTest(
    controllers = NoticeController.class,
    properties = "kairan.security.test-hmac-secret=0123456789abcdef0123456789abcdef")
@Import({io.kairan.api.security.SecurityTestSupport.class, NoticeTestSupport.class})
class NoticeControllerTest {
  static final Instant NOW = NoticeTestSupport.NOW;

  static final String DRAFT =
      """
      {"municipalityCode":"072028","category":"CHILDCARE","severity":"IMPORTANT",
       "title":{"ja":"児童手当の申請","ja-x-easy":"こどもの てあての もうしこみ","en":"Child allowance"},
       "body":{"ja":"11月30日までに申請してください。"},
       "validity":{"from":"2026-11-23T00:00:00Z","until":"2026-12-23T00:00:00Z"},
       "audience":{"type":"everyone"}}
      """;

  @Autowired MockMvc mvc;
  @Autowired NoticeLedger ledger;
  @MockitoBean RecordPublisher kafka;
  @MockitoBean FiguresReader figures;

  static RequestPostProcessor publisher(String id, String kind) {
    return jwt()
        .jwt(
            j ->
                j.subject(id).claim("name", "会津若松市 " + id).claim(Role.MUNICIPALITY_CLAIM, "072028"))
        .authorities(new SimpleGrantedAuthority("ROLE_" + kind));
  }

  private static RequestPostProcessor department() {
    return publisher("dept-1", "DEPARTMENT");
  }

  /** Puts version 2 of a new notice, by that publisher and in that state, in the ledger. */
  private String ledgerHas(String publisherId, PublisherKind kind, NoticeStatus status) {
    String id = "n-" + UUID.randomUUID();
    NoticeDraft draft = Json.read(DRAFT, NoticeDraft.class);
    ledger.apply(
        draft.toNotice(
            id, 2, new Publisher(publisherId, publisherId, kind), status, NOW.minusSeconds(3600)));
    return id;
  }

  private ResultActions send(MockHttpServletRequestBuilder request, String body) throws Exception {
    return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private ResultActions postWithKey(String body, String idempotencyKey) throws Exception {
    return send(
        post("/api/v1/notices").with(department()).header("Idempotency-Key", idempotencyKey), body);
  }

  private ResultActions putAsDepartment(String id, String ifMatch, String body) throws Exception {
    return send(
        put("/api/v1/notices/" + id).with(department()).header(HttpHeaders.IF_MATCH, ifMatch),
        body);
  }

  private ResultActions withdrawAsDepartment(String id) throws Exception {
    return mvc.perform(post("/api/v1/notices/" + id + "/withdraw").with(department()));
  }

  private String idOf(ResultActions result) throws Exception {
    return Json.read(result.andReturn().getResponse().getContentAsString(), Notice.class).id();
  }

  /** Every notice written to notices.v1, in order. */
  private List<Notice> published() {
    ArgumentCaptor<Object> written = ArgumentCaptor.forClass(Object.class);
    verify(kafka, atLeast(0)).publish(eq(Topics.NOTICES), any(), written.capture(), anyMap());
    return written.getAllValues().stream().map(Notice.class::cast).toList();
  }

  private Notice lastPublished() {
    List<Notice> all = published();
    assertThat(all).isNotEmpty();
    return all.get(all.size() - 1);
  }

  @Test
  void aPutRightAfterAPostFindsTheNoticeAndMakesVersion2() throws Exception {
    String id =
        idOf(
            send(post("/api/v1/notices").with(department()), DRAFT)
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\"")));

    putAsDepartment(id, "\"1\"", DRAFT)
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.ETAG, "\"2\""))
        .andExpect(jsonPath("$.version").value(2));

    assertThat(published())
        .extracting(Notice::id, Notice::version)
        .containsExactly(tuple(id, 1), tuple(id, 2));
  }

  @Test
  void aWithdrawalRightAfterAPostWithdrawsVersion2() throws Exception {
    String id = idOf(send(post("/api/v1/notices").with(department()), DRAFT));

    withdrawAsDepartment(id)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("WITHDRAWN"));

    assertThat(lastPublished().version()).isEqualTo(2);
    assertThat(lastPublished().status()).isEqualTo(NoticeStatus.WITHDRAWN);
  }

  @Test
  void aGetGivesTheCurrentVersionWithItsVersionAsETag() throws Exception {
    String id = ledgerHas("dept-1", PublisherKind.DEPARTMENT, NoticeStatus.UPDATED);

    mvc.perform(get("/api/v1/notices/" + id).with(department()))
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.ETAG, "\"2\""))
        .andExpect(jsonPath("$.version").value(2));
  }

  @Test
  void aRetriedPostWithTheSameKeyReturnsTheFirstNoticeAndPublishesOnce() throws Exception {
    String key = UUID.randomUUID().toString();
    String first = idOf(postWithKey(DRAFT, key).andExpect(status().isCreated()));

    String retried =
        idOf(
            postWithKey(DRAFT, key)
                .andExpect(status().isCreated())
                .andExpect(header().string(NoticeController.REPLAYED, "true"))
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/v1/notices/" + first)));

    assertThat(retried).isEqualTo(first);
    verify(kafka, times(1)).publish(eq(Topics.NOTICES), any(), any(), anyMap());
  }

  @Test
  void theFirstPostWithAKeyCarriesTheKeyAndTheDraftsDigestAsHeaders() throws Exception {
    String key = UUID.randomUUID().toString();
    postWithKey(DRAFT, key).andExpect(status().isCreated());

    @SuppressWarnings("unchecked")
    ArgumentCaptor<Map<String, String>> headers = ArgumentCaptor.forClass(Map.class);
    verify(kafka).publish(eq(Topics.NOTICES), any(), any(), headers.capture());
    assertThat(headers.getValue())
        .containsEntry(LedgerHeaders.IDEMPOTENCY_KEY, key)
        .containsEntry(
            LedgerHeaders.FINGERPRINT, DraftFingerprint.of(Json.read(DRAFT, NoticeDraft.class)));
  }

  @Test
  void aRetryWhoseJsonDiffersOnlyInSpacingIsTheSameRequest() throws Exception {
    String key = UUID.randomUUID().toString();
    String first = idOf(postWithKey(DRAFT, key));

    String retried = idOf(postWithKey(DRAFT.replace("\n", " ").replace("\",", "\" ,\n  "), key));

    assertThat(retried).isEqualTo(first);
  }

  @Test
  void theSameKeyWithAnotherBodyIs422AndPublishesNothingMore() throws Exception {
    String key = UUID.randomUUID().toString();
    postWithKey(DRAFT, key).andExpect(status().isCreated());

    postWithKey(DRAFT.replace("児童手当の申請", "児童手当の申請（再）"), key)
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

    verify(kafka, times(1)).publish(eq(Topics.NOTICES), any(), any(), anyMap());
  }

  @Test
  void theSameKeyFromAnotherPublisherIsAnotherNotice() throws Exception {
    String key = UUID.randomUUID().toString();
    String first = idOf(postWithKey(DRAFT, key));

    String other =
        idOf(
            send(
                post("/api/v1/notices")
                    .with(publisher("dept-2", "DEPARTMENT"))
                    .header("Idempotency-Key", key),
                DRAFT));

    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void anIdempotencyKeyOfControlCharactersIsAProblemNamingTheHeader() throws Exception {
    postWithKey(DRAFT, "a b")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0]", startsWith("Idempotency-Key: ")));

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }

  @ParameterizedTest(name = "charset={0}")
  @ValueSource(strings = {"ISO-8859-1", "Shift_JIS", "UTF-16", "banana"})
  void aJsonBodyInAnyCharsetButUtf8Is415AsAProblemAndPublishesNothing(String charset)
      throws Exception {
    mvc.perform(
            post("/api/v1/notices")
                .with(department())
                .header(HttpHeaders.CONTENT_TYPE, "application/json;charset=" + charset)
                .content(NoticeTestSupport.DRAFT.getBytes(StandardCharsets.UTF_8)))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }

  @ParameterizedTest(name = "Content-Type: {0}")
  @ValueSource(strings = {"application/xml", "text/xml", "application/atom+xml"})
  void anXmlBodyIs415AsAProblemAndPublishesNothingThoughXmlCouldBeReadHere(String contentType)
      throws Exception {
    assertThat(ClassUtils.isPresent("com.fasterxml.jackson.dataformat.xml.XmlMapper", null))
        .as("an XML data format on the test's classpath")
        .isTrue();
    mvc.perform(
            post("/api/v1/notices")
                .with(department())
                .header(HttpHeaders.CONTENT_TYPE, contentType)
                .content(
                    "<NoticeDraft><municipalityCode>072028</municipalityCode></NoticeDraft>"
                        .getBytes(StandardCharsets.UTF_8)))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }

  @ParameterizedTest(name = "Content-Type: {0}")
  @ValueSource(
      strings = {
        "application/json",
        "application/json;charset=UTF-8",
        "application/json;charset=utf-8"
      })
  void aJsonBodyWithoutACharsetOrInUtf8IsPublished(String contentType) throws Exception {
    mvc.perform(
            post("/api/v1/notices")
                .with(department())
                .header(HttpHeaders.CONTENT_TYPE, contentType)
                .content(NoticeTestSupport.DRAFT.getBytes(StandardCharsets.UTF_8)))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.title.ja").value("児童手当の申請"));
  }

  @Test
  void aMistypedFieldInAPutIsAProblemNamingItAndPublishesNothing() throws Exception {
    String id = ledgerHas("dept-1", PublisherKind.DEPARTMENT, NoticeStatus.UPDATED);

    putAsDepartment(
            id,
            "\"2\"",
            DRAFT.replace(
                "{\"municipalityCode\"", "{\"significantChnage\":true,\"municipalityCode\""))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0]", startsWith("significantChnage: no such field; ")))
        .andExpect(jsonPath("$.errors[0]", containsString("significantChange")));

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }

  @Test
  void aNoticeAsReadCanBePutBackWithItsChange() throws Exception {
    String id = ledgerHas("dept-1", PublisherKind.DEPARTMENT, NoticeStatus.UPDATED);
    String asRead =
        mvc.perform(get("/api/v1/notices/" + id).with(department()))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

    putAsDepartment(id, "\"2\"", asRead.replace("児童手当の申請", "児童手当の申請（締切延長）"))
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.ETAG, "\"3\""));
    assertThat(lastPublished().title()).containsEntry("ja", "児童手当の申請（締切延長）");
  }

  @Test
  void aStaleIfMatchIs412AndPublishesNothing() throws Exception {
    String id = ledgerHas("dept-1", PublisherKind.DEPARTMENT, NoticeStatus.UPDATED);

    putAsDepartment(id, "\"1\"", DRAFT)
        .andExpect(status().isPreconditionFailed())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }

  @Test
  void aWeakETagNeverMatchesAPut() throws Exception {
    String id = ledgerHas("dept-1", PublisherKind.DEPARTMENT, NoticeStatus.UPDATED);

    putAsDepartment(id, "W/\"2\"", DRAFT).andExpect(status().isPreconditionFailed());
  }

  @Test
  void aWildcardIfMatchMatchesWhateverVersionIsCurrent() throws Exception {
    String id = ledgerHas("dept-1", PublisherKind.DEPARTMENT, NoticeStatus.UPDATED);

    putAsDepartment(id, "*", DRAFT)
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.ETAG, "\"3\""));
  }

  @Test
  void anIfMatchListingTheCurrentVersionAmongOthersMatches() throws Exception {
    String id = ledgerHas("dept-1", PublisherKind.DEPARTMENT, NoticeStatus.UPDATED);

    putAsDepartment(id, "\"1\", \"2\"", DRAFT).andExpect(status().isOk());
  }

  @ParameterizedTest(name = "If-Match: {0}")
  @ValueSource(strings = {"1", "banana", "\"\"", ","})
  void anIfMatchNamingNoTagIsAProblemNamingTheHeaderAndChangesNothing(String ifMatch)
      throws Exception {
    String id = ledgerHas("dept-1", PublisherKind.DEPARTMENT, NoticeStatus.UPDATED);

    putAsDepartment(id, ifMatch, DRAFT)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0]", startsWith("If-Match: ")))
        .andExpect(jsonPath("$.errors[0]", containsString("\"3\"")));
    mvc.perform(
            post("/api/v1/notices/" + id + "/withdraw")
                .with(department())
                .header(HttpHeaders.IF_MATCH, ifMatch))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0]", startsWith("If-Match: ")));

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }

  @Test
  void aPutWithoutIfMatchIs428PreconditionRequired() throws Exception {
    String id = ledgerHas("dept-1", PublisherKind.DEPARTMENT, NoticeStatus.UPDATED);

    send(put("/api/v1/notices/" + id).with(department()), DRAFT)
        .andExpect(status().isPreconditionRequired())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }

  @Test
  void aWithdrawalWithAStaleIfMatchIs412() throws Exception {
    String id = ledgerHas("dept-1", PublisherKind.DEPARTMENT, NoticeStatus.UPDATED);

    mvc.perform(
            post("/api/v1/notices/" + id + "/withdraw")
                .with(department())
                .header(HttpHeaders.IF_MATCH, "\"1\""))
        .andExpect(status().isPreconditionFailed());

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }

  @Test
  void aPutOnAWithdrawnNoticeIsAConflictProblemAndPublishesNothing() throws Exception {
    String id = ledgerHas("dept-1", PublisherKind.DEPARTMENT, NoticeStatus.WITHDRAWN);

    putAsDepartment(id, "\"2\"", DRAFT)
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.detail")
                .value("Notice " + id + " was withdrawn; a withdrawn notice is final."));

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }

  @Test
  void withdrawingAWithdrawnNoticeAgainIsAConflictAndMakesNoNewVersion() throws Exception {
    String id = ledgerHas("dept-1", PublisherKind.DEPARTMENT, NoticeStatus.WITHDRAWN);

    withdrawAsDepartment(id)
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }

  @Test
  void anotherPublishersWithdrawnNoticeIsForbiddenNotAConflict() throws Exception {
    String id = ledgerHas("dept-2", PublisherKind.DEPARTMENT, NoticeStatus.WITHDRAWN);

    putAsDepartment(id, "\"2\"", DRAFT).andExpect(status().isForbidden());

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }

  @Test
  void anotherPublisherCanNeitherReadNorChangeNorWithdrawALiveNotice() throws Exception {
    String id = ledgerHas("dept-2", PublisherKind.DEPARTMENT, NoticeStatus.PUBLISHED);

    mvc.perform(get("/api/v1/notices/" + id).with(department())).andExpect(status().isForbidden());
    putAsDepartment(id, "\"2\"", DRAFT).andExpect(status().isForbidden());
    withdrawAsDepartment(id).andExpect(status().isForbidden());

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }

  @Test
  void aNoticeTheLedgerDoesNotHoldIs404() throws Exception {
    putAsDepartment("n-" + UUID.randomUUID(), "\"1\"", DRAFT).andExpect(status().isNotFound());
  }

  @Test
  void withdrawingALiveNoticePublishesTheNextVersionAsWithdrawn() throws Exception {
    String id = ledgerHas("dept-1", PublisherKind.DEPARTMENT, NoticeStatus.UPDATED);

    withdrawAsDepartment(id)
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.ETAG, "\"3\""));

    Notice withdrawn = lastPublished();
    assertThat(withdrawn.version()).isEqualTo(3);
    assertThat(withdrawn.status()).isEqualTo(NoticeStatus.WITHDRAWN);
    assertThat(withdrawn.publishedAt()).isEqualTo(NOW);
  }

  @Test
  void anOrdinaryPutIsASilentUpdatedVersionWithTheTitlesAsSent() throws Exception {
    String id = ledgerHas("dept-1", PublisherKind.DEPARTMENT, NoticeStatus.PUBLISHED);

    putAsDepartment(id, "\"2\"", DRAFT)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UPDATED"));

    Notice next = lastPublished();
    assertThat(next.version()).isEqualTo(3);
    assertThat(next.status()).isEqualTo(NoticeStatus.UPDATED);
    assertThat(next.title()).containsEntry("ja", "児童手当の申請").containsEntry("en", "Child allowance");
  }

  @Test
  void aPutMarkedSignificantIsAChangedVersionWhoseTitlesSayItChangedInEachLanguage()
      throws Exception {
    String id = ledgerHas("dept-1", PublisherKind.DEPARTMENT, NoticeStatus.PUBLISHED);

    putAsDepartment(
            id, "\"2\"", DRAFT.replace("\"severity\"", "\"significantChange\":true,\"severity\""))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CHANGED"));

    Notice next = lastPublished();
    assertThat(next.status()).isEqualTo(NoticeStatus.CHANGED);
    assertThat(next.title())
        .containsEntry("ja", "【変更】児童手当の申請")
        .containsEntry("ja-x-easy", "【かわりました】こどもの てあての もうしこみ")
        .containsEntry("en", "[Changed] Child allowance");
  }

  @Test
  void aSignificantChangeOfATitleAlreadyMarkedDoesNotMarkItTwice() throws Exception {
    String id = ledgerHas("dept-1", PublisherKind.DEPARTMENT, NoticeStatus.CHANGED);
    String resent =
        DRAFT
            .replace("\"severity\"", "\"significantChange\":true,\"severity\"")
            .replace("\"児童手当の申請\"", "\"【変更】児童手当の申請\"");

    putAsDepartment(id, "\"2\"", resent).andExpect(status().isOk());

    assertThat(lastPublished().title()).containsEntry("ja", "【変更】児童手当の申請");
  }

  @Test
  void aDepartmentMayRaiseItsNoticeToAnEmergency() throws Exception {
    String id = ledgerHas("dept-1", PublisherKind.DEPARTMENT, NoticeStatus.PUBLISHED);

    putAsDepartment(id, "\"2\"", DRAFT.replace("IMPORTANT", "EMERGENCY"))
        .andExpect(status().isOk());

    assertThat(lastPublished().severity()).isEqualTo(Severity.EMERGENCY);
  }

  @Test
  void aFirmCannotRaiseItsNoticeToAnEmergency() throws Exception {
    String id = ledgerHas("shop-1", PublisherKind.FIRM, NoticeStatus.PUBLISHED);

    send(
            put("/api/v1/notices/" + id)
                .with(publisher("shop-1", "FIRM"))
                .header(HttpHeaders.IF_MATCH, "\"2\""),
            DRAFT.replace("IMPORTANT", "EMERGENCY"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0]").value("severity: a firm cannot publish an emergency"));

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }

  @Test
  void aFirmCannotPostAnEmergency() throws Exception {
    send(
            post("/api/v1/notices").with(publisher("shop-1", "FIRM")),
            DRAFT.replace("IMPORTANT", "EMERGENCY"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0]").value("severity: a firm cannot publish an emergency"));

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }

  @Test
  void aTitleWithMarkupIsAProblemNamingTheTitlesLanguage() throws Exception {
    send(post("/api/v1/notices").with(department()), DRAFT.replace("児童手当の申請", "<b>児童手当</b>の申請"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0]").value("title.ja: must be plain text, no tags"));

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }

  @Test
  void aScriptInTheBodyIsGoneFromWhatIsPublishedAndSafeMarkupStays() throws Exception {
    send(
            post("/api/v1/notices").with(department()),
            DRAFT.replace(
                "11月30日までに申請してください。", "<p><b>11月30日</b>までに<script>alert(1)</script>申請してください。</p>"))
        .andExpect(status().isCreated());

    String body = lastPublished().body().get("ja");
    assertThat(body).doesNotContain("script").doesNotContain("alert");
    assertThat(body).contains("<b>11月30日</b>").contains("申請してください。");
  }

  @Test
  void aNullTitleIsAProblemNamingItNotAServerError() throws Exception {
    send(post("/api/v1/notices").with(department()), DRAFT.replace("\"Child allowance\"", "null"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0]").value("title.en: must not be blank"));
  }

  @Test
  void aNoticeOver256KiBIsRefusedWith413AsAProblem() throws Exception {
    String huge = DRAFT.replace("11月30日までに申請してください。", "あ".repeat(90_000));

    send(post("/api/v1/notices").with(department()), huge)
        .andExpect(status().isPayloadTooLarge())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
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

    send(post("/api/v1/notices").with(department()), full).andExpect(status().isCreated());
  }
}
