package io.kairan.api.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kairan.api.feed.FeedDeliveries;
import io.kairan.api.kafka.RecordPublisher;
import io.kairan.model.Topics;
import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.resident.Feedback;
import io.kairan.model.resident.FeedbackKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@WebMvcTest(
    controllers = FeedbackController.class,
    properties = "kairan.security.test-hmac-secret=0123456789abcdef0123456789abcdef")
@Import(io.kairan.api.security.SecurityTestSupport.class)
class FeedbackControllerTest {
  @Autowired MockMvc mvc;
  @MockitoBean RecordPublisher kafka;
  @MockitoBean FeedDeliveries deliveries;

  /** n-1 was delivered to r-42. */
  private void given() {
    when(deliveries.latestOf("r-42", "n-1"))
        .thenReturn(
            Optional.of(
                new Delivery(
                    "n-1/1/r-42",
                    "r-42",
                    "n-1",
                    1,
                    null,
                    null,
                    Map.of(),
                    0.5,
                    List.of(),
                    "builtin/1",
                    Channel.FEED_ONLY,
                    Instant.EPOCH,
                    Instant.EPOCH)));
  }

  private static RequestPostProcessor resident(String id) {
    return jwt().jwt(j -> j.subject(id)).authorities(new SimpleGrantedAuthority("ROLE_RESIDENT"));
  }

  @Test
  void feedbackIsAlwaysTheCallersOwn() throws Exception {
    given();
    mvc.perform(
            post("/api/v1/me/feedback")
                .with(resident("r-42"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"noticeId\":\"n-1\",\"kind\":\"NOT_INTERESTED\",\"residentId\":\"r-1\"}"))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.residentId").value("r-42"));

    ArgumentCaptor<Object> written = ArgumentCaptor.forClass(Object.class);
    verify(kafka).publish(eq(Topics.FEEDBACK), eq("r-42"), written.capture());
    assertThat(((Feedback) written.getValue()).kind()).isEqualTo(FeedbackKind.NOT_INTERESTED);
  }

  @Test
  void feedbackWithoutANoticeIsAProblem() throws Exception {
    mvc.perform(
            post("/api/v1/me/feedback")
                .with(resident("r-42"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"USEFUL\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0]").value("noticeId: must not be blank"));

    verify(kafka, never()).publish(any(), any(), any());
  }

  @Test
  void feedbackOnANoticeTheCallerWasNotGivenIs404AndRecordsNothing() throws Exception {
    given(); // r-42 was given n-1, not n-2

    mvc.perform(
            post("/api/v1/me/feedback")
                .with(resident("r-42"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"noticeId\":\"n-2\",\"kind\":\"OPENED\"}"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

    verify(kafka, never()).publish(any(), any(), any());
  }
}
