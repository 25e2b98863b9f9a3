package io.kairan.deploy.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kairan.client.ApiClient;
import io.kairan.client.ApiException;
import io.kairan.client.api.AnalystsApi;
import io.kairan.client.api.ApprovalsApi;
import io.kairan.client.api.OperatorsApi;
import io.kairan.client.api.PublishersApi;
import io.kairan.client.api.ResidentsApi;
import io.kairan.client.model.AllOf;
import io.kairan.client.model.Approval;
import io.kairan.client.model.ApprovalState;
import io.kairan.client.model.Category;
import io.kairan.client.model.Comparison;
import io.kairan.client.model.HasChildAgedBetween;
import io.kairan.client.model.Hazard;
import io.kairan.client.model.InDistrict;
import io.kairan.client.model.NotReached;
import io.kairan.client.model.NotReachedList;
import io.kairan.client.model.Notice;
import io.kairan.client.model.NoticeDraft;
import io.kairan.client.model.NoticeRead;
import io.kairan.client.model.NoticeStatus;
import io.kairan.client.model.PublisherKind;
import io.kairan.client.model.Purpose;
import io.kairan.client.model.Reach;
import io.kairan.client.model.ReachFigures;
import io.kairan.client.model.Request;
import io.kairan.client.model.ResidentProfile;
import io.kairan.client.model.Rollback;
import io.kairan.client.model.RulePublication;
import io.kairan.client.model.RuleSet;
import io.kairan.client.model.RuleSlot;
import io.kairan.client.model.Rules;
import io.kairan.client.model.ScheduledNotice;
import io.kairan.client.model.ScoreWeights;
import io.kairan.client.model.Severity;
import io.kairan.client.model.SimulationRequest;
import io.kairan.client.model.SimulationStatus;
import io.kairan.client.model.State;
import io.kairan.client.model.Validity;
import io.kairan.deploy.stack.LocalStack;
import io.kairan.deploy.stack.StackOptions;
import io.kairan.deploy.stack.Waits;
import io.kairan.model.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A department, a firm and an analyst do their journeys through the Java client that deploy
 * generates from the API's committed OpenAPI document (api/openapi.json, openapi-generator's {@code
 * java} generator on the JDK's HttpClient), against the real local stack: so the document says what
 * the running API does, and a client made from it alone works.
 */
class ApiClientIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final String MUNICIPALITY = "072028";
  private static final Path SAMPLES = Path.of(System.getProperty("kairan.samples", "../samples"));
  private static LocalStack stack;

  @BeforeAll
  static void startStack() throws Exception {
    stack = LocalStack.start(StackOptions.freePorts(SAMPLES, 0));
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  /** The generated client, calling the stack's API with this bearer token. */
  private static ApiClient as(String token) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(stack.apiUrl());
    client.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + token));
    return client;
  }

  private static String department(String id) {
    return stack.tokens().publisher(id, "会津若松市 " + id, "DEPARTMENT", MUNICIPALITY);
  }

  private static String firm(String id) {
    return stack.tokens().publisher(id, id, "FIRM", MUNICIPALITY);
  }

  private static String analyst(String id) {
    return stack.tokens().token(id, "ANALYST", Map.of());
  }

  /** Valid from an hour ago for thirty days, on the system's clock (the API's). */
  private static NoticeDraft draft(String title) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    return new NoticeDraft()
        .municipalityCode(MUNICIPALITY)
        .category(Category.CHILDCARE)
        .severity(Severity.IMPORTANT)
        .title(Map.of("ja", title, "en", "Child allowance"))
        .body(Map.of("ja", "<p>12月15日までに提出してください。</p>"))
        .validity(new Validity().from(now.minusHours(1)).until(now.plusDays(30)))
        .audience(
            new AllOf()
                .addAllItem(new InDistrict().addDistrictsItem("北会津町"))
                .addAllItem(new HasChildAgedBetween().min(0).max(6)));
  }

  /** A call that answers 503 while the API still reads its topics, asked again until it does. */
  private static <T> T once503Passes(Call<T> call) throws Exception {
    AtomicReference<T> answer = new AtomicReference<>();
    Waits.until(
        "the API past its start (503)",
        PATIENCE,
        () -> {
          try {
            answer.set(call.run());
            return true;
          } catch (ApiException e) {
            if (e.getCode() == 503) {
              return false;
            }
            throw e;
          }
        });
    return answer.get();
  }

  @FunctionalInterface
  interface Call<T> {
    T run() throws Exception;
  }

  @Test
  void aDepartmentPreviewsPostsChangesListsReadsSchedulesAndCancels() throws Exception {
    String id = "kodomo-ka-" + UUID.randomUUID();
    PublishersApi city = new PublishersApi(as(department(id)));

    ReachFigures reach = once503Passes(() -> city.previewReach(draft("児童手当の現況届")));
    // No residents in this stack: nobody is reached, and a count under 10 is withheld.
    assertThat(reach.getMinimumGroup()).isEqualTo(10);
    assertThat(reach.getWithheld()).isTrue();

    // The same body for the retry below: validity is worked out from the clock.
    NoticeDraft first = draft("児童手当の現況届");
    Notice posted = once503Passes(() -> city.postNotice(first, "key-" + id));
    assertThat(posted.getVersion()).isEqualTo(1);
    assertThat(posted.getStatus()).isEqualTo(NoticeStatus.PUBLISHED);
    assertThat(posted.getPublisher().getKind()).isEqualTo(PublisherKind.DEPARTMENT);
    // A retry with the same key is the same notice, not a second one.
    assertThat(city.postNotice(first, "key-" + id).getId()).isEqualTo(posted.getId());

    Notice changed = city.updateNotice(posted.getId(), draft("児童手当の現況届（様式を追加）"), "\"1\"");
    assertThat(changed.getVersion()).isEqualTo(2);

    assertThat(city.listNotices(null, null, null, null).getItems())
        .extracting(Notice::getId, Notice::getVersion)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(posted.getId(), 2));

    NoticeRead read = city.getNotice(posted.getId());
    assertThat(read.getTitle()).containsEntry("ja", "児童手当の現況届（様式を追加）");
    assertThat(read.getVersions()).extracting(v -> v.getVersion()).containsExactly(1, 2);

    OffsetDateTime inAWeek =
        OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).truncatedTo(ChronoUnit.SECONDS);
    ScheduledNotice scheduled =
        city.scheduleNotice(new Request().publishAt(inAWeek).notice(draft("予防接種のお知らせ")));
    String later = scheduled.getNotice().getId();
    assertThat(city.scheduledNotices())
        .extracting(s -> s.getNotice().getId())
        .containsExactly(later);

    city.cancelScheduledNotice(later);

    assertThat(city.scheduledNotices()).isEmpty();
    assertThatThrownBy(() -> city.getNotice(later))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
  }

  @Test
  void aFirmsNoticeWaitsUntilADepartmentApprovesItThenItIsPublished() throws Exception {
    String shop = "aizu-shoten-" + UUID.randomUUID();
    PublishersApi firm = new PublishersApi(as(firm(shop)));
    NoticeDraft sale = draft("年末セール").category(Category.SHOPPING).severity(Severity.INFO);

    var submitted = once503Passes(() -> firm.postNoticeWithHttpInfo(sale, null));
    assertThat(submitted.getStatusCode()).isEqualTo(202);
    List<Approval> waiting = firm.pendingNotices();
    assertThat(waiting)
        .extracting(Approval::getState)
        .containsExactly(ApprovalState.PENDING_APPROVAL);
    String id = waiting.get(0).getNotice().getId();
    assertThatThrownBy(() -> firm.getNotice(id))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));

    String approver = "shoko-ka-" + UUID.randomUUID();
    ApprovalsApi city = new ApprovalsApi(as(department(approver)));
    assertThat(city.approvalQueue()).extracting(a -> a.getNotice().getId()).contains(id);
    Approval approved = city.approveNotice(id);

    assertThat(approved.getState()).isEqualTo(ApprovalState.APPROVED);
    assertThat(approved.getDecision().getBy()).isEqualTo(approver);
    assertThat(city.approvalQueue()).extracting(a -> a.getNotice().getId()).doesNotContain(id);
    // Published: on notices.v1, so in the firm's own notices as version 1.
    NoticeRead published = firm.getNotice(id);
    assertThat(published.getStatus()).isEqualTo(NoticeStatus.PUBLISHED);
    assertThat(published.getVersion()).isEqualTo(1);
    assertThat(published.getPublisher().getKind()).isEqualTo(PublisherKind.FIRM);
    assertThat(firm.pendingNotices()).isEmpty();
  }

  @Test
  void anOperatorPreviewsApprovesAFirmsNoticeAndGetsWhoAnEmergencyDidNotReachForAStatedPurpose()
      throws Exception {
    String operatorToken =
        stack
            .tokens()
            .token(
                "ops-" + UUID.randomUUID(), "OPERATOR", Map.of("municipality_code", MUNICIPALITY));
    PublishersApi operatorAsPublisherCalls = new PublishersApi(as(operatorToken));
    ApprovalsApi approvals = new ApprovalsApi(as(operatorToken));
    OperatorsApi operator = new OperatorsApi(as(operatorToken));

    // A preview of any draft of the city.
    ReachFigures reach =
        once503Passes(() -> operatorAsPublisherCalls.previewReach(draft("防災訓練のお知らせ")));
    assertThat(reach.getMinimumGroup()).isEqualTo(10);

    // A firm's notice, approved by the operator.
    PublishersApi shop = new PublishersApi(as(firm("aizu-ya-" + UUID.randomUUID())));
    once503Passes(
        () ->
            shop.postNoticeWithHttpInfo(
                draft("防災用品セール").category(Category.SHOPPING).severity(Severity.INFO), null));
    String waiting = shop.pendingNotices().get(0).getNotice().getId();
    assertThat(approvals.approveNotice(waiting).getState()).isEqualTo(ApprovalState.APPROVED);

    // A resident of 一箕町 opted in without a device; the city warns 一箕町 of a landslide.
    String resident = "r-ichiki-" + UUID.randomUUID();
    new ResidentsApi(as(stack.tokens().resident(resident)))
        .putProfile(
            new ResidentProfile().municipalityCode(MUNICIPALITY).district("一箕町").birthYear(1950));
    Notice warning =
        new PublishersApi(as(department("kikikanri-" + UUID.randomUUID())))
            .postNotice(
                draft("土砂災害警戒情報（訓練）")
                    .category(Category.DISASTER)
                    .severity(Severity.EMERGENCY)
                    .hazard(Hazard.LANDSLIDE)
                    .audience(new InDistrict().addDistrictsItem("一箕町")),
                null);
    Waits.until(
        "the warning delivered to the resident (one eligible resident, withheld as fewer than 10)",
        PATIENCE,
        () ->
            operatorAsPublisherCalls.noticeCoverage(warning.getId()).getDistricts().stream()
                .anyMatch(d -> "一箕町".equals(d.getDistrict())));

    assertThatThrownBy(() -> operator.notReached(warning.getId(), new Purpose().purpose("list")))
        .as("a purpose of fewer than 10 characters says nothing")
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(400));
    NotReachedList notReached =
        operator.notReached(warning.getId(), new Purpose().purpose("民生委員の戸別訪問で避難を呼びかけるため"));

    assertThat(notReached.getResidents())
        .extracting(NotReached::getResidentId, NotReached::getReason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(resident, Reach.NOT_REACHED_NO_PUSH));
    assertThat(notReached.getPurpose()).isEqualTo("民生委員の戸別訪問で避難を呼びかけるため");
  }

  private static RuleSet rules(String name, int version, double pushThreshold) {
    return new RuleSet()
        .name(name)
        .version(version)
        .weights(
            new ScoreWeights().interest(3.0).category(1.0).recency(1.0).distance(1.0).affinity(2.0))
        .categoryWeights(Map.of())
        .digestCategories(java.util.Set.of())
        .pushThreshold(pushThreshold)
        .dailyPushCap(4)
        .firmDailyPushCap(1)
        .digestTime("18:00");
  }

  @Test
  void anAnalystTriesACandidateInTheShadowComparesSimulatesRollsBackAndStopsIt() throws Exception {
    String who = "city-analytics-" + UUID.randomUUID();
    AnalystsApi analyst = new AnalystsApi(as(analyst(who)));

    RuleSet first = once503Passes(() -> analyst.publishRuleSet("shadow", rules("winter", 1, 0.4)));
    assertThat(first.getSlot()).isEqualTo(RuleSlot.SHADOW);
    analyst.publishRuleSet("shadow", rules("winter", 2, 0.5));

    // ---- Analysts' calls beyond PUT and DELETE /api/v1/rules/{slot} (issue #11, item 6) ----
    Rules held = analyst.ruleSets();
    assertThat(held.getShadowHistory())
        .extracting(p -> p.getRules().getVersion(), RulePublication::getPublishedBy)
        .startsWith(
            org.assertj.core.groups.Tuple.tuple(2, who),
            org.assertj.core.groups.Tuple.tuple(1, who));
    String version1 = held.getShadowHistory().get(1).getId();

    RulePublication rolledBack = analyst.rollbackRuleSet("shadow", new Rollback().id(version1));
    assertThat(rolledBack.getRollbackOf()).isEqualTo(version1);
    assertThat(rolledBack.getRules().getVersion()).isEqualTo(1);
    Waits.until(
        "the shadow slot to hold version 1 again",
        PATIENCE,
        () -> {
          var shadow = analyst.ruleSets().getShadow();
          return shadow != null && shadow.getRules() != null && shadow.getRules().getVersion() == 1;
        });

    Instant now = Instant.now();
    Comparison comparison =
        analyst.compareRuleSets(now.minus(Duration.ofDays(1)).toString(), now.toString());
    assertThat(comparison.getMinimumGroup()).isEqualTo(10);
    assertThat(comparison.getActive()).isNotNull();
    assertThat(comparison.getShadow()).isNotNull();

    SimulationStatus started =
        analyst.startSimulation(new SimulationRequest().rules(rules("spring", 1, 0.3)).days(1));
    assertThat(started.getId()).isNotBlank();
    AtomicReference<SimulationStatus> done = new AtomicReference<>();
    Waits.until(
        "the simulation to finish",
        PATIENCE,
        () -> {
          done.set(analyst.simulation(started.getId()));
          return done.get().getState() != State.RUNNING;
        });
    assertThat(done.get().getState()).isEqualTo(State.DONE);
    assertThat(done.get().getProgress()).isEqualTo(1.0);
    assertThat(done.get().getFigures().getCandidate()).isNotNull();
    // ---- end of the analysts' further calls ----

    analyst.stopShadowRuleSet("shadow");
    Waits.until(
        "the shadow slot to be empty",
        PATIENCE,
        () -> {
          var shadow = analyst.ruleSets().getShadow();
          return shadow == null || shadow.getRules() == null;
        });
    assertThatThrownBy(() -> analyst.stopShadowRuleSet("active"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(409));
  }

  @Test
  void readinessHasKafkaUpAndAnOperatorSeesElasticsearchUpAndPrometheusMetrics() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String operator =
        stack
            .tokens()
            .token("city-operations", "OPERATOR", Map.of("municipality_code", MUNICIPALITY));
    AtomicReference<JsonNode> readiness = new AtomicReference<>();
    Waits.until(
        "readiness with kafka UP",
        PATIENCE,
        () -> {
          var answer =
              http.send(
                  HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/actuator/health/readiness"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          readiness.set(Json.mapper().readTree(answer.body()));
          return "UP"
              .equals(readiness.get().path("components").path("kafka").path("status").asText());
        });
    assertThat(
            readiness
                .get()
                .path("components")
                .path("kafka")
                .path("details")
                .path("brokers")
                .asInt())
        .isEqualTo(1);

    var health = actuator(http, "/actuator/health", operator);
    JsonNode elasticsearch =
        Json.mapper().readTree(health.body()).path("components").path("elasticsearch");
    assertThat(elasticsearch.path("status").asText()).isEqualTo("UP");
    assertThat(elasticsearch.path("details").path("nodes").asInt()).isEqualTo(1);

    var prometheus = actuator(http, "/actuator/prometheus", operator);
    assertThat(prometheus.statusCode()).isEqualTo(200);
    assertThat(prometheus.body()).contains("# TYPE http_server_requests_seconds");
  }

  /** The actuator's answer at this path, asked with the token (not through the client). */
  private static HttpResponse<String> actuator(HttpClient http, String path, String token)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(stack.apiUrl() + path))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
