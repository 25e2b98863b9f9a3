package io.kairan.deploy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.kairan.api.notice.NoticeDraft;
import io.kairan.deploy.stack.LocalStack;
import io.kairan.model.Topics;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Notice;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.model.notice.Publisher;
import io.kairan.model.notice.PublisherKind;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The requests of the serving benchmark, each beside its baseline: a feed page through the API and
 * the same two queries to Elasticsearch; a reach preview and an Elasticsearch count of the same
 * audience over a profiles index; a notice posted through the API and the same record produced to
 * notices.v1 directly, awaiting the broker's acknowledgement as the API does.
 */
final class ServingRequests implements Closeable {
  static final int FEED_PAGE = 20;
  static final String MUNICIPALITY = "072028";
  private static final Publisher DEPARTMENT =
      new Publisher("kosodate-ka", "こども家庭課", PublisherKind.DEPARTMENT);

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String api;
  private final FeedCorpus corpus;
  private final FeedReadModel readModel;
  private final ElasticsearchAudiences audiences;
  private final List<Notice> shapes;
  private final Instant now;
  private final int[] readers;
  private final String[] readerTokens;
  private final String publisherToken;
  private final String previewToken;
  private final KafkaProducer<String, String> producer;

  ServingRequests(
      LocalStack stack,
      FeedCorpus corpus,
      FeedReadModel readModel,
      ElasticsearchAudiences audiences,
      Instant now,
      int tokens) {
    this.api = stack.apiUrl();
    this.corpus = corpus;
    this.readModel = readModel;
    this.audiences = audiences;
    this.shapes = BenchNotices.all(now);
    this.now = now;
    // Residents drawn at random, each with a token, so a page is rarely one Elasticsearch has just
    // served; the API and the baseline read the same residents in the same order.
    Random random = new Random(17);
    readers = new int[Math.min(tokens, corpus.residents())];
    readerTokens = new String[readers.length];
    for (int i = 0; i < readers.length; i++) {
      readers[i] = random.nextInt(corpus.residents());
      readerTokens[i] = stack.tokens().resident(corpus.resident(readers[i]).id());
    }
    publisherToken =
        stack
            .tokens()
            .publisher(DEPARTMENT.id(), DEPARTMENT.name(), DEPARTMENT.kind().name(), MUNICIPALITY);
    previewToken = stack.tokens().publisher("kenko-ka", "健康増進課", "DEPARTMENT", MUNICIPALITY);
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                // The API's producer settings (kairan-api.yml).
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true));
  }

  List<Notice> shapes() {
    return shapes;
  }

  /** Request i: a first feed page through the API, which must show the resident's items. */
  String feedThroughApi(int i) throws Exception {
    int r = readers[i % readers.length];
    var response = send(get("/api/v1/me/feed?size=" + FEED_PAGE, readerTokens[i % readers.length]));
    if (response.statusCode() != 200) {
      return "HTTP " + response.statusCode() + " " + response.body();
    }
    int items = Json.mapper().readTree(response.body()).size();
    int expected = corpus.expectedItems(r, FEED_PAGE);
    return items == expected ? null : items + " items, expected " + expected;
  }

  /** Request i: the same resident's first page read from Elasticsearch directly. */
  String feedFromElasticsearch(int i) throws Exception {
    int r = readers[i % readers.length];
    int items = readModel.page(corpus.resident(r).id(), FEED_PAGE, now);
    int expected = corpus.expectedItems(r, FEED_PAGE);
    return items == expected ? null : items + " items, expected " + expected;
  }

  /** Request i: the preview of audience shape i (taking turns). */
  String preview(int i) throws Exception {
    var response = previewOf(shapes.get(i % shapes.size()));
    return response.statusCode() == 200 ? null : "HTTP " + response.statusCode();
  }

  /** Request i: an Elasticsearch count of the same audience over the profiles index. */
  String countInElasticsearch(int i) {
    audiences.count(shapes.get(i % shapes.size()), now);
    return null;
  }

  /** The preview's count of residents for a notice's draft, null when withheld. */
  Long previewCount(Notice notice) throws Exception {
    var response = previewOf(notice);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "the preview answered " + response.statusCode() + ": " + response.body());
    }
    JsonNode residents = Json.mapper().readTree(response.body()).get("residents");
    return residents == null || residents.isNull() ? null : residents.asLong();
  }

  /** The preview's HTTP status and count for a notice's draft, for waiting until it is ready. */
  HttpResponse<String> previewOf(Notice notice) throws Exception {
    return send(post("/api/v1/notices/preview", previewToken, Json.write(draftOf(notice))));
  }

  /** Request i: a notice posted through the API (201 expected). */
  String postThroughApi(int i) throws Exception {
    var response = send(post("/api/v1/notices", publisherToken, Json.write(draftOf(posted(i)))));
    return response.statusCode() == 201 ? null : "HTTP " + response.statusCode();
  }

  /**
   * Request i: the same notice produced to notices.v1 directly, waiting for the acknowledgement.
   */
  String produceToKafka(int i) throws Exception {
    Notice notice = posted(i).withId(UUID.randomUUID().toString());
    producer.send(new ProducerRecord<>(Topics.NOTICES, notice.id(), Json.write(notice))).get();
    return null;
  }

  /**
   * Notice i to post: a department's childcare notice for the parents of newborns in one district,
   * so the job, which decides it for the stack's residents meanwhile, has little to deliver.
   */
  private Notice posted(int i) {
    return new Notice(
        "posted",
        1,
        DEPARTMENT,
        MUNICIPALITY,
        Category.CHILDCARE,
        Map.of("ja", "乳児健診のご案内 " + i, "en", "Infant check-up " + i),
        Map.of("ja", "対象のお子さまには個別にご案内を送ります。日程をご確認ください。"),
        null,
        null,
        new Validity(now, now.plus(Duration.ofDays(14))),
        Severity.INFO,
        NoticeStatus.PUBLISHED,
        new Audience.AllOf(
            List.of(
                new Audience.InDistrict(List.of("湊町")), new Audience.HasChildAgedBetween(0, 0))),
        now);
  }

  static NoticeDraft draftOf(Notice n) {
    return new NoticeDraft(
        n.municipalityCode(),
        n.category(),
        n.title(),
        n.body().isEmpty() ? Map.of("ja", "詳しくは市のホームページをご覧ください。") : n.body(),
        null,
        null,
        n.validity(),
        n.severity(),
        n.audience());
  }

  /** Resident r's first page through the API, for checking the read model before the load. */
  JsonNode feedOf(String residentId, LocalStack stack) throws Exception {
    var response =
        send(get("/api/v1/me/feed?size=" + FEED_PAGE, stack.tokens().resident(residentId)));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the feed answered " + response.statusCode());
    }
    return Json.mapper().readTree(response.body());
  }

  private HttpRequest get(String path, String token) {
    return HttpRequest.newBuilder(URI.create(api + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .GET()
        .build();
  }

  private HttpRequest post(String path, String token, String json) {
    return HttpRequest.newBuilder(URI.create(api + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    producer.close();
  }
}
