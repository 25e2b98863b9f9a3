package io.kairan.api.erasure;

import io.kairan.api.consent.ConsentBook;
import io.kairan.api.device.DeviceBook;
import io.kairan.api.email.EmailBook;
import io.kairan.api.index.ResidentDocuments;
import io.kairan.api.kafka.RecordPublisher;
import io.kairan.api.profile.ProfileBook;
import io.kairan.api.profile.ResidentBooks;
import io.kairan.model.Topics;
import io.kairan.model.resident.Device;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The resident's rights over their data (APPI): GET /api/v1/me/export gives all of it, DELETE
 * /api/v1/me removes it. Erasure writes tombstones: each device's on devices.v1 (push forgets the
 * tokens and their topic subscriptions), the consent history's, the e-mail address's, and last the
 * profile's on profiles.v1, on which the recommender drops its match and decide state and the
 * indexer deletes the resident's deliveries, push results and feedback from Elasticsearch.
 */
@RestController
class ResidentDataController {
  private final RecordPublisher kafka;
  private final ProfileBook profiles;
  private final ConsentBook consents;
  private final DeviceBook devices;
  private final EmailBook emails;
  private final ResidentDocuments documents;
  private final ResidentBooks books;
  private final Clock clock;

  ResidentDataController(
      RecordPublisher kafka,
      ProfileBook profiles,
      ConsentBook consents,
      DeviceBook devices,
      EmailBook emails,
      ResidentDocuments documents,
      ResidentBooks books,
      Clock clock) {
    this.kafka = kafka;
    this.profiles = profiles;
    this.consents = consents;
    this.devices = devices;
    this.emails = emails;
    this.documents = documents;
    this.books = books;
    this.clock = clock;
  }

  @GetMapping("/api/v1/me/export")
  ResidentExport export(@AuthenticationPrincipal Jwt caller) {
    String resident = caller.getSubject();
    books.awaitRead();
    ResidentDocuments.Held held = documents.of(resident);
    return new ResidentExport(
        resident,
        clock.instant(),
        profiles.get(resident).orElse(null),
        consents.of(resident).events(),
        devices.ofResident(resident),
        emails.get(resident).orElse(null),
        held.deliveries(),
        held.pushOutcomes(),
        held.feedback());
  }

  @DeleteMapping("/api/v1/me")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Erasure erase(@AuthenticationPrincipal Jwt caller) {
    String resident = caller.getSubject();
    // Every device of the resident's must be known to be tombstoned (push also drops the devices
    // it knows on the profile's tombstone).
    books.awaitRead();
    Instant now = clock.instant();
    List<String> removed = devices.ofResident(resident).stream().map(Device::id).toList();
    for (String device : removed) {
      kafka.publish(Topics.DEVICES, device, null);
      devices.remove(device);
    }
    kafka.publish(ConsentBook.TOPIC, resident, null);
    consents.remove(resident);
    kafka.publish(Topics.EMAILS, resident, null);
    emails.remove(resident);
    // Last: once the profile is gone, everything that follows from it goes too.
    kafka.publish(Topics.PROFILES, resident, null);
    profiles.remove(resident);
    return new Erasure(
        resident,
        now,
        removed,
        List.of(Topics.DEVICES, ConsentBook.TOPIC, Topics.EMAILS, Topics.PROFILES),
        now.plus(Topics.RESIDENT_LOG_RETENTION));
  }
}
