package io.kairan.api.notice;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kairan.api.approval.ApprovalBook;
import io.kairan.api.kafka.RecordPublisher;
import io.kairan.api.ledger.LedgerSettings;
import io.kairan.api.ledger.NoticeLedger;
import io.kairan.api.schedule.ScheduleBook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * While notices.v1 (and notices.approvals.v1) is still being read, a write is refused with 503 and
 * Retry-After.
 */
@WebMvcTest(
    controllers = NoticeController.class,
    properties = {
      "kairan.security.test-hmac-secret=0123456789abcdef0123456789abcdef",
      "kairan.ledger.write-wait=50ms"
    })
@Import({io.kairan.api.security.SecurityTestSupport.class, WritesBeforeTheReplayTest.Ledger.class})
class WritesBeforeTheReplayTest {

  /** A ledger that is never told the replay ended. */
  @TestConfiguration
  @EnableConfigurationProperties(LedgerSettings.class)
  @Import({
    NoticeWrites.class,
    NoticeListing.class,
    NoticeSchedule.class,
    ScheduleBook.class,
    NoticeApprovals.class,
    ApprovalBook.class,
    NoticeLedger.class
  })
  static class Ledger {}

  @Autowired MockMvc mvc;
  @MockitoBean RecordPublisher kafka;
  @MockitoBean FiguresReader figures;

  @Test
  void aPostDuringTheReplayIs503WithRetryAfterAndPublishesNothing() throws Exception {
    mvc.perform(
            post("/api/v1/notices")
                .with(NoticeControllerTest.publisher("dept-1", "DEPARTMENT"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(NoticeControllerTest.DRAFT))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }

  @Test
  void aFirmsPostDuringTheReplayOfTheApprovalsIs503AndWaitsNowhere() throws Exception {
    mvc.perform(
            post("/api/v1/notices")
                .with(NoticeControllerTest.publisher("shop-1", "FIRM"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(NoticeControllerTest.DRAFT))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"));

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }
}
