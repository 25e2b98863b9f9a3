package io.kairan.api.profile;

import io.kairan.api.kafka.RecordPublisher;
import io.kairan.model.Problems;
import io.kairan.model.Topics;
import io.kairan.model.resident.ResidentProfile;
import java.time.Clock;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * PUT /api/v1/me/profile opts in or changes the profile; DELETE removes the resident everywhere.
 */
@RestController
class ProfileController {
  private final RecordPublisher kafka;
  private final Clock clock;

  ProfileController(RecordPublisher kafka, Clock clock) {
    this.kafka = kafka;
    this.clock = clock;
  }

  @PutMapping("/api/v1/me/profile")
  ResidentProfile put(@AuthenticationPrincipal Jwt caller, @RequestBody ResidentProfile body) {
    // Whatever id the body names, a resident can only ever write their own profile.
    ResidentProfile profile = body.withId(caller.getSubject(), clock.instant());
    new Problems().merge(profile.problems()).throwIfAny();
    kafka.publish(Topics.PROFILES, profile.id(), profile);
    return profile;
  }

  /** A tombstone: the recommender clears its state and the indexer the resident's deliveries. */
  @DeleteMapping("/api/v1/me/profile")
  ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt caller) {
    kafka.publish(Topics.PROFILES, caller.getSubject(), null);
    return ResponseEntity.noContent().build();
  }
}
