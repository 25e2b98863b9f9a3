package io.kairan.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class BodySizeLimitTest {

  /** A chunked request: the body is there, its length is not declared. */
  private static MockHttpServletRequest chunked(String path, int bytes) {
    MockHttpServletRequest request =
        new MockHttpServletRequest("PUT", path) {
          @Override
          public int getContentLength() {
            return -1;
          }

          @Override
          public long getContentLengthLong() {
            return -1;
          }
        };
    request.setContent("x".repeat(bytes).getBytes());
    return request;
  }

  @Test
  void aChunkedBodyOverTheLimitIsRefusedWith413AndNeverReachesTheHandler() throws Exception {
    var response = new MockHttpServletResponse();
    var chain = new MockFilterChain();

    new BodySizeLimit()
        .doFilter(chunked("/api/v1/me/profile", BodySizeLimit.DEFAULT_LIMIT + 1), response, chain);

    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(chain.getRequest()).isNull();
  }

  @Test
  void aChunkedBodyAtTheLimitReachesTheHandlerWhole() throws Exception {
    var response = new MockHttpServletResponse();
    var chain = new MockFilterChain();

    new BodySizeLimit()
        .doFilter(chunked("/api/v1/me/profile", BodySizeLimit.DEFAULT_LIMIT), response, chain);

    HttpServletRequest passed = (HttpServletRequest) chain.getRequest();
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(passed.getInputStream().readAllBytes()).hasSize(BodySizeLimit.DEFAULT_LIMIT);
  }

  @Test
  void noticesMayBeLargerThanOtherBodies() {
    assertThat(BodySizeLimit.limitFor("/api/v1/notices/n-1")).isEqualTo(256 * 1024);
    assertThat(BodySizeLimit.limitFor("/api/v1/me/profile")).isEqualTo(64 * 1024);
  }
}
