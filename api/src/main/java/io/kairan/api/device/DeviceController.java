package io.kairan.api.device;

import io.kairan.api.kafka.RecordPublisher;
import io.kairan.api.problem.NotFoundException;
import io.kairan.api.profile.ResidentBooks;
import io.kairan.model.Problems;
import io.kairan.model.Topics;
import io.kairan.model.resident.Device;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's devices: POST registers (or re-registers, or replaces a refreshed token), GET lists
 * them, DELETE removes one. Another resident's device is never shown nor touched: it is "not found"
 * to the caller, as one that does not exist.
 */
@RestController
class DeviceController {
  private final RecordPublisher kafka;
  private final DeviceBook devices;
  private final ResidentBooks books;
  private final Clock clock;

  DeviceController(RecordPublisher kafka, DeviceBook devices, ResidentBooks books, Clock clock) {
    this.kafka = kafka;
    this.devices = devices;
    this.books = books;
    this.clock = clock;
  }

  @PostMapping("/api/v1/me/devices")
  ResponseEntity<Device> register(
      @AuthenticationPrincipal Jwt caller, @RequestBody DeviceRegistration registration) {
    String owner = caller.getSubject();
    if (registration.id() != null || registration.replaces() != null) {
      books.awaitRead(); // the device named must be found if it is the caller's
    }
    // A re-registration keeps the device's id (push replaces its token); a new device's id is
    // derived from owner and token, so registering the same token twice is the same device.
    String id =
        registration.id() != null
            ? yours(owner, registration.id()).id()
            : UUID.nameUUIDFromBytes(
                    (owner + '\u0000' + registration.token()).getBytes(StandardCharsets.UTF_8))
                .toString();
    Device replaced =
        registration.replaces() == null ? null : yours(owner, registration.replaces());
    Device device =
        new Device(
            id,
            owner,
            registration.token(),
            registration.platform(),
            registration.locale(),
            clock.instant());
    new Problems().merge(device.problems()).throwIfAny();
    kafka.publish(Topics.DEVICES, id, device);
    devices.put(device);
    if (replaced != null && !replaced.id().equals(id)) {
      remove(replaced);
    }
    return ResponseEntity.created(URI.create("/api/v1/me/devices/" + id)).body(device);
  }

  @GetMapping("/api/v1/me/devices")
  List<ListedDevice> list(@AuthenticationPrincipal Jwt caller) {
    books.awaitRead();
    return devices.ofResident(caller.getSubject()).stream().map(ListedDevice::of).toList();
  }

  /** A tombstone on devices.v1: push forgets the token and its district topic subscriptions. */
  @DeleteMapping("/api/v1/me/devices/{id}")
  ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt caller, @PathVariable String id) {
    books.awaitRead();
    remove(yours(caller.getSubject(), id));
    return ResponseEntity.noContent().build();
  }

  private Device yours(String owner, String idOrToken) {
    return devices
        .ofResident(owner, idOrToken)
        .orElseThrow(() -> new NotFoundException("You have no such device."));
  }

  private void remove(Device device) {
    kafka.publish(Topics.DEVICES, device.id(), null);
    devices.remove(device.id());
  }
}
