package io.kairan.api.comparison;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/v1/rules/comparison?from=&to=: what the shadow rule set decided beside the active one
 * over a window of at most {@code max-window}, in aggregates with small counts withheld.
 */
@RestController
class ComparisonController {
  private final ShadowComparison comparison;
  private final FiguresSettings settings;

  ComparisonController(ShadowComparison comparison, FiguresSettings settings) {
    this.comparison = comparison;
    this.settings = settings;
  }

  @GetMapping("/api/v1/rules/comparison")
  Comparison compare(
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return comparison.compare(Window.of(from, to, settings.maxWindow()));
  }

  @ExceptionHandler(DeliveryWindow.TooManyDeliveriesException.class)
  ProblemDetail tooMany(DeliveryWindow.TooManyDeliveriesException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    problem.setTitle("Window too large");
    return problem;
  }

  @ExceptionHandler(ShadowComparison.BusyException.class)
  ResponseEntity<ProblemDetail> busy(ShadowComparison.BusyException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    problem.setTitle("Comparisons busy");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "10")
        .body(problem);
  }

  @ExceptionHandler(DeliveryWindow.UnavailableException.class)
  ResponseEntity<ProblemDetail> unavailable(DeliveryWindow.UnavailableException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "The deliveries cannot be read right now; please try again shortly.");
    problem.setTitle("Temporarily unavailable");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(problem);
  }
}
