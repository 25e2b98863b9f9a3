package io.kairan.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kairan.api.MovingClock;
import io.kairan.api.index.CurrentNotices;
import io.kairan.api.kafka.RecordPublisher;
import io.kairan.testkit.tokens.TokenIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Rate limits through HTTP with the API's real security chain, on a clock the test moves: writes 3
 * a minute (one every 20 s), reads 5 a minute (one every 12 s). Each test calls as a client of its
 * own (a new subject or address), so the limiter shared by the context carries nothing over.
 */
@WebMvcTest(
    // The feed and feedback controllers alone: what a resident reads and writes.
    excludeFilters =
        @ComponentScan.Filter(
            type = FilterType.REGEX,
            pattern = "io\\.kairan\\.api\\.(?!feed\\.|feedback\\.).*Controller"),
    properties = {
      "kairan.security.test-hmac-secret=" + RateLimitTest.SECRET,
      "kairan.rate-limits.writes.requests=3",
      "kairan.rate-limits.writes.per=1m",
      "kairan.rate-limits.reads.requests=5",
      "kairan.rate-limits.reads.per=1m"
    })
@Import({
  io.kairan.api.security.SecurityTestSupport.class,
  io.kairan.api.feed.FeedTestSupport.class,
  RateLimitTest.Time.class
})
class RateLimitTest {
  static final String SECRET = "0123456789abcdef0123456789abcdef";
  static final String FEEDBACK = "{\"noticeId\":\"n-1\",\"kind\":\"USEFUL\"}";

  /** The limits' time, which the test moves; the application's clock stays the system's. */
  @TestConfiguration
  static class Time {
    @Bean
    RateLimitClock rateLimitClock() {
      return new RateLimitClock(new MovingClock(Instant.parse("2026-11-23T09:00:00Z")));
    }
  }

  @Autowired MockMvc mvc;
  @Autowired RateLimitClock limitsTime;
  @MockitoBean RecordPublisher kafka;
  @MockitoBean io.kairan.api.feed.FeedDeliveries deliveries;
  @MockitoBean io.kairan.api.reach.ResidentIndex residents;
  @MockitoBean CurrentNotices currentNotices;

  private MovingClock limitsTime() {
    return (MovingClock) limitsTime.clock();
  }

  private final String resident = "r-" + UUID.randomUUID();

  private String token(String subject) {
    return new TokenIssuer(SECRET, "kairan-local").resident(subject); // on the system's clock
  }

  private ResultActions feedback(String subject) throws Exception {
    // Feedback is taken on a notice the caller was given: every caller here was given n-1.
    org.mockito.Mockito.when(
            deliveries.latestOf(
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.eq("n-1")))
        .thenReturn(
            java.util.Optional.of(
                new io.kairan.model.delivery.Delivery(
                    "n-1/1/r",
                    "r",
                    "n-1",
                    1,
                    null,
                    null,
                    java.util.Map.of(),
                    0.5,
                    java.util.List.of(),
                    "builtin/1",
                    io.kairan.model.delivery.Channel.FEED_ONLY,
                    java.time.Instant.EPOCH,
                    java.time.Instant.EPOCH)));
    return mvc.perform(
        post("/api/v1/me/feedback")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(subject))
            .contentType(MediaType.APPLICATION_JSON)
            .content(FEEDBACK));
  }

  private ResultActions feed(String subject) throws Exception {
    return mvc.perform(
        get("/api/v1/me/feed").header(HttpHeaders.AUTHORIZATION, "Bearer " + token(subject)));
  }

  private static MockHttpServletRequestBuilder from(
      MockHttpServletRequestBuilder request, String address) {
    return request.with(
        r -> {
          r.setRemoteAddr(address);
          return r;
        });
  }

  @Test
  void exactlyThreeWritesPassThenA429ProblemWithRetryAfter20() throws Exception {
    for (int i = 0; i < 3; i++) {
      feedback(resident).andExpect(status().isAccepted());
    }

    feedback(resident)
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string(HttpHeaders.RETRY_AFTER, "20"))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(429))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("20 s")));
  }

  @Test
  void theRefusedClientPassesAgainWhenRetryAfterHasPassed() throws Exception {
    for (int i = 0; i < 3; i++) {
      feedback(resident);
    }
    limitsTime().advance(Duration.ofSeconds(15));
    feedback(resident)
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"));

    limitsTime().advance(Duration.ofSeconds(5));
    feedback(resident).andExpect(status().isAccepted());
  }

  @Test
  void readsHaveTheirOwnLargerAllowance() throws Exception {
    for (int i = 0; i < 3; i++) {
      feedback(resident);
    }
    feedback(resident).andExpect(status().isTooManyRequests());

    for (int i = 0; i < 5; i++) {
      feed(resident).andExpect(status().isOk());
    }
    feed(resident)
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string(HttpHeaders.RETRY_AFTER, "12"));
  }

  @Test
  void aClientIsItsTokensSubjectSoAnotherResidentIsNotHeldBack() throws Exception {
    for (int i = 0; i < 3; i++) {
      feedback(resident);
    }
    feedback(resident).andExpect(status().isTooManyRequests());

    feedback("r-" + UUID.randomUUID()).andExpect(status().isAccepted());
  }

  @Test
  void withoutATokenTheRemoteAddressIsTheClient() throws Exception {
    String address = "203.0.113.9"; // this test's alone
    for (int i = 0; i < 5; i++) {
      mvc.perform(from(get("/api/v1/me/feed"), address)).andExpect(status().isUnauthorized());
    }

    mvc.perform(from(get("/api/v1/me/feed"), address)).andExpect(status().isTooManyRequests());
    mvc.perform(from(get("/api/v1/me/feed"), "192.0.2.1")).andExpect(status().isUnauthorized());
  }

  @Test
  void healthIsNeverLimited() throws Exception {
    for (int i = 0; i < 20; i++) {
      int answered =
          mvc.perform(from(get("/actuator/health/readiness"), "198.51.100.7"))
              .andReturn()
              .getResponse()
              .getStatus();
      assertThat(answered).as("health probe %d", i + 1).isNotEqualTo(429);
    }
  }
}
