package io.kairan.api.notice;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kairan.api.reach.ActiveRules;
import io.kairan.api.reach.ReachPreview;
import io.kairan.api.reach.ResidentIndex;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

/**
 * While profiles.v1 is still being read, a preview is 503 with Retry-After: it would count too few.
 */
@WebMvcTest(
    controllers = PreviewController.class,
    properties = "kairan.security.test-hmac-secret=0123456789abcdef0123456789abcdef")
@Import({
  io.kairan.api.security.SecurityTestSupport.class,
  PreviewBeforeTheResidentsAreReadTest.Unread.class
})
class PreviewBeforeTheResidentsAreReadTest {

  /** An index and rules never told their topics were read. */
  @TestConfiguration
  @Import({ResidentIndex.class, ActiveRules.class, ReachPreview.class})
  static class Unread {}

  @Autowired MockMvc mvc;

  @Test
  void aPreviewBeforeProfilesAreReadIs503WithRetryAfter() throws Exception {
    mvc.perform(
            post("/api/v1/notices/preview")
                .with(
                    jwt()
                        .jwt(j -> j.subject("dept-1").claim("municipality_code", "072028"))
                        .authorities(new SimpleGrantedAuthority("ROLE_DEPARTMENT")))
                .contentType(MediaType.APPLICATION_JSON)
                .content(NoticeControllerTest.DRAFT))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }
}
