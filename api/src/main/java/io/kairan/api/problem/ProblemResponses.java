package io.kairan.api.problem;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;

/** Writes a problem document where no controller runs (the security filters). */
public final class ProblemResponses {
  /** Said for every firewall refusal, without echoing the refused input. */
  public static final String REFUSED_BY_FIREWALL =
      "The request was refused before it was read: its path or a header holds characters HTTP"
          + " does not allow there (header values must be visible ASCII; no ';', '//' or encoded"
          + " '/' in the path).";

  private ProblemResponses() {}

  public static void write(HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String body =
        "{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
            .formatted(status.getReasonPhrase(), status.value(), detail.replace("\"", "'"));
    response.getWriter().write(body);
  }
}
