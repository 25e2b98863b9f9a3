package io.kairan.api.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kairan.api.kafka.RecordPublisher;
import io.kairan.api.limits.BodySizeLimit;
import io.kairan.model.Topics;
import io.kairan.model.resident.ResidentProfile;
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

@WebMvcTest(
    controllers = ProfileController.class,
    properties = "kairan.security.test-hmac-secret=0123456789abcdef0123456789abcdef")
@Import({io.kairan.api.security.SecurityTestSupport.class, io.kairan.api.ResidentTestSupport.class})
class ProfileControllerTest {
  private static final String PROFILE =
      """
      {"id":"someone-else","municipalityCode":"072028","district":"湊町","birthYear":1950,
       "consents":{"HEALTH":{"granted":true,"at":"2026-11-01T00:00:00Z"}},"quietHours":{"start":"22:00","end":"07:00"}}
      """;

  @Autowired MockMvc mvc;

  private static org.springframework.test.web.servlet.request.RequestPostProcessor resident(
      String id) {
    return jwt().jwt(j -> j.subject(id)).authorities(new SimpleGrantedAuthority("ROLE_RESIDENT"));
  }

  @MockitoBean RecordPublisher kafka;

  @Autowired io.kairan.api.consent.ConsentBook consentHistories;

  private ResultActions putProfile(String body) throws Exception {
    return putProfile("r-42", body);
  }

  private ResultActions putProfile(String resident, String body) throws Exception {
    return mvc.perform(
        put("/api/v1/me/profile")
            .with(resident(resident))
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  @Test
  void aResidentCanOnlyWriteTheirOwnProfileWhateverTheBodySays() throws Exception {
    putProfile(PROFILE).andExpect(status().isOk()).andExpect(jsonPath("$.id").value("r-42"));

    ArgumentCaptor<Object> written = ArgumentCaptor.forClass(Object.class);
    verify(kafka).publish(eq(Topics.PROFILES), eq("r-42"), written.capture());
    assertThat(((ResidentProfile) written.getValue()).id()).isEqualTo("r-42");
  }

  @Test
  void aResidentReadsBackTheProfileTheyPut() throws Exception {
    putProfile("r-read", PROFILE).andExpect(status().isOk());

    mvc.perform(get("/api/v1/me/profile").with(resident("r-read")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value("r-read"))
        .andExpect(jsonPath("$.district").value("湊町"))
        .andExpect(jsonPath("$.consents.HEALTH.granted").value(true));
  }

  @Test
  void aResidentWithoutAProfileGets404AsAProblemAndNeverAnothersProfile() throws Exception {
    putProfile("r-someone", PROFILE).andExpect(status().isOk());

    mvc.perform(get("/api/v1/me/profile").with(resident("r-nobody")))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(404));
  }

  @Test
  void eachConsentAProfileGivesOrTakesBackIsAppendedToTheHistoryOnTheApisTopic() throws Exception {
    putProfile("r-hist", PROFILE).andExpect(status().isOk());
    // The same consent again changes nothing; HEALTH taken back and TAX given are two events.
    putProfile("r-hist", PROFILE).andExpect(status().isOk());
    putProfile(
            "r-hist",
            PROFILE.replace(
                "\"HEALTH\":{\"granted\":true,\"at\":\"2026-11-01T00:00:00Z\"}",
                "\"HEALTH\":{\"granted\":false,\"at\":\"2026-11-02T00:00:00Z\"},"
                    + "\"TAX\":{\"granted\":true,\"at\":\"2026-11-02T00:00:00Z\"}"))
        .andExpect(status().isOk());

    var history = consentHistories.of("r-hist").events();
    assertThat(history)
        .extracting(
            io.kairan.api.consent.ConsentEvent::category,
            io.kairan.api.consent.ConsentEvent::granted,
            e -> e.at().toString())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                io.kairan.model.notice.Category.HEALTH, true, "2026-11-01T00:00:00Z"),
            org.assertj.core.groups.Tuple.tuple(
                io.kairan.model.notice.Category.HEALTH, false, "2026-11-02T00:00:00Z"),
            org.assertj.core.groups.Tuple.tuple(
                io.kairan.model.notice.Category.TAX, true, "2026-11-02T00:00:00Z"));
    assertThat(history).allSatisfy(e -> assertThat(e.purpose()).isEqualTo("notices"));
    ArgumentCaptor<Object> written = ArgumentCaptor.forClass(Object.class);
    verify(kafka, org.mockito.Mockito.times(2))
        .publish(eq(io.kairan.api.consent.ConsentBook.TOPIC), eq("r-hist"), written.capture());
    assertThat(((io.kairan.api.consent.ConsentHistory) written.getValue()).events())
        .isEqualTo(history);
  }

  @Test
  void anInvalidProfileIsAProblemDocumentAndNothingIsPublished() throws Exception {
    String invalid = PROFILE.replace("\"birthYear\":1950", "\"birthYear\":1700").replace("湊町", "");

    putProfile(invalid)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0]").value("district: must not be blank"));

    verify(kafka, never()).publish(any(), any(), any());
  }

  @Test
  void aMistypedFieldIsAProblemNamingItAndNothingIsPublished() throws Exception {
    putProfile(PROFILE.replace("\"quietHours\"", "\"quietHuors\""))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.errors[0]", startsWith("quietHuors: no such field; the fields are ")))
        .andExpect(jsonPath("$.errors[0]", containsString("quietHours")));

    verify(kafka, never()).publish(any(), any(), any());
  }

  @Test
  void aPublisherTokenCannotWriteAResidentProfile() throws Exception {
    mvc.perform(
            put("/api/v1/me/profile")
                .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_DEPARTMENT")))
                .contentType(MediaType.APPLICATION_JSON)
                .content(PROFILE))
        .andExpect(status().isForbidden());
  }

  @Test
  void quietHoursStartingAt2500AreAProblemNamingQuietHoursStart() throws Exception {
    putProfile(PROFILE.replace("\"start\":\"22:00\"", "\"start\":\"25:00\""))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.errors[0]")
                .value("quietHours.start: must be a local time HH:mm such as 22:00"));

    verify(kafka, never()).publish(any(), any(), any());
  }

  @Test
  void quietHoursEndingAtXxAreAProblemNamingQuietHoursEnd() throws Exception {
    putProfile(PROFILE.replace("\"end\":\"07:00\"", "\"end\":\"xx\""))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[0]")
                .value("quietHours.end: must be a local time HH:mm such as 07:00"));

    verify(kafka, never()).publish(any(), any(), any());
  }

  @Test
  void malformedJsonIsAProblemGivingTheLineAndColumn() throws Exception {
    // No comma after "湊町": the parser stops at the quote of "birthYear", the 65th character of
    // the first line (its 69th byte: the column counts characters, not UTF-8 bytes).
    String malformed = PROFILE.replace("\"district\":\"湊町\",", "\"district\":\"湊町\"");

    putProfile(malformed)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.line").value(1))
        .andExpect(jsonPath("$.column").value(65))
        .andExpect(
            jsonPath(
                "$.detail",
                startsWith("The body is not valid JSON for this call at line 1, column 65: ")));

    verify(kafka, never()).publish(any(), any(), any());
  }

  @Test
  void aValueOfTheWrongTypeIsAProblemNamingTheField() throws Exception {
    putProfile(PROFILE.replace("\"birthYear\":1950", "\"birthYear\":\"nineteen\""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0]", startsWith("birthYear: ")))
        .andExpect(jsonPath("$.line").value(1));
  }

  @Test
  void aProfileOver64KiBIsRefusedWith413AsAProblem() throws Exception {
    String huge = PROFILE.replace("\"湊町\"", "\"" + "x".repeat(BodySizeLimit.DEFAULT_LIMIT) + "\"");

    putProfile(huge)
        .andExpect(status().isPayloadTooLarge())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("The request body is larger than 64 KiB."));

    verify(kafka, never()).publish(any(), any(), any());
  }

  /** The profile with an extra field holding arrays nested {@code depth} deep. */
  private static String nested(int depth) {
    return PROFILE.replace(
        "{\"id\"", "{\"x\":" + "[".repeat(depth) + "]".repeat(depth) + ",\"id\"");
  }

  @Test
  void aBodyNested1000DeepIsA400ProblemNamingTheModelsDepthLimit() throws Exception {
    putProfile(nested(1000))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", containsString("exceeds the maximum allowed (64")));

    verify(kafka, never()).publish(any(), any(), any());
  }

  @Test
  void theCodecsNestingLimitOf64AppliesToHttpBodiesToTheLevel() throws Exception {
    // The profile object is one level, so 63 arrays inside it are 64 deep: read to the end (and
    // then refused as a field the profile does not have); 64 are refused by depth.
    putProfile(nested(63))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0]", startsWith("x: no such field")));
    putProfile(nested(64))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", containsString("nesting depth (65)")));
  }
}
