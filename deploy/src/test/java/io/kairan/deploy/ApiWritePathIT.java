package io.kairan.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kairan.deploy.kafka.KafkaBroker;
import io.kairan.deploy.stack.Ports;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API's write path on a real broker with no Elasticsearch at all (its address is a port nobody
 * listens on): publishing, updating and withdrawing are decided on the API's own ledger of
 * notices.v1, and a second instance started later rebuilds that ledger from the topic alone.
 */
class ApiWritePathIT {
  static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String NOWHERE = "http://127.0.0.1:" + Ports.free();

  static final String DRAFT =
      """
      {"municipalityCode":"072028","category":"CHILDCARE","severity":"IMPORTANT",
       "title":{"ja":"児童手当の申請"},"body":{"ja":"11月30日までに申請してください。"},
       "validity":{"from":"2026-11-26T00:00:00Z","until":"2026-12-26T00:00:00Z"},
       "audience":{"type":"everyone"}}
      """;

  @TempDir static Path dir;
  static KafkaBroker kafka;
  static ApiInstance api;

  @BeforeAll
  static void start() throws Exception {
    kafka = KafkaBroker.start(dir.resolve("kafka"), Ports.free(), Ports.free());
    kafka.createTopics();
    api = ApiInstance.start(kafka.bootstrapServers(), NOWHERE, CLOCK);
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  /** Every version of the notice on notices.v1, read to the topic's current end. */
  private static List<Notice> versionsOnTheTopic(String id) {
    return TopicRecords.all(kafka.bootstrapServers(), Topics.NOTICES).stream()
        .filter(r -> id.equals(r.key()))
        .map(r -> Json.read(r.value(), Notice.class))
        .toList();
  }

  @Test
  void aPutAndAWithdrawalRightAfterThePostSucceedWithoutElasticsearch() throws Exception {
    String city = api.publisher("dept-1");
    var posted = api.send("POST", "/api/v1/notices", city, DRAFT);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    String id = ApiInstance.noticeIn(posted).id();

    var updated =
        api.send(
            "PUT", "/api/v1/notices/" + id, city, DRAFT.replace("申請", "手続き"), "If-Match", "\"1\"");
    var withdrawn = api.send("POST", "/api/v1/notices/" + id + "/withdraw", city, null);

    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    assertThat(updated.headers().firstValue("ETag")).contains("\"2\"");
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    assertThat(versionsOnTheTopic(id))
        .extracting(Notice::version, Notice::status)
        .containsExactly(
            tuple(1, NoticeStatus.PUBLISHED),
            tuple(2, NoticeStatus.UPDATED),
            tuple(3, NoticeStatus.WITHDRAWN));
  }

  @Test
  void withoutElasticsearchTheFeedIs503WithRetryAfterAsAProblem() throws Exception {
    var feed = api.send("GET", "/api/v1/me/feed", api.tokens.resident("r-1"), null);

    assertThat(feed.statusCode()).isEqualTo(503);
    assertThat(feed.headers().firstValue("Retry-After")).contains("5");
    assertThat(feed.headers().firstValue("Content-Type")).contains("application/problem+json");
  }

  @Test
  void aRetriedPostWithTheSameKeyAnswersTheSameIdAndWritesOneNotice() throws Exception {
    String city = api.publisher("dept-1");
    String key = UUID.randomUUID().toString();

    var first = api.send("POST", "/api/v1/notices", city, DRAFT, "Idempotency-Key", key);
    var retry = api.send("POST", "/api/v1/notices", city, DRAFT, "Idempotency-Key", key);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(retry.statusCode()).isEqualTo(201);
    String id = ApiInstance.noticeIn(first).id();
    assertThat(ApiInstance.noticeIn(retry).id()).isEqualTo(id);
    // Both answers came after Kafka acknowledged whatever they wrote: the topic is complete here.
    assertThat(versionsOnTheTopic(id)).hasSize(1);
  }

  @Test
  void aStaleIfMatchIs412AndAMissingOneIs428() throws Exception {
    String city = api.publisher("dept-1");
    String id = ApiInstance.noticeIn(api.send("POST", "/api/v1/notices", city, DRAFT)).id();
    assertThat(
            api.send("PUT", "/api/v1/notices/" + id, city, DRAFT, "If-Match", "\"1\"").statusCode())
        .isEqualTo(200);

    var stale = api.send("PUT", "/api/v1/notices/" + id, city, DRAFT, "If-Match", "\"1\"");
    var unconditional = api.send("PUT", "/api/v1/notices/" + id, city, DRAFT);

    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(stale.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(unconditional.statusCode()).isEqualTo(428);
    assertThat(versionsOnTheTopic(id)).extracting(Notice::version).containsExactly(1, 2);
  }

  @Test
  void aSecondInstanceRebuildsTheLedgerFromTheTopicKeysAndVersionsIncluded() throws Exception {
    String city = api.publisher("dept-1");
    String key = UUID.randomUUID().toString();
    String id =
        ApiInstance.noticeIn(
                api.send("POST", "/api/v1/notices", city, DRAFT, "Idempotency-Key", key))
            .id();
    api.send("PUT", "/api/v1/notices/" + id, city, DRAFT, "If-Match", "\"1\"");

    try (ApiInstance second = ApiInstance.start(kafka.bootstrapServers(), NOWHERE, CLOCK)) {
      String token = second.publisher("dept-1");
      var retried = second.send("POST", "/api/v1/notices", token, DRAFT, "Idempotency-Key", key);
      var read = second.send("GET", "/api/v1/notices/" + id, token, null);
      var stale = second.send("PUT", "/api/v1/notices/" + id, token, DRAFT, "If-Match", "\"1\"");
      var ready = second.send("GET", "/actuator/health/readiness", token, null);

      assertThat(ApiInstance.noticeIn(retried).id()).isEqualTo(id);
      assertThat(retried.headers().firstValue("Idempotent-Replayed")).contains("true");
      assertThat(read.headers().firstValue("ETag")).contains("\"2\"");
      assertThat(stale.statusCode()).isEqualTo(412);
      assertThat(
              Json.mapper().readTree(ready.body()).at("/components/noticeLedger/status").asText())
          .isEqualTo("UP");
    }
  }
}
