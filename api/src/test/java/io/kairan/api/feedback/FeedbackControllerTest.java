package io.kairan.api.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kairan.api.kafka.RecordPublisher;
import io.kairan.model.Topics;
import io.kairan.model.resident.Feedback;
import io.kairan.model.resident.FeedbackKind;
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

  private static RequestPostProcessor resident(String id) {
    return jwt().jwt(j -> j.subject(id)).authorities(new SimpleGrantedAuthority("ROLE_RESIDENT"));
  }

  @Test
  void feedbackIsAlwaysTheCallersOwn() throws Exception {
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
}
