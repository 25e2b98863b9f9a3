package io.kairan.api.consent;

import io.kairan.api.kafka.RecordPublisher;
import io.kairan.api.problem.NotFoundException;
import io.kairan.api.profile.ProfileBook;
import io.kairan.api.profile.ResidentBooks;
import io.kairan.model.Problems;
import io.kairan.model.Topics;
import io.kairan.model.notice.Category;
import io.kairan.model.resident.Consent;
import io.kairan.model.resident.ResidentProfile;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/v1/me/consents: the caller's consents now and every one they gave or took back. POST
 * .../{category}/withdraw takes one back in one call: the profile on profiles.v1 says so at once,
 * so the recommender decides nothing more of the category for them and push sends nothing of it
 * that is still waiting (emergencies excepted, as for matching).
 */
@RestController
class ConsentController {
  private final RecordPublisher kafka;
  private final ProfileBook profiles;
  private final ConsentBook histories;
  private final ConsentRecorder recorder;
  private final ResidentBooks books;
  private final Clock clock;

  ConsentController(
      RecordPublisher kafka,
      ProfileBook profiles,
      ConsentBook histories,
      ConsentRecorder recorder,
      ResidentBooks books,
      Clock clock) {
    this.kafka = kafka;
    this.profiles = profiles;
    this.histories = histories;
    this.recorder = recorder;
    this.books = books;
    this.clock = clock;
  }

  /** The consents in force (from the profile) and the whole history, oldest first. */
  record Consents(Map<Category, Consent> current, List<ConsentEvent> history) {}

  @GetMapping("/api/v1/me/consents")
  Consents consents(@AuthenticationPrincipal Jwt caller) {
    books.awaitRead();
    String resident = caller.getSubject();
    return new Consents(
        profiles.get(resident).map(ResidentProfile::consents).orElse(Map.of()),
        histories.of(resident).events());
  }

  @PostMapping("/api/v1/me/consents/{category}/withdraw")
  Consents withdraw(@AuthenticationPrincipal Jwt caller, @PathVariable String category) {
    Category withdrawn = category(category);
    books.awaitRead();
    ResidentProfile before =
        profiles
            .get(caller.getSubject())
            .orElseThrow(() -> new NotFoundException("You have no profile; PUT one to opt in."));
    Instant now = clock.instant();
    Map<Category, Consent> consents = new HashMap<>(before.consents());
    consents.put(withdrawn, new Consent(false, now));
    ResidentProfile after = before.withConsents(consents, now);
    kafka.publish(Topics.PROFILES, after.id(), after);
    profiles.put(after);
    recorder.record(before, after);
    return consents(caller);
  }

  private static Category category(String name) {
    try {
      return Category.valueOf(name);
    } catch (IllegalArgumentException e) {
      new Problems()
          .add("category", "must be one of " + Arrays.toString(Category.values()))
          .throwIfAny();
      throw e;
    }
  }
}
