package io.kairan.api.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kairan.api.draft.DraftBook;
import io.kairan.api.kafka.RecordPublisher;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Notice;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Drafts over HTTP: kept on their own topic until published or discarded, incomplete until then,
 * and published the way a post is. Kafka is the only stand-in; each test saves its own drafts under
 * its own publisher.
 */
@WebMvcTest(
    controllers = DraftController.class,
    properties = "kairan.security.test-hmac-secret=0123456789abcdef0123456789abcdef")
@Import({io.kairan.api.security.SecurityTestSupport.class, NoticeTestSupport.class})
class DraftControllerTest {
  /** Title and audience still to come. */
  private static final String HALF_WRITTEN =
      """
      {"municipalityCode":"072028","category":"CHILDCARE","severity":"IMPORTANT",
       "body":{"ja":"書きかけ"}}
      """;

  @Autowired MockMvc mvc;
  @MockitoBean RecordPublisher kafka;
  @MockitoBean FiguresReader figures;

  private static RequestPostProcessor as(String id, String kind) {
    return NoticeControllerTest.publisher(id, kind);
  }

  private ResultActions send(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      String body)
      throws Exception {
    return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private String saved(String publisher, String body) throws Exception {
    String json =
        send(post("/api/v1/notices/drafts").with(as(publisher, "DEPARTMENT")), body)
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return Json.mapper().readTree(json).path("id").asText();
  }

  private List<Object> writtenTo(String topic) {
    ArgumentCaptor<Object> written = ArgumentCaptor.forClass(Object.class);
    verify(kafka, atLeast(0)).publish(eq(topic), any(), written.capture(), anyMap());
    return written.getAllValues();
  }

  @Test
  void aHalfWrittenDraftIsKeptOnItsTopicAndReadBackAsSaved() throws Exception {
    String id = saved("dept-a", HALF_WRITTEN);

    mvc.perform(get("/api/v1/notices/drafts/" + id).with(as("dept-a", "DEPARTMENT")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.notice.body.ja").value("書きかけ"))
        .andExpect(jsonPath("$.publisher.id").value("dept-a"))
        .andExpect(jsonPath("$.savedAt").value(NoticeTestSupport.NOW.toString()));
    assertThat(writtenTo(DraftBook.TOPIC)).hasSize(1);
    assertThat(writtenTo(Topics.NOTICES)).isEmpty();
  }

  @Test
  void publishingAnIncompleteDraftNamesWhatIsMissingAndKeepsIt() throws Exception {
    String id = saved("dept-b", HALF_WRITTEN);

    mvc.perform(post("/api/v1/notices/drafts/" + id + "/publish").with(as("dept-b", "DEPARTMENT")))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.errors")
                .value(org.hamcrest.Matchers.hasItem("title: needs at least one language")));

    mvc.perform(get("/api/v1/notices/drafts/" + id).with(as("dept-b", "DEPARTMENT")))
        .andExpect(status().isOk());
    verify(kafka, never()).publish(eq(Topics.NOTICES), any(), any(), anyMap());
  }

  @Test
  void aCompletedDraftIsPublishedAsVersion1AndIsNoLongerADraft() throws Exception {
    String id = saved("dept-c", HALF_WRITTEN);
    send(
            put("/api/v1/notices/drafts/" + id).with(as("dept-c", "DEPARTMENT")),
            NoticeTestSupport.DRAFT)
        .andExpect(status().isOk());

    mvc.perform(post("/api/v1/notices/drafts/" + id + "/publish").with(as("dept-c", "DEPARTMENT")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.version").value(1))
        .andExpect(jsonPath("$.title.ja").value("児童手当の申請"));

    assertThat(writtenTo(Topics.NOTICES)).singleElement().isInstanceOf(Notice.class);
    assertThat(writtenTo(DraftBook.TOPIC)).last().isNull(); // the tombstone
    mvc.perform(post("/api/v1/notices/drafts/" + id + "/publish").with(as("dept-c", "DEPARTMENT")))
        .andExpect(status().isNotFound());
  }

  @Test
  void aFirmsDraftWaitsForApprovalWhenPublished() throws Exception {
    String json =
        send(post("/api/v1/notices/drafts").with(as("shop-d", "FIRM")), NoticeTestSupport.DRAFT)
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = Json.mapper().readTree(json).path("id").asText();

    mvc.perform(post("/api/v1/notices/drafts/" + id + "/publish").with(as("shop-d", "FIRM")))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.state").value("PENDING_APPROVAL"));

    assertThat(writtenTo(Topics.NOTICES)).isEmpty();
  }

  @Test
  void anotherPublisherCanNeitherReadNorChangeNorPublishNorDiscardADraft() throws Exception {
    String id = saved("dept-e", HALF_WRITTEN);
    var other = as("dept-other", "DEPARTMENT");

    mvc.perform(get("/api/v1/notices/drafts/" + id).with(other)).andExpect(status().isForbidden());
    send(put("/api/v1/notices/drafts/" + id).with(other), HALF_WRITTEN)
        .andExpect(status().isForbidden());
    mvc.perform(post("/api/v1/notices/drafts/" + id + "/publish").with(other))
        .andExpect(status().isForbidden());
    mvc.perform(delete("/api/v1/notices/drafts/" + id).with(other))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/notices/drafts").with(other))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(0));
  }

  @Test
  void aDiscardedDraftIsGone() throws Exception {
    String id = saved("dept-f", HALF_WRITTEN);

    mvc.perform(delete("/api/v1/notices/drafts/" + id).with(as("dept-f", "DEPARTMENT")))
        .andExpect(status().isNoContent());

    mvc.perform(get("/api/v1/notices/drafts/" + id).with(as("dept-f", "DEPARTMENT")))
        .andExpect(status().isNotFound());
  }

  @Test
  void aDraftForAnotherMunicipalityIsRefused() throws Exception {
    send(
            post("/api/v1/notices/drafts").with(as("dept-g", "DEPARTMENT")),
            HALF_WRITTEN.replace("072028", "011002"))
        .andExpect(status().isForbidden());

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }
}
