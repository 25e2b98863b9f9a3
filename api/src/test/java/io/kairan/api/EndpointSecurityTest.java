package io.kairan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.kairan.api.approval.Approval;
import io.kairan.api.approval.ApprovalBook;
import io.kairan.api.index.CurrentNotices;
import io.kairan.api.index.Deliveries;
import io.kairan.api.index.NoticeCounts;
import io.kairan.api.kafka.RecordPublisher;
import io.kairan.api.ledger.NoticeLedger;
import io.kairan.api.notice.NoticeTestSupport;
import io.kairan.api.schedule.ScheduleBook;
import io.kairan.api.schedule.ScheduledNotice;
import io.kairan.api.security.Role;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.testkit.tokens.TokenIssuer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint against real signed tokens, decoded and checked by the API's own decoder (no
 * {@code jwt()} shortcut): none, expired, signed with another key, from another issuer, with each
 * wrong role, without a subject or expiry, a publisher's without a known kind, and another
 * publisher's notice; and what the firewall refuses (a path or header HTTP does not allow) is a
 * problem too. The endpoints are listed here and checked against what the controllers map, so a new
 * endpoint fails this test until it is in the table. Kafka and Elasticsearch are stand-ins; the
 * decoder, the rules, the ledger and the controllers are real.
 */
@WebMvcTest(properties = "kairan.security.jwt-secret=" + EndpointSecurityTest.SECRET)
@Import({
  io.kairan.api.security.SecurityTestSupport.class,
  NoticeTestSupport.class,
  io.kairan.api.feed.FeedTestSupport.class,
  io.kairan.api.reach.ReachTestSupport.class
})
class EndpointSecurityTest {
  static final String SECRET = "0123456789abcdef0123456789abcdef";
  static final String OTHER_SECRET = "fedcba9876543210fedcba9876543210";
  static final Instant NOW = NoticeTestSupport.NOW;
  static final String OWNER = "dept-1";

  /** The municipality of the draft every notice endpoint is called with. */
  static final String MUNICIPALITY = "072028";

  /**
   * One endpoint: who may call it, and a request that succeeds for them ({@code {id}} is a notice
   * of {@link #OWNER}'s at version 1).
   */
  record Endpoint(
      HttpMethod method, String pattern, Role role, String path, String body, Role alsoAllowed) {
    Endpoint(HttpMethod method, String pattern, Role role, String path, String body) {
      this(method, pattern, role, path, body, null);
    }

    boolean allows(Role r) {
      return r == role || r == alsoAllowed;
    }

    String name() {
      return method + " " + pattern;
    }

    @Override
    public String toString() {
      return name();
    }

    boolean namesANotice() {
      return pattern.startsWith("/api/v1/notices/{id}");
    }
  }

  static final String PROFILE =
      """
      {"municipalityCode":"072028","district":"湊町","birthYear":1950,
       "consents":{"HEALTH":{"granted":true,"at":"2026-11-01T00:00:00Z"}}}
      """;
  static final String RULES =
      """
      {"name":"aizu-winter","version":3,
       "weights":{"interest":3,"category":1,"recency":1,"distance":1,"affinity":2},
       "categoryWeights":{},"digestCategories":[],"pushThreshold":0.4,"dailyPushCap":4,
       "firmDailyPushCap":1,"digestTime":"18:00"}
      """;

  /** The draft, to be published a day after {@link #NOW}. */
  static final String SCHEDULED =
      "{\"publishAt\":\"2026-11-24T09:00:00Z\",\"notice\":" + NoticeTestSupport.DRAFT + "}";

  static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint(
              HttpMethod.PUT, "/api/v1/me/profile", Role.RESIDENT, "/api/v1/me/profile", PROFILE),
          new Endpoint(
              HttpMethod.DELETE, "/api/v1/me/profile", Role.RESIDENT, "/api/v1/me/profile", null),
          new Endpoint(
              HttpMethod.POST,
              "/api/v1/me/devices",
              Role.RESIDENT,
              "/api/v1/me/devices",
              "{\"token\":\"t-1\",\"platform\":\"ANDROID\",\"locale\":\"ja\"}"),
          new Endpoint(HttpMethod.GET, "/api/v1/me/feed", Role.RESIDENT, "/api/v1/me/feed", null),
          new Endpoint(
              HttpMethod.POST,
              "/api/v1/me/feedback",
              Role.RESIDENT,
              "/api/v1/me/feedback",
              "{\"noticeId\":\"n-1\",\"kind\":\"USEFUL\"}"),
          new Endpoint(
              HttpMethod.POST,
              "/api/v1/notices",
              Role.PUBLISHER,
              "/api/v1/notices",
              NoticeTestSupport.DRAFT),
          new Endpoint(HttpMethod.GET, "/api/v1/notices", Role.PUBLISHER, "/api/v1/notices", null),
          new Endpoint(
              HttpMethod.POST,
              "/api/v1/notices/scheduled",
              Role.PUBLISHER,
              "/api/v1/notices/scheduled",
              SCHEDULED),
          new Endpoint(
              HttpMethod.GET,
              "/api/v1/notices/scheduled",
              Role.PUBLISHER,
              "/api/v1/notices/scheduled",
              null),
          new Endpoint(
              HttpMethod.PUT,
              "/api/v1/notices/scheduled/{id}",
              Role.PUBLISHER,
              "/api/v1/notices/scheduled/{id}",
              SCHEDULED),
          new Endpoint(
              HttpMethod.DELETE,
              "/api/v1/notices/scheduled/{id}",
              Role.PUBLISHER,
              "/api/v1/notices/scheduled/{id}",
              null),
          new Endpoint(
              HttpMethod.POST,
              "/api/v1/notices/preview",
              Role.PUBLISHER,
              "/api/v1/notices/preview",
              NoticeTestSupport.DRAFT,
              Role.OPERATOR),
          new Endpoint(
              HttpMethod.GET,
              "/api/v1/notices/pending",
              Role.PUBLISHER,
              "/api/v1/notices/pending",
              null),
          new Endpoint(
              HttpMethod.GET,
              "/api/v1/approvals",
              Role.PUBLISHER,
              "/api/v1/approvals",
              null,
              Role.OPERATOR),
          new Endpoint(
              HttpMethod.POST,
              "/api/v1/approvals/{id}/approve",
              Role.PUBLISHER,
              "/api/v1/approvals/{id}/approve",
              null,
              Role.OPERATOR),
          new Endpoint(
              HttpMethod.POST,
              "/api/v1/approvals/{id}/reject",
              Role.PUBLISHER,
              "/api/v1/approvals/{id}/reject",
              "{\"reason\":\"営業時間の記載がありません\"}",
              Role.OPERATOR),
          new Endpoint(
              HttpMethod.GET, "/api/v1/notices/{id}", Role.PUBLISHER, "/api/v1/notices/{id}", null),
          new Endpoint(
              HttpMethod.PUT,
              "/api/v1/notices/{id}",
              Role.PUBLISHER,
              "/api/v1/notices/{id}",
              NoticeTestSupport.DRAFT),
          new Endpoint(
              HttpMethod.POST,
              "/api/v1/notices/{id}/withdraw",
              Role.PUBLISHER,
              "/api/v1/notices/{id}/withdraw",
              null),
          new Endpoint(
              HttpMethod.GET,
              "/api/v1/notices/{id}/figures",
              Role.PUBLISHER,
              "/api/v1/notices/{id}/figures",
              null),
          new Endpoint(
              HttpMethod.PUT, "/api/v1/rules/{slot}", Role.ANALYST, "/api/v1/rules/shadow", RULES),
          new Endpoint(
              HttpMethod.DELETE,
              "/api/v1/rules/{slot}",
              Role.ANALYST,
              "/api/v1/rules/shadow",
              null));

  @Autowired MockMvc mvc;
  @Autowired NoticeLedger ledger;
  @Autowired ScheduleBook schedule;
  @Autowired ApprovalBook approvals;
  @Autowired RequestMappingHandlerMapping mappings;
  @MockitoBean RecordPublisher kafka;
  @MockitoBean Deliveries deliveries;
  @MockitoBean CurrentNotices currentNotices;
  @MockitoBean NoticeCounts noticeCounts;

  private final Clock now = Clock.fixed(NOW, ZoneOffset.UTC);
  private final TokenIssuer issuer = new TokenIssuer(SECRET, "kairan-local", now);

  /** A notice of {@link #OWNER}'s at version 1, new for each test. */
  private String noticeId;

  @BeforeEach
  void aNoticeOfTheOwnersAndEmptyFigures() {
    noticeId = "n-" + UUID.randomUUID();
    ledger.apply(
        NoticeTestSupport.departmentNotice(noticeId, OWNER, 1, NoticeStatus.PUBLISHED, NOW));
    // The same id also waits in the schedule, for the calls on scheduled notices.
    Instant tomorrow = NOW.plus(Duration.ofDays(1));
    schedule.put(
        new ScheduledNotice(
            tomorrow,
            NoticeTestSupport.departmentNotice(
                noticeId, OWNER, 1, NoticeStatus.PUBLISHED, tomorrow)));
    // And a firm's notice under the same id waits for approval, for the calls on approvals.
    approvals.put(Approval.pending(NoticeTestSupport.firmNotice(noticeId, "shop-1", NOW), NOW));
    when(noticeCounts.of(any())).thenReturn(new NoticeCounts.Counts(0, Map.of(), Map.of()));
  }

  static Stream<Endpoint> endpoints() {
    return ENDPOINTS.stream();
  }

  static Stream<Arguments> endpointsAndWrongRoles() {
    return ENDPOINTS.stream()
        .flatMap(
            e ->
                Arrays.stream(Role.values())
                    .filter(r -> !e.allows(r))
                    .map(r -> Arguments.of(e, r)));
  }

  static Stream<Endpoint> noticeEndpoints() {
    return ENDPOINTS.stream().filter(Endpoint::namesANotice);
  }

  private String tokenFor(TokenIssuer by, Role role, String subject) {
    return switch (role) {
      case PUBLISHER ->
          by.token(
              subject,
              role.name(),
              Map.of(
                  "name",
                  subject,
                  "publisher_kind",
                  "DEPARTMENT",
                  "municipality_code",
                  MUNICIPALITY));
      case OPERATOR -> by.token(subject, role.name(), Map.of("municipality_code", MUNICIPALITY));
      default -> by.token(subject, role.name(), Map.of());
    };
  }

  private String rightToken(Endpoint e) {
    return tokenFor(issuer, e.role(), e.role() == Role.PUBLISHER ? OWNER : "someone-1");
  }

  private ResultActions call(Endpoint e, String token) throws Exception {
    var request =
        MockMvcRequestBuilders.request(e.method(), e.path().replace("{id}", noticeId))
            .header(HttpHeaders.IF_MATCH, "\"1\"");
    if (token != null) {
      request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
    if (e.body() != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(e.body());
    }
    return mvc.perform(request);
  }

  @Test
  void theTableListsExactlyTheEndpointsTheControllersMap() {
    Set<String> mapped = new TreeSet<>();
    mappings
        .getHandlerMethods()
        .keySet()
        .forEach(
            info ->
                info.getPatternValues().stream()
                    .filter(p -> p.startsWith("/api/"))
                    .forEach(
                        p ->
                            info.getMethodsCondition()
                                .getMethods()
                                .forEach(m -> mapped.add(m.name() + " " + p))));

    assertThat(mapped)
        .containsExactlyInAnyOrderElementsOf(ENDPOINTS.stream().map(Endpoint::name).toList());
  }

  @Test
  void noResidentEndpointNamesAnIdSoAResidentOnlyEverReachesTheirOwnData() {
    assertThat(ENDPOINTS)
        .filteredOn(e -> e.role() == Role.RESIDENT)
        .allSatisfy(e -> assertThat(e.pattern()).startsWith("/api/v1/me/").doesNotContain("{"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void theRightTokenIsLetThrough(Endpoint e) throws Exception {
    call(e, rightToken(e)).andExpect(status().is2xxSuccessful());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void noTokenIs401AsAProblem(Endpoint e) throws Exception {
    call(e, null)
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void anExpiredTokenIs401(Endpoint e) throws Exception {
    // Issued two days ago, so it expired a day ago (tokens live a day).
    var yesterday = new TokenIssuer(SECRET, "kairan-local", Clock.offset(now, Duration.ofDays(-2)));
    call(e, tokenFor(yesterday, e.role(), OWNER)).andExpect(status().isUnauthorized());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void aTokenSignedWithAnotherKeyIs401(Endpoint e) throws Exception {
    var forger = new TokenIssuer(OTHER_SECRET, "kairan-local", now);
    call(e, tokenFor(forger, e.role(), OWNER)).andExpect(status().isUnauthorized());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void aTokenFromAnotherIssuerIs401(Endpoint e) throws Exception {
    var elsewhere = new TokenIssuer(SECRET, "another-city", now);
    call(e, tokenFor(elsewhere, e.role(), OWNER)).andExpect(status().isUnauthorized());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void aMangledTokenIs401(Endpoint e) throws Exception {
    String token = rightToken(e);
    call(e, token.substring(0, token.length() - 4) + "AAAA").andExpect(status().isUnauthorized());
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("endpointsAndWrongRoles")
  void aTokenWithAnotherRoleIs403AsAProblem(Endpoint e, Role role) throws Exception {
    call(e, tokenFor(issuer, role, OWNER))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("noticeEndpoints")
  void anotherPublishersNoticeIs403(Endpoint e) throws Exception {
    call(e, tokenFor(issuer, Role.PUBLISHER, "dept-2")).andExpect(status().isForbidden());
  }

  /** The right claims for the endpoint's role, before any is left out. */
  private JWTClaimsSet.Builder claimsFor(Endpoint e) {
    var claims =
        new JWTClaimsSet.Builder()
            .issuer("kairan-local")
            .subject(e.role() == Role.PUBLISHER ? OWNER : "someone-1")
            .issueTime(Date.from(NOW))
            .expirationTime(Date.from(NOW.plus(Duration.ofHours(1))))
            .claim("roles", List.of(e.role().name()));
    return e.role() == Role.PUBLISHER
        ? claims
            .claim("name", OWNER)
            .claim("publisher_kind", "DEPARTMENT")
            .claim("municipality_code", MUNICIPALITY)
        : claims;
  }

  /** Signed with the API's key, so only the claims can be what is wrong. */
  private static String signed(JWTClaimsSet claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void aHandSignedTokenWithEveryClaimIsLetThrough(Endpoint e) throws Exception {
    call(e, signed(claimsFor(e).build())).andExpect(status().is2xxSuccessful());
  }

  static Stream<Arguments> endpointsAndRequiredClaims() {
    return ENDPOINTS.stream().flatMap(e -> Stream.of("sub", "exp").map(c -> Arguments.of(e, c)));
  }

  @ParameterizedTest(name = "{0} without {1}")
  @MethodSource("endpointsAndRequiredClaims")
  void aTokenWithoutItsSubjectOrExpiryIs401AsAProblem(Endpoint e, String claim) throws Exception {
    call(e, signed(claimsFor(e).claim(claim, null).build()))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  static Stream<Arguments> publisherEndpointsAndUnknownKinds() {
    return ENDPOINTS.stream()
        .filter(e -> e.role() == Role.PUBLISHER)
        .flatMap(e -> Stream.of("", "MAYOR", "FEED").map(kind -> Arguments.of(e, kind)));
  }

  @ParameterizedTest(name = "{0} with publisher_kind \"{1}\"")
  @MethodSource("publisherEndpointsAndUnknownKinds")
  void aPublisherTokenWithoutAKnownKindIs403AsAProblemAndPublishesNothing(Endpoint e, String kind)
      throws Exception {
    // "" stands for a token without the claim at all.
    Map<String, String> claims =
        kind.isEmpty() ? Map.of("name", OWNER) : Map.of("name", OWNER, "publisher_kind", kind);

    call(e, issuer.token(OWNER, Role.PUBLISHER.name(), claims))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", containsString("what kind of publisher you are")));

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }

  private ResultActions postEmergency(String token) throws Exception {
    return mvc.perform(
        MockMvcRequestBuilders.post("/api/v1/notices")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON)
            .content(NoticeTestSupport.DRAFT.replace("\"IMPORTANT\"", "\"EMERGENCY\"")));
  }

  @Test
  void aResidentAndPublisherTokenWithoutAKindCannotPostAnEmergency() throws Exception {
    // A space-separated roles claim carries both roles.
    String token =
        issuer.token(OWNER, "PUBLISHER", Map.of("roles", "RESIDENT PUBLISHER", "name", OWNER));

    postEmergency(token).andExpect(status().isForbidden());

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }

  @Test
  void aResidentAndPublisherTokenWithAKindPostsAsThatKindOfPublisher() throws Exception {
    String token =
        issuer.token(
            OWNER,
            "PUBLISHER",
            Map.of("roles", "RESIDENT PUBLISHER", "name", OWNER, "publisher_kind", "FIRM"));

    // A firm may not post an emergency: the kind in the token is the one that counts.
    postEmergency(token).andExpect(status().isBadRequest());
    postEmergency(
            issuer.token(
                OWNER,
                "PUBLISHER",
                Map.of(
                    "roles", "RESIDENT PUBLISHER", "name", OWNER, "publisher_kind", "DEPARTMENT")))
        .andExpect(status().isCreated());
  }

  /** A header value as the server reads it off the wire: UTF-8 bytes taken as ISO-8859-1. */
  private static String onTheWire(String value) {
    return new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  private static ResultActions isA400Problem(ResultActions result) throws Exception {
    return result
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(400));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Idempotency-Key", "If-Match"})
  void aNonAsciiHeaderTheApiReadsIsA400ProblemAndPublishesNothing(String header) throws Exception {
    var request =
        header.equals(HttpHeaders.IF_MATCH)
            ? MockMvcRequestBuilders.put("/api/v1/notices/" + noticeId)
            : MockMvcRequestBuilders.post("/api/v1/notices");

    isA400Problem(
        mvc.perform(
            request
                .header(
                    HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(issuer, Role.PUBLISHER, OWNER))
                .header(header, onTheWire("\"キー\""))
                .contentType(MediaType.APPLICATION_JSON)
                .content(NoticeTestSupport.DRAFT)));

    verify(kafka, never()).publish(any(), any(), any(), anyMap());
  }

  @Test
  void aNonAsciiBearerTokenIsA400Problem() throws Exception {
    isA400Problem(
        mvc.perform(
            MockMvcRequestBuilders.get("/api/v1/me/feed")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + onTheWire("キー"))));
  }

  @Test
  void aSemicolonInThePathIsA400Problem() throws Exception {
    isA400Problem(
        mvc.perform(
            MockMvcRequestBuilders.get("/api/v1/notices/a;b")
                .header(
                    HttpHeaders.AUTHORIZATION,
                    "Bearer " + tokenFor(issuer, Role.PUBLISHER, OWNER))));
  }

  @Test
  void aDoubleSlashInThePathIsA400Problem() throws Exception {
    isA400Problem(
        mvc.perform(
            MockMvcRequestBuilders.get("/api/v1/me/feed")
                .with(
                    request -> {
                      request.setRequestURI("//api/v1/me/feed");
                      return request;
                    })
                .header(
                    HttpHeaders.AUTHORIZATION,
                    "Bearer " + tokenFor(issuer, Role.RESIDENT, "r-1"))));
  }
}
