package io.kairan.api.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kairan.api.approval.Approval;
import io.kairan.api.kafka.RecordPublisher;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Notice;
import io.kairan.testkit.tokens.TokenIssuer;
import java.time.Clock;
import java.time.ZoneOffset;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A firm's notice through approval over HTTP, with real signed tokens decoded by the API's own
 * decoder: it waits (202) and is not on notices.v1, the firm sees it waiting, a department of its
 * municipality sees it in the queue and approves (then it is published) or rejects it with a
 * reason. Kafka is the only stand-in; every test submits its own notices under its own firm.
 */
@WebMvcTest(
    controllers = {NoticeController.class, ApprovalController.class},
    properties = "kairan.security.test-hmac-secret=" + ApprovalControllerTest.SECRET)
@Import({io.kairan.api.security.SecurityTestSupport.class, NoticeTestSupport.class})
class ApprovalControllerTest {
  static final String SECRET = "0123456789abcdef0123456789abcdef";
  static final String AIZU = "072028";
  static final String EMERGENCY = NoticeTestSupport.DRAFT.replace("\"IMPORTANT\"", "\"EMERGENCY\"");

  @Autowired MockMvc mvc;
  @MockitoBean RecordPublisher kafka;
  @MockitoBean FiguresReader figures;

  private final TokenIssuer issuer =
      new TokenIssuer(SECRET, "kairan-local", Clock.fixed(NoticeTestSupport.NOW, ZoneOffset.UTC));

  /** A firm of its own for each test, so no test sees another's notices. */
  private final String firmId = "shop-" + UUID.randomUUID();

  private String firm() {
    return issuer.token(firmId, "FIRM", Map.of("name", "会津商店", "municipality_code", AIZU));
  }

  private String department(String municipality) {
    return issuer.token(
        "dept-" + municipality,
        "DEPARTMENT",
        Map.of("name", "子育て支援課", "municipality_code", municipality));
  }

  private ResultActions call(MockHttpServletRequestBuilder request, String token, String body)
      throws Exception {
    if (token != null) {
      request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
    return mvc.perform(request);
  }

  /** Posts the draft as this test's firm; the id of the waiting notice. */
  private String submitted() throws Exception {
    String answer =
        call(post("/api/v1/notices"), firm(), NoticeTestSupport.DRAFT)
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return Json.read(answer, Approval.class).id();
  }

  private ResultActions approve(String id, String token) throws Exception {
    return call(post("/api/v1/approvals/" + id + "/approve"), token, null);
  }

  private ResultActions reject(String id, String token, String body) throws Exception {
    return call(post("/api/v1/approvals/" + id + "/reject"), token, body);
  }

  /** Every notice written to notices.v1, in order. */
  private List<Notice> published() {
    ArgumentCaptor<Object> written = ArgumentCaptor.forClass(Object.class);
    verify(kafka, atLeast(0)).publish(eq(Topics.NOTICES), any(), written.capture(), anyMap());
    return written.getAllValues().stream().map(Notice.class::cast).toList();
  }

  @Test
  void aFirmsPostWaitsAsPendingApprovalAndIsNotOnNoticesV1() throws Exception {
    call(post("/api/v1/notices"), firm(), NoticeTestSupport.DRAFT)
        .andExpect(status().isAccepted())
        .andExpect(header().string(HttpHeaders.LOCATION, "/api/v1/notices/pending"))
        .andExpect(jsonPath("$.state").value("PENDING_APPROVAL"))
        .andExpect(jsonPath("$.notice.publisher.id").value(firmId));

    assertThat(published()).isEmpty();
  }

  @Test
  void theFirmSeesItsNoticeWaitingAndTheDepartmentOfItsMunicipalityInTheQueue() throws Exception {
    String id = submitted();

    call(get("/api/v1/notices/pending"), firm(), null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].notice.id").value(id))
        .andExpect(jsonPath("$[0].state").value("PENDING_APPROVAL"));
    call(get("/api/v1/approvals"), department(AIZU), null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.notice.id == '" + id + "')].state").value("PENDING_APPROVAL"));
    call(get("/api/v1/approvals"), department("072087"), null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(0));
  }

  @Test
  void anApprovedNoticeIsPublishedAndTheFirmOwnsIt() throws Exception {
    String id = submitted();

    approve(id, department(AIZU))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("APPROVED"))
        .andExpect(jsonPath("$.decision.by").value("dept-" + AIZU))
        .andExpect(jsonPath("$.decision.at").value("2026-11-23T09:00:00Z"));

    assertThat(published()).extracting(Notice::id).containsExactly(id);
    call(get("/api/v1/notices/" + id), firm(), null)
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.ETAG, "\"1\""));
    call(get("/api/v1/notices/pending"), firm(), null).andExpect(jsonPath("$.length()").value(0));
  }

  @Test
  void approvingTwiceIs409AsAProblemAndPublishesOnce() throws Exception {
    String id = submitted();
    approve(id, department(AIZU)).andExpect(status().isOk());

    approve(id, department(AIZU))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", containsString("already approved by dept-072028")));

    assertThat(published()).hasSize(1);
  }

  @Test
  void aRejectionWithoutAReasonIs400NamingReasonAndTheNoticeStillWaits() throws Exception {
    String id = submitted();

    reject(id, department(AIZU), "{}")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0]", containsString("reason: is required")));
    reject(id, department(AIZU), null).andExpect(status().isBadRequest());

    call(get("/api/v1/notices/pending"), firm(), null)
        .andExpect(jsonPath("$[0].state").value("PENDING_APPROVAL"));
  }

  @Test
  void theFirmReadsTheReasonOfARejectionAndNothingIsPublished() throws Exception {
    String id = submitted();

    reject(id, department(AIZU), "{\"reason\":\"営業時間を書いてください\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("REJECTED"));

    call(get("/api/v1/notices/pending"), firm(), null)
        .andExpect(jsonPath("$[0].notice.id").value(id))
        .andExpect(jsonPath("$[0].state").value("REJECTED"))
        .andExpect(jsonPath("$[0].decision.reason").value("営業時間を書いてください"))
        .andExpect(jsonPath("$[0].decision.by").value("dept-" + AIZU));
    assertThat(published()).isEmpty();
  }

  @Test
  void aFirmCannotApproveOrRejectNorSeeTheQueue() throws Exception {
    String id = submitted();

    approve(id, firm())
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    reject(id, firm(), "{\"reason\":\"x\"}").andExpect(status().isForbidden());
    call(get("/api/v1/approvals"), firm(), null).andExpect(status().isForbidden());

    assertThat(published()).isEmpty();
  }

  @Test
  void aDepartmentOfAnotherMunicipalityIs403() throws Exception {
    String id = submitted();

    approve(id, department("072087"))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    reject(id, department("072087"), "{\"reason\":\"x\"}").andExpect(status().isForbidden());

    assertThat(published()).isEmpty();
  }

  @Test
  void aDepartmentWhoseTokenNamesNoMunicipalityIs403() throws Exception {
    String id = submitted();
    String unnamed = issuer.token("dept-x", "DEPARTMENT", Map.of("name", "課"));

    approve(id, unnamed)
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail", containsString("municipality_code")));
  }

  @Test
  void anOperatorOfTheSameMunicipalityApproves() throws Exception {
    String id = submitted();

    approve(id, issuer.token("op-1", "OPERATOR", Map.of("municipality_code", AIZU)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.decision.by").value("op-1"));

    assertThat(published()).extracting(Notice::id).containsExactly(id);
  }

  @Test
  void noTokenIs401AndAResidentOrAnAnalystIs403() throws Exception {
    String id = submitted();

    approve(id, null)
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    approve(id, issuer.resident("r-1")).andExpect(status().isForbidden());
    approve(id, issuer.token("a-1", "ANALYST", Map.of("municipality_code", AIZU)))
        .andExpect(status().isForbidden());
    call(get("/api/v1/approvals"), issuer.resident("r-1"), null).andExpect(status().isForbidden());

    assertThat(published()).isEmpty();
  }

  @Test
  void aFirmsEmergencyIs400AndNothingIsWrittenAnywhere() throws Exception {
    call(post("/api/v1/notices"), firm(), EMERGENCY)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0]").value("severity: a firm cannot publish an emergency"));

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }

  @Test
  void aFirmCanNeitherChangeAnApprovedNoticeNorScheduleOne() throws Exception {
    String id = submitted();
    approve(id, department(AIZU)).andExpect(status().isOk());

    call(
            put("/api/v1/notices/" + id).header(HttpHeaders.IF_MATCH, "\"1\""),
            firm(),
            NoticeTestSupport.DRAFT)
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail", containsString("withdraw it and post")));
    call(
            post("/api/v1/notices/scheduled"),
            firm(),
            "{\"publishAt\":\"2026-11-24T09:00:00Z\",\"notice\":" + NoticeTestSupport.DRAFT + "}")
        .andExpect(status().isForbidden());
    call(post("/api/v1/notices/" + id + "/withdraw"), firm(), null).andExpect(status().isOk());
  }

  @Test
  void aFirmsRetryWithTheSameKeyGetsTheSameWaitingNoticeAndAnotherBodyIs422() throws Exception {
    String first =
        call(
                post("/api/v1/notices").header("Idempotency-Key", "k-1"),
                firm(),
                NoticeTestSupport.DRAFT)
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = Json.read(first, Approval.class).id();

    call(post("/api/v1/notices").header("Idempotency-Key", "k-1"), firm(), NoticeTestSupport.DRAFT)
        .andExpect(status().isAccepted())
        .andExpect(header().string("Idempotent-Replayed", "true"))
        .andExpect(jsonPath("$.notice.id").value(id));
    call(
            post("/api/v1/notices").header("Idempotency-Key", "k-1"),
            firm(),
            NoticeTestSupport.DRAFT.replace("児童手当の申請", "児童手当の申請（訂正）"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail", containsString(id)));

    call(get("/api/v1/notices/pending"), firm(), null).andExpect(jsonPath("$.length()").value(1));
    verify(kafka, times(1)).publish(any(), any(), any(), anyMap());
  }
}
