package io.kairan.deploy.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairan.model.delivery.Channel;
import io.kairan.model.delivery.Delivery;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryFollowerTest {
  private static String written(String noticeId, Map<String, String> title) {
    Instant at = Instant.parse("2026-11-26T00:00:00Z");
    return Json.write(
        new Delivery(
            "d-1",
            "r-000001",
            noticeId,
            1,
            Category.ADMINISTRATION,
            Severity.INFO,
            title,
            0.5,
            List.of("why"),
            "v1",
            Channel.FEED_ONLY,
            at,
            at,
            List.of()));
  }

  @Test
  void theNoticeIdIsReadFromADeliveryAsTheJobWritesIt() {
    // a title quoting the key comes after the notice id, so the first match is the field
    String delivery = written("n-42", Map.of("ja", "\"noticeId\":\"x\""));

    assertThat(DeliveryFollower.noticeIdOf(delivery)).isEqualTo("n-42");
  }

  @Test
  void aDeliveryWrittenWithSpacesIsParsedWhole() {
    String spaced = written("n-7", Map.of()).replace("\"noticeId\":\"", "\"noticeId\" : \"");

    assertThat(DeliveryFollower.noticeIdOf(spaced)).isEqualTo("n-7");
  }
}
