package io.kairan.api.problem;

import io.kairan.api.index.ReadModelUnavailableException;
import io.kairan.api.kafka.PublishFailedException;
import io.kairan.api.ledger.LedgerNotReadyException;
import io.kairan.api.limits.BodySizeLimit;
import io.kairan.api.reach.ResidentIndexNotReadyException;
import io.kairan.model.InvalidRecordException;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps Kairan's exceptions to problem documents; Spring's own (unreadable body, wrong method…) are
 * mapped by the base class.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(InvalidRecordException.class)
  ProblemDetail invalid(InvalidRecordException e) {
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "Invalid fields", "The request has invalid fields.");
    problem.setType(URI.create("https://kairan.example/problems/invalid-fields"));
    problem.setProperty("errors", e.problems());
    return problem;
  }

  /**
   * Malformed JSON, or a value of the wrong type: a problem saying where (line, column) and, when
   * the parser knows it, which field, so the caller can fix the body without guessing.
   */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "Unreadable body",
            "The request body is missing or unreadable.");
    byte[] body = (byte[]) request.getAttribute(BodySizeLimit.BODY, WebRequest.SCOPE_REQUEST);
    UnreadableBody.of(e, body)
        .ifPresent(
            where -> {
              problem.setDetail(where.detail());
              if (where.line() > 0) {
                problem.setProperty("line", where.line());
                problem.setProperty("column", where.column());
              }
              if (!where.field().isEmpty()) {
                problem.setProperty("errors", List.of(where.field() + ": " + where.reason()));
              }
            });
    return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  @ExceptionHandler(PublishFailedException.class)
  ProblemDetail unavailable(PublishFailedException e) {
    log.warn("publishing failed", e);
    return problem(
        HttpStatus.SERVICE_UNAVAILABLE,
        "Temporarily unavailable",
        "Nothing was saved; please try again shortly.");
  }

  /**
   * Writes wait for the ledger's replay of notices.v1 at start, previews for profiles.v1 and
   * rules.v1; Retry-After says when to ask again.
   */
  @ExceptionHandler({
    LedgerNotReadyException.class,
    ResidentIndexNotReadyException.class,
    io.kairan.api.profile.ResidentBooksNotReadyException.class
  })
  ResponseEntity<ProblemDetail> notReady(RuntimeException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Starting", e.getMessage()));
  }

  /** Feeds and figures read Elasticsearch; while it is down they wait, writes do not. */
  @ExceptionHandler(ReadModelUnavailableException.class)
  ResponseEntity<ProblemDetail> readModelUnavailable(ReadModelUnavailableException e) {
    log.warn("read model unavailable: {}", e.getCause().toString());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(
            problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Temporarily unavailable",
                "Feeds and figures cannot be read right now; please try again shortly."));
  }

  @ExceptionHandler(NotYoursException.class)
  ProblemDetail forbidden(NotYoursException e) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  /**
   * The firewall checks a header when the app first reads it (Idempotency-Key, If-Match), so a
   * non-ASCII value is refused here, inside MVC, the same as the firewall's own refusals.
   */
  @ExceptionHandler(RequestRejectedException.class)
  ProblemDetail rejected(RequestRejectedException e) {
    return problem(HttpStatus.BAD_REQUEST, "Bad Request", ProblemResponses.REFUSED_BY_FIREWALL);
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("unexpected error", e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "Something went wrong on our side.");
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
