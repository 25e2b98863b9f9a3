package io.kairan.api.simulation;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/v1/rules/simulations starts a simulation of a candidate rule set over the notices of
 * the last days (202, with the status URL as Location); GET /api/v1/rules/simulations/{id} says how
 * far it is and, once done, its figures beside the active set's.
 */
@RestController
class SimulationController {
  private final Simulations simulations;

  SimulationController(Simulations simulations) {
    this.simulations = simulations;
  }

  @PostMapping("/api/v1/rules/simulations")
  ResponseEntity<SimulationStatus> start(
      @AuthenticationPrincipal Jwt caller, @RequestBody SimulationRequest request) {
    SimulationStatus status = simulations.start(request, caller.getSubject());
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/rules/simulations/" + status.id()))
        .body(status);
  }

  @GetMapping("/api/v1/rules/simulations/{id}")
  SimulationStatus status(@PathVariable String id) {
    return simulations.status(id);
  }

  @ExceptionHandler(Simulations.BusyException.class)
  ResponseEntity<ProblemDetail> busy(Simulations.BusyException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    problem.setTitle("Simulations busy");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "30")
        .body(problem);
  }
}
