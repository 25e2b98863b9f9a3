package io.kairan.api.erasure;

import io.kairan.api.consent.ConsentEvent;
import io.kairan.model.resident.Device;
import io.kairan.model.resident.EmailAddress;
import io.kairan.model.resident.ResidentProfile;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * All Kairan holds about one resident (APPI disclosure): the profile, the consent history, the
 * devices with their tokens, the e-mail address for the fallback channel, and from the read model
 * every delivery, push outcome (e-mails included) and feedback.
 */
public record ResidentExport(
    String residentId,
    Instant exportedAt,
    ResidentProfile profile,
    List<ConsentEvent> consentHistory,
    List<Device> devices,
    EmailAddress email,
    List<Map<String, Object>> deliveries,
    List<Map<String, Object>> pushOutcomes,
    List<Map<String, Object>> feedback) {}
