package io.kairan.api.erasure;

import io.kairan.api.consent.ConsentEvent;
import io.kairan.model.resident.Device;
import io.kairan.model.resident.ResidentProfile;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * All Kairan holds about one resident (APPI disclosure): the profile, the consent history, the
 * devices with their tokens, and from the read model every delivery, push outcome and feedback.
 */
public record ResidentExport(
    String residentId,
    Instant exportedAt,
    ResidentProfile profile,
    List<ConsentEvent> consentHistory,
    List<Device> devices,
    List<Map<String, Object>> deliveries,
    List<Map<String, Object>> pushOutcomes,
    List<Map<String, Object>> feedback) {}
