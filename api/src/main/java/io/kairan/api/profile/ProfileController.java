package io.kairan.api.profile;

import io.kairan.api.consent.ConsentRecorder;
import io.kairan.api.kafka.RecordPublisher;
import io.kairan.api.problem.NotFoundException;
import io.kairan.model.Problems;
import io.kairan.model.Topics;
import io.kairan.model.resident.ResidentProfile;
import java.time.Clock;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * PUT /api/v1/me/profile opts in or changes the profile (each consent it gives or takes back goes
 * into the consent history); GET reads it back; DELETE removes the profile.
 */
@RestController
class ProfileController {
  private final RecordPublisher kafka;
  private final ProfileBook profiles;
  private final ConsentRecorder consents;
  private final ResidentBooks books;
  private final Clock clock;

  ProfileController(
      RecordPublisher kafka,
      ProfileBook profiles,
      ConsentRecorder consents,
      ResidentBooks books,
      Clock clock) {
    this.kafka = kafka;
    this.profiles = profiles;
    this.consents = consents;
    this.books = books;
    this.clock = clock;
  }

  @GetMapping("/api/v1/me/profile")
  ResidentProfile get(@AuthenticationPrincipal Jwt caller) {
    books.awaitRead();
    return profiles
        .get(caller.getSubject())
        .orElseThrow(() -> new NotFoundException("You have no profile; PUT one to opt in."));
  }

  @PutMapping("/api/v1/me/profile")
  ResidentProfile put(@AuthenticationPrincipal Jwt caller, @RequestBody ResidentProfile body) {
    // Whatever id the body names, a resident can only ever write their own profile.
    ResidentProfile profile = body.withId(caller.getSubject(), clock.instant());
    new Problems().merge(profile.problems()).throwIfAny();
    books.awaitRead(); // the consent history is the change against the profile before
    ResidentProfile before = profiles.get(profile.id()).orElse(null);
    kafka.publish(Topics.PROFILES, profile.id(), profile);
    profiles.put(profile);
    consents.record(before, profile);
    return profile;
  }

  /** A tombstone: the recommender clears its state and the indexer the resident's deliveries. */
  @DeleteMapping("/api/v1/me/profile")
  ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt caller) {
    kafka.publish(Topics.PROFILES, caller.getSubject(), null);
    profiles.remove(caller.getSubject());
    return ResponseEntity.noContent().build();
  }
}
