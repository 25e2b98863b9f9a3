package io.kairan.api.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kairan.api.kafka.RecordPublisher;
import io.kairan.model.Topics;
import io.kairan.model.resident.Device;
import io.kairan.model.resident.Platform;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@WebMvcTest(
    controllers = DeviceController.class,
    properties = "kairan.security.test-hmac-secret=0123456789abcdef0123456789abcdef")
@Import({io.kairan.api.security.SecurityTestSupport.class, io.kairan.api.ResidentTestSupport.class})
class DeviceControllerTest {
  static final Instant DAY = Instant.parse("2026-11-20T00:00:00Z");

  @Autowired MockMvc mvc;
  @Autowired DeviceBook devices;
  @MockitoBean RecordPublisher kafka;

  private static RequestPostProcessor resident(String id) {
    return jwt().jwt(j -> j.subject(id)).authorities(new SimpleGrantedAuthority("ROLE_RESIDENT"));
  }

  private void registered(String id, String resident, String token, long daysLater) {
    devices.put(
        new Device(
            id, resident, token, Platform.ANDROID, "ja", DAY.plusSeconds(86_400 * daysLater)));
  }

  private ResultActions register(String resident, String body) throws Exception {
    return mvc.perform(
        post("/api/v1/me/devices")
            .with(resident(resident))
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  @Test
  void theListHoldsOnlyTheCallersDevicesLatestFirstWithTheTokensLastSixCharacters()
      throws Exception {
    registered("d-l1", "r-list", "aaaaaaaaaaaa-123456", 0);
    registered("d-l2", "r-list", "bbbbbbbbbbbb-abcdef", 1);
    registered("d-other", "r-list-other", "cccccccccccc-zzzzzz", 2);

    mvc.perform(get("/api/v1/me/devices").with(resident("r-list")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[0].id").value("d-l2"))
        .andExpect(jsonPath("$[0].tokenEnd").value("abcdef"))
        .andExpect(jsonPath("$[1].id").value("d-l1"))
        .andExpect(jsonPath("$[1].tokenEnd").value("123456"))
        .andExpect(jsonPath("$[0].token").doesNotExist())
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("bbbbbbbbbbbb"))));
  }

  @Test
  void removingOnesDeviceWritesItsTombstone() throws Exception {
    registered("d-mine", "r-del", "token-mine-000001", 0);

    mvc.perform(delete("/api/v1/me/devices/d-mine").with(resident("r-del")))
        .andExpect(status().isNoContent());

    verify(kafka).publish(eq(Topics.DEVICES), eq("d-mine"), isNull());
    assertThat(devices.get("d-mine")).isEmpty();
  }

  @Test
  void anotherResidentsDeviceIsNotFoundAsOneThatDoesNotExistAndStays() throws Exception {
    registered("d-theirs", "r-owner", "token-theirs-0001", 0);

    String theirs =
        mvc.perform(delete("/api/v1/me/devices/d-theirs").with(resident("r-intruder")))
            .andExpect(status().isNotFound())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String none =
        mvc.perform(delete("/api/v1/me/devices/d-no-such").with(resident("r-intruder")))
            .andExpect(status().isNotFound())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(theirs.replace("d-theirs", "X")).isEqualTo(none.replace("d-no-such", "X"));
    verify(kafka, never()).publish(any(), any(), any());
    assertThat(devices.get("d-theirs")).isPresent();
  }

  @Test
  void aRefreshedTokenReplacingTheOldDevicesTokenTombstonesTheOldDevice() throws Exception {
    registered("d-old", "r-refresh", "token-old-0000001", 0);

    register(
            "r-refresh",
            "{\"token\":\"token-new-0000002\",\"platform\":\"ANDROID\",\"locale\":\"ja\","
                + "\"replaces\":\"token-old-0000001\"}")
        .andExpect(status().isCreated());

    ArgumentCaptor<Object> written = ArgumentCaptor.forClass(Object.class);
    verify(kafka)
        .publish(
            eq(Topics.DEVICES),
            org.mockito.ArgumentMatchers.argThat(k -> !k.equals("d-old")),
            written.capture());
    assertThat(((Device) written.getValue()).token()).isEqualTo("token-new-0000002");
    verify(kafka).publish(eq(Topics.DEVICES), eq("d-old"), isNull());
    assertThat(devices.ofResident("r-refresh"))
        .extracting(Device::token)
        .containsExactly("token-new-0000002");
  }

  @Test
  void reRegisteringADeviceIdKeepsTheIdWithTheNewToken() throws Exception {
    registered("d-same", "r-rereg", "token-old-0000003", 0);

    register(
            "r-rereg",
            "{\"id\":\"d-same\",\"token\":\"token-new-0000004\",\"platform\":\"IOS\",\"locale\":\"en\"}")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.id").value("d-same"));

    ArgumentCaptor<Object> written = ArgumentCaptor.forClass(Object.class);
    verify(kafka).publish(eq(Topics.DEVICES), eq("d-same"), written.capture());
    assertThat(((Device) written.getValue()).token()).isEqualTo("token-new-0000004");
    verify(kafka, never()).publish(eq(Topics.DEVICES), eq("d-same"), isNull());
  }

  @Test
  void replacingOrReRegisteringAnotherResidentsDeviceIsNotFoundAndNothingIsPublished()
      throws Exception {
    registered("d-foreign", "r-victim", "token-victim-00005", 0);

    register(
            "r-thief",
            "{\"id\":\"d-foreign\",\"token\":\"token-thief-000006\",\"platform\":\"IOS\"}")
        .andExpect(status().isNotFound());
    register(
            "r-thief",
            "{\"token\":\"token-thief-000006\",\"platform\":\"IOS\",\"replaces\":\"d-foreign\"}")
        .andExpect(status().isNotFound());

    verify(kafka, never()).publish(any(), any(), any());
    assertThat(devices.get("d-foreign")).map(Device::token).contains("token-victim-00005");
  }
}
