package io.kairan.api.problem;

import io.kairan.api.kafka.PublishFailedException;
import io.kairan.model.InvalidRecordException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
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
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
    problem.setType(URI.create("https://kairan.example/problems/invalid-fields"));
    problem.setTitle("Invalid fields");
    problem.setProperty("errors", e.problems());
    return problem;
  }

  @ExceptionHandler(PublishFailedException.class)
  ProblemDetail unavailable(PublishFailedException e) {
    log.warn("publishing failed", e);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE, "Nothing was saved; please try again shortly.");
    problem.setTitle("Temporarily unavailable");
    return problem;
  }

  @ExceptionHandler(NotYoursException.class)
  ProblemDetail forbidden(NotYoursException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    problem.setTitle("Forbidden");
    return problem;
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Not found");
    return problem;
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("unexpected error", e);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side.");
    problem.setTitle("Internal error");
    return problem;
  }
}
