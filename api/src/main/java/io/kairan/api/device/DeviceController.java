package io.kairan.api.device;

import io.kairan.api.kafka.RecordPublisher;
import io.kairan.model.Problems;
import io.kairan.model.Topics;
import io.kairan.model.resident.Device;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/v1/me/devices registers (or re-registers) a device of the caller's. */
@RestController
class DeviceController {
  private final RecordPublisher kafka;
  private final Clock clock;

  DeviceController(RecordPublisher kafka, Clock clock) {
    this.kafka = kafka;
    this.clock = clock;
  }

  @PostMapping("/api/v1/me/devices")
  ResponseEntity<Device> register(
      @AuthenticationPrincipal Jwt caller, @RequestBody DeviceRegistration registration) {
    String owner = caller.getSubject();
    // Derived from owner and token: registering the same token twice is the same device.
    String id =
        UUID.nameUUIDFromBytes(
                (owner + '\u0000' + registration.token()).getBytes(StandardCharsets.UTF_8))
            .toString();
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
    return ResponseEntity.created(URI.create("/api/v1/me/devices/" + id)).body(device);
  }
}
