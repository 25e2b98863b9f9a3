package io.kairan.api.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Severity;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The names the queries use are the names the mappings declare and the names the codec writes:
 * renaming a record component or a mapping field without the other breaks here, not in a feed.
 */
class FieldsTest {

  private static JsonNode mappingOf(String index) throws Exception {
    try (InputStream in =
        FieldsTest.class.getResourceAsStream("/elasticsearch/" + index + ".json")) {
      return Json.mapper().readTree(in).path("mappings").path("properties");
    }
  }

  @Test
  void theDeliveryFieldsQueriedAreMappedAndWrittenByTheCodec() throws Exception {
    Instant at = Instant.parse("2026-11-23T09:00:00Z");
    JsonNode written =
        Json.mapper()
            .readTree(
                Json.write(
                    new Delivery(
                        "d-1",
                        "r-1",
                        "n-1",
                        1,
                        Category.CHILDCARE,
                        Severity.IMPORTANT,
                        Map.of(),
                        0.5,
                        List.of(),
                        "builtin/1",
                        Channel.FEED_ONLY,
                        at,
                        at)));
    JsonNode mapped = mappingOf("deliveries");

    for (String field :
        List.of(Fields.NOTICE_ID, Fields.RESIDENT_ID, Fields.CHANNEL, Fields.DECIDED_AT)) {
      assertThat(written.has(field)).as("the codec writes " + field).isTrue();
      assertThat(mapped.has(field)).as("deliveries maps " + field).isTrue();
    }
    assertThat(mapped.path(Fields.RESIDENT_ID).path("type").asText()).isEqualTo("keyword");
    assertThat(mapped.path(Fields.DECIDED_AT).path("type").asText()).isEqualTo("date");
  }

  @Test
  void thePushResultFieldsTheIndexerWritesAreMapped() throws Exception {
    JsonNode mapped = mappingOf("push-results");

    assertThat(mapped.has(Fields.NOTICE_ID)).isTrue();
    assertThat(mapped.has(Fields.OUTCOME)).isTrue();
    assertThat(mapped.path(Fields.RESIDENT_ID).path("type").asText()).isEqualTo("keyword");
    assertThat(mapped.path(Fields.AT).path("type").asText()).isEqualTo("date");
  }

  @Test
  void theFeedbackFieldsTheIndexerWritesAreMappedAsKeywords() throws Exception {
    JsonNode mapped = mappingOf("feedback");

    for (String field : List.of(Fields.NOTICE_ID, Fields.RESIDENT_ID, Fields.KIND)) {
      assertThat(mapped.path(field).path("type").asText()).as(field).isEqualTo("keyword");
    }
    assertThat(mapped.path(Fields.AT).path("type").asText()).isEqualTo("date");
  }
}
