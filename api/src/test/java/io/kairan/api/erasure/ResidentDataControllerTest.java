package io.kairan.api.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kairan.api.consent.ConsentBook;
import io.kairan.api.consent.ConsentEvent;
import io.kairan.api.consent.ConsentHistory;
import io.kairan.api.device.DeviceBook;
import io.kairan.api.index.ResidentDocuments;
import io.kairan.api.kafka.RecordPublisher;
import io.kairan.api.profile.ProfileBook;
import io.kairan.model.Topics;
import io.kairan.model.notice.Category;
import io.kairan.model.resident.Consent;
import io.kairan.model.resident.Device;
import io.kairan.model.resident.Platform;
import io.kairan.model.resident.ResidentProfile;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Export and erasure against the real books; Elasticsearch is a stand-in here (the deploy module's
 * ErasureIT reads and erases the real one).
 */
@WebMvcTest(
    controllers = ResidentDataController.class,
    properties = "kairan.security.test-hmac-secret=0123456789abcdef0123456789abcdef")
@Import({
  io.kairan.api.security.SecurityTestSupport.class,
  io.kairan.api.ResidentTestSupport.class,
  ResidentDataControllerTest.FixedClock.class
})
class ResidentDataControllerTest {
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  static final Instant GIVEN = Instant.parse("2026-11-01T00:00:00Z");

  @TestConfiguration
  static class FixedClock {
    @Bean
    @org.springframework.context.annotation.Primary
    Clock fixedClock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }
  }

  @Autowired MockMvc mvc;
  @Autowired ProfileBook profiles;
  @Autowired DeviceBook devices;
  @Autowired ConsentBook histories;
  @Autowired io.kairan.api.email.EmailBook emails;
  @MockitoBean RecordPublisher kafka;
  @MockitoBean ResidentDocuments documents;

  private static RequestPostProcessor resident(String id) {
    return jwt().jwt(j -> j.subject(id)).authorities(new SimpleGrantedAuthority("ROLE_RESIDENT"));
  }

  /**
   * A resident with a profile, one consent event, two devices (tokens tok-{id}-1, -2) and a
   * verified e-mail address ({id}@example.jp).
   */
  private void known(String id) {
    profiles.put(
        new ResidentProfile(
            id,
            "072028",
            "湊町",
            null,
            1950,
            List.of(),
            List.of("ja"),
            Set.of(),
            Map.of(Category.HEALTH, new Consent(true, GIVEN)),
            null,
            null,
            Set.of(),
            GIVEN));
    histories.put(
        new ConsentHistory(
            id, List.of(new ConsentEvent(Category.HEALTH, "notices", "2026-11", true, GIVEN))));
    for (int i = 1; i <= 2; i++) {
      devices.put(
          new Device(id + "-d" + i, id, "tok-" + id + "-" + i, Platform.ANDROID, "ja", GIVEN));
    }
    emails.put(
        new io.kairan.model.resident.EmailAddress(id, id + "@example.jp", null, GIVEN, GIVEN));
  }

  @Test
  void theExportHoldsTheProfileConsentHistoryDevicesEmailAndWhatTheReadModelHolds()
      throws Exception {
    known("r-x");
    known("r-x-other");
    when(documents.of("r-x"))
        .thenReturn(
            new ResidentDocuments.Held(
                List.of(Map.of("id", "del-1", "residentId", "r-x", "noticeId", "n-1")),
                List.of(Map.of("noticeId", "n-1", "outcome", "SENT", "residentId", "r-x")),
                List.of(Map.of("noticeId", "n-1", "kind", "OPENED", "residentId", "r-x"))));

    mvc.perform(get("/api/v1/me/export").with(resident("r-x")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.residentId").value("r-x"))
        .andExpect(jsonPath("$.exportedAt").value("2026-11-23T09:00:00Z"))
        .andExpect(jsonPath("$.profile.district").value("湊町"))
        .andExpect(jsonPath("$.consentHistory[0].category").value("HEALTH"))
        .andExpect(jsonPath("$.devices.length()").value(2))
        .andExpect(
            jsonPath("$.devices[*].token")
                .value(org.hamcrest.Matchers.containsInAnyOrder("tok-r-x-1", "tok-r-x-2")))
        .andExpect(jsonPath("$.email.address").value("r-x@example.jp"))
        .andExpect(jsonPath("$.deliveries[0].id").value("del-1"))
        .andExpect(jsonPath("$.pushOutcomes[0].outcome").value("SENT"))
        .andExpect(jsonPath("$.feedback[0].kind").value("OPENED"));
  }

  @Test
  void erasureTombstonesEachDeviceTheConsentHistoryTheEmailAddressAndLastTheProfile()
      throws Exception {
    known("r-e");

    mvc.perform(delete("/api/v1/me").with(resident("r-e")))
        .andExpect(status().isAccepted())
        .andExpect(
            jsonPath("$.removedDevices")
                .value(org.hamcrest.Matchers.containsInAnyOrder("r-e-d1", "r-e-d2")))
        // 30 days after the erasure, by hand: the log topics' retention.
        .andExpect(jsonPath("$.logTopicsKeepUntil").value("2026-12-23T09:00:00Z"));

    var order = inOrder(kafka);
    order.verify(kafka).publish(eq(Topics.DEVICES), eq("r-e-d1"), isNull());
    order.verify(kafka).publish(eq(ConsentBook.TOPIC), eq("r-e"), isNull());
    order.verify(kafka).publish(eq(Topics.EMAILS), eq("r-e"), isNull());
    order.verify(kafka).publish(eq(Topics.PROFILES), eq("r-e"), isNull());
    verify(kafka).publish(eq(Topics.DEVICES), eq("r-e-d2"), isNull());
    assertThat(profiles.get("r-e")).isEmpty();
    assertThat(histories.get("r-e")).isEmpty();
    assertThat(emails.get("r-e")).isEmpty();
    assertThat(devices.ofResident("r-e")).isEmpty();
  }

  @Test
  void erasureLeavesAnotherResidentsDataAlone() throws Exception {
    known("r-leaves");
    known("r-stays");

    mvc.perform(delete("/api/v1/me").with(resident("r-leaves"))).andExpect(status().isAccepted());

    verify(kafka, never()).publish(any(), eq("r-stays"), any());
    verify(kafka, never()).publish(any(), eq("r-stays-d1"), any());
    verify(kafka, never()).publish(any(), eq("r-stays-d2"), any());
    assertThat(profiles.get("r-stays")).isPresent();
    assertThat(histories.of("r-stays").events()).hasSize(1);
    assertThat(emails.get("r-stays")).isPresent();
    assertThat(devices.ofResident("r-stays")).hasSize(2);
  }
}
