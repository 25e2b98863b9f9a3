package io.kairan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.kairan.api.approval.Approval;
import io.kairan.api.approval.ApprovalBook;
import io.kairan.api.index.CurrentNotices;
import io.kairan.api.index.NoticeCounts;
import io.kairan.api.kafka.RecordPublisher;
import io.kairan.api.ledger.NoticeLedger;
import io.kairan.api.notice.NoticeTestSupport;
import io.kairan.api.schedule.ScheduleBook;
import io.kairan.api.schedule.ScheduledNotice;
import io.kairan.api.search.NoticeSearch;
import io.kairan.api.security.Role;
import io.kairan.model.notice.NoticeStatus;
import io.kairan.testkit.tokens.LocalIdentityProvider;
import io.kairan.testkit.tokens.TokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The security suite. The API runs as a city runs it, on an identity provider's JWKS (a local one,
 * real RS256 and ES256 signatures, the API's own decoder: no {@code jwt()} shortcut, no mocked
 * decoder). Every endpoint the controllers map, found in the handler mapping so a new one is
 * covered the day it is added, is refused (401, as a problem, nothing published or changed) with no
 * token, an expired one, one from another issuer or for another audience, {@code alg: none}, HS256
 * "signed" with the provider's public key or a guessed secret, another key under the provider's key
 * id, without a subject or expiry. The table below says who may call each endpoint: every other
 * role is 403, another municipality's publisher 403, another publisher on an owned notice 403. An
 * endpoint neither in the table nor on {@link #PUBLIC} fails {@link
 * #everyMappedEndpointIsInTheTableOrPublic}. Kafka and Elasticsearch are stand-ins; the rules, the
 * ledger, the books and the controllers are real.
 */
// Simulations run at once as many as the tests start (one each), so none waits for a slot.
@WebMvcTest(properties = "kairan.rules.figures.simulations=1000")
@Import({
  io.kairan.api.security.SecurityTestSupport.class,
  NoticeTestSupport.class,
  io.kairan.api.feed.FeedTestSupport.class,
  io.kairan.api.reach.ReachTestSupport.class,
  io.kairan.api.rules.RulesTestSupport.class,
  io.kairan.api.comparison.ComparisonTestSupport.class,
  io.kairan.api.simulation.Simulations.class,
  io.kairan.api.email.EmailTestSupport.class,
  ResidentTestSupport.class
})
class EndpointSecurityTest {
  static final String ISSUER = "https://id.city.example/realms/aizu";
  static final String AUDIENCE = "kairan-api";
  static final Instant NOW = NoticeTestSupport.NOW;
  static final String OWNER = "dept-1";

  /** The municipality of the draft every notice endpoint is called with, and of the publishers. */
  static final String MUNICIPALITY = "072028";

  /** Mapped, and open to anyone: nothing else may be. */
  static final Set<String> PUBLIC = Set.of("/error", "/api/v1/email/verification");

  static final LocalIdentityProvider PROVIDER = start();

  private static LocalIdentityProvider start() {
    try {
      return LocalIdentityProvider.start(ISSUER, AUDIENCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void theCitysIdentityProvider(DynamicPropertyRegistry properties) {
    properties.add("kairan.security.jwks-uri", () -> PROVIDER.jwksUri().toString());
    properties.add("kairan.security.issuer", () -> ISSUER);
    properties.add("kairan.security.audience", () -> AUDIENCE);
  }

  @AfterAll
  static void stopTheProvider() {
    PROVIDER.close();
  }

  /**
   * One endpoint: who may call it, and a request that succeeds for them ({@code {id}} is a notice
   * of {@link #OWNER}'s at version 1, also scheduled, and a firm's notice waiting for approval).
   */
  record Endpoint(HttpMethod method, String pattern, List<Role> roles, String path, String body) {
    Endpoint(HttpMethod method, String pattern, Role role, String path, String body) {
      this(method, pattern, role == null ? List.of() : List.of(role), path, body);
    }

    /** The role whose token the table's request succeeds with. */
    Role role() {
      return roles.get(0);
    }

    boolean allows(Role r) {
      return roles.contains(r);
    }

    String name() {
      return method + " " + pattern;
    }

    @Override
    public String toString() {
      return name();
    }

    /** Acts on a notice of one publisher's: another publisher is refused. */
    boolean ownedByAPublisher() {
      return pattern.startsWith("/api/v1/notices/{id}")
          || pattern.startsWith("/api/v1/notices/scheduled/{id}")
          || pattern.startsWith("/api/v1/notices/drafts/{id}");
    }

    /** Names a municipality (a draft's, or the waiting notice's): another one's is refused. */
    boolean boundToAMunicipality() {
      return forPublishers()
          && ((body != null && body.contains("municipalityCode"))
              || pattern.startsWith("/api/v1/approvals/{id}"));
    }

    boolean forPublishers() {
      return role() == Role.DEPARTMENT;
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

  static final String SIMULATION = "{\"rules\":" + RULES + ",\"days\":1}";

  /** The draft, to be published a day after {@link #NOW}. */
  static final String SCHEDULED =
      "{\"publishAt\":\"2026-11-24T09:00:00Z\",\"notice\":" + NoticeTestSupport.DRAFT + "}";

  /** The draft as a correction of itself: it says what it puts right. */
  static final String CORRECTION =
      NoticeTestSupport.DRAFT.replaceFirst(
          "\\}\\s*$", ",\"whatChanged\":{\"ja\":\"申請の締切を訂正しました\"}}");

  /** The device of the table's resident ({@code someone-1}) the table's DELETE removes. */
  static final String RESIDENTS_DEVICE = "dev-someone-1";

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
          new Endpoint(
              HttpMethod.GET, "/api/v1/me/profile", Role.RESIDENT, "/api/v1/me/profile", null),
          new Endpoint(
              HttpMethod.GET, "/api/v1/me/devices", Role.RESIDENT, "/api/v1/me/devices", null),
          new Endpoint(
              HttpMethod.DELETE,
              "/api/v1/me/devices/{id}",
              Role.RESIDENT,
              "/api/v1/me/devices/" + RESIDENTS_DEVICE,
              null),
          new Endpoint(
              HttpMethod.GET, "/api/v1/me/consents", Role.RESIDENT, "/api/v1/me/consents", null),
          new Endpoint(HttpMethod.GET, "/api/v1/me/email", Role.RESIDENT, "/api/v1/me/email", null),
          new Endpoint(
              HttpMethod.PUT,
              "/api/v1/me/email",
              Role.RESIDENT,
              "/api/v1/me/email",
              "{\"address\":\"someone-1@example.jp\"}"),
          new Endpoint(
              HttpMethod.DELETE, "/api/v1/me/email", Role.RESIDENT, "/api/v1/me/email", null),
          new Endpoint(
              HttpMethod.POST,
              "/api/v1/me/consents/{category}/withdraw",
              Role.RESIDENT,
              "/api/v1/me/consents/HEALTH/withdraw",
              null),
          new Endpoint(
              HttpMethod.GET, "/api/v1/me/export", Role.RESIDENT, "/api/v1/me/export", null),
          new Endpoint(HttpMethod.DELETE, "/api/v1/me", Role.RESIDENT, "/api/v1/me", null),
          new Endpoint(HttpMethod.GET, "/api/v1/me/feed", Role.RESIDENT, "/api/v1/me/feed", null),
          new Endpoint(
              HttpMethod.GET,
              "/api/v1/me/feed/digest",
              Role.RESIDENT,
              "/api/v1/me/feed/digest",
              null),
          new Endpoint(
              HttpMethod.GET,
              "/api/v1/me/notices/{id}",
              Role.RESIDENT,
              "/api/v1/me/notices/{id}",
              null),
          new Endpoint(
              HttpMethod.GET, "/api/v1/me/search", Role.RESIDENT, "/api/v1/me/search?q=x", null),
          new Endpoint(
              HttpMethod.POST,
              "/api/v1/me/feedback",
              Role.RESIDENT,
              "/api/v1/me/feedback",
              "{\"noticeId\":\"n-1\",\"kind\":\"USEFUL\"}"),
          new Endpoint(
              HttpMethod.POST,
              "/api/v1/notices",
              List.of(Role.DEPARTMENT, Role.FIRM),
              "/api/v1/notices",
              NoticeTestSupport.DRAFT),
          new Endpoint(
              HttpMethod.GET,
              "/api/v1/notices",
              List.of(Role.DEPARTMENT, Role.FIRM),
              "/api/v1/notices",
              null),
          new Endpoint(
              HttpMethod.POST,
              "/api/v1/notices/scheduled",
              Role.DEPARTMENT,
              "/api/v1/notices/scheduled",
              SCHEDULED),
          new Endpoint(
              HttpMethod.GET,
              "/api/v1/notices/scheduled",
              List.of(Role.DEPARTMENT, Role.FIRM),
              "/api/v1/notices/scheduled",
              null),
          new Endpoint(
              HttpMethod.PUT,
              "/api/v1/notices/scheduled/{id}",
              List.of(Role.DEPARTMENT, Role.FIRM),
              "/api/v1/notices/scheduled/{id}",
              SCHEDULED),
          new Endpoint(
              HttpMethod.DELETE,
              "/api/v1/notices/scheduled/{id}",
              List.of(Role.DEPARTMENT, Role.FIRM),
              "/api/v1/notices/scheduled/{id}",
              null),
          new Endpoint(
              HttpMethod.POST,
              "/api/v1/notices/preview",
              List.of(Role.DEPARTMENT, Role.FIRM, Role.OPERATOR),
              "/api/v1/notices/preview",
              NoticeTestSupport.DRAFT),
          new Endpoint(
              HttpMethod.GET,
              "/api/v1/notices/pending",
              List.of(Role.DEPARTMENT, Role.FIRM),
              "/api/v1/notices/pending",
              null),
          new Endpoint(
              HttpMethod.GET,
              "/api/v1/approvals",
              List.of(Role.DEPARTMENT, Role.OPERATOR),
              "/api/v1/approvals",
              null),
          new Endpoint(
              HttpMethod.POST,
              "/api/v1/approvals/{id}/approve",
              List.of(Role.DEPARTMENT, Role.OPERATOR),
              "/api/v1/approvals/{id}/approve",
              null),
          new Endpoint(
              HttpMethod.POST,
              "/api/v1/approvals/{id}/reject",
              List.of(Role.DEPARTMENT, Role.OPERATOR),
              "/api/v1/approvals/{id}/reject",
              "{\"reason\":\"営業時間の記載がありません\"}"),
          new Endpoint(
              HttpMethod.GET,
              "/api/v1/notices/{id}",
              List.of(Role.DEPARTMENT, Role.FIRM),
              "/api/v1/notices/{id}",
              null),
          new Endpoint(
              HttpMethod.PUT,
              "/api/v1/notices/{id}",
              List.of(Role.DEPARTMENT, Role.FIRM),
              "/api/v1/notices/{id}",
              NoticeTestSupport.DRAFT),
          new Endpoint(
              HttpMethod.POST,
              "/api/v1/notices/{id}/correct",
              List.of(Role.DEPARTMENT, Role.FIRM),
              "/api/v1/notices/{id}/correct",
              CORRECTION),
          new Endpoint(
              HttpMethod.POST,
              "/api/v1/notices/{id}/withdraw",
              List.of(Role.DEPARTMENT, Role.FIRM),
              "/api/v1/notices/{id}/withdraw",
              null),
          new Endpoint(
              HttpMethod.GET,
              "/api/v1/notices/{id}/figures",
              List.of(Role.DEPARTMENT, Role.FIRM),
              "/api/v1/notices/{id}/figures",
              null),
          new Endpoint(
              HttpMethod.GET,
              "/api/v1/notices/{id}/coverage",
              List.of(Role.DEPARTMENT, Role.FIRM, Role.OPERATOR),
              "/api/v1/notices/{id}/coverage",
              null),
          new Endpoint(
              HttpMethod.POST,
              "/api/v1/notices/{id}/coverage/not-reached",
              Role.OPERATOR,
              "/api/v1/notices/{id}/coverage/not-reached",
              "{\"purpose\":\"防災無線の個別受信機で知らせるため\"}"),
          new Endpoint(
              HttpMethod.POST,
              "/api/v1/notices/drafts",
              List.of(Role.DEPARTMENT, Role.FIRM),
              "/api/v1/notices/drafts",
              NoticeTestSupport.DRAFT),
          new Endpoint(
              HttpMethod.GET,
              "/api/v1/notices/drafts",
              List.of(Role.DEPARTMENT, Role.FIRM),
              "/api/v1/notices/drafts",
              null),
          new Endpoint(
              HttpMethod.GET,
              "/api/v1/notices/drafts/{id}",
              List.of(Role.DEPARTMENT, Role.FIRM),
              "/api/v1/notices/drafts/{id}",
              null),
          new Endpoint(
              HttpMethod.PUT,
              "/api/v1/notices/drafts/{id}",
              List.of(Role.DEPARTMENT, Role.FIRM),
              "/api/v1/notices/drafts/{id}",
              NoticeTestSupport.DRAFT),
          new Endpoint(
              HttpMethod.DELETE,
              "/api/v1/notices/drafts/{id}",
              List.of(Role.DEPARTMENT, Role.FIRM),
              "/api/v1/notices/drafts/{id}",
              null),
          new Endpoint(
              HttpMethod.POST,
              "/api/v1/notices/drafts/{id}/publish",
              List.of(Role.DEPARTMENT, Role.FIRM),
              "/api/v1/notices/drafts/{id}/publish",
              null),
          new Endpoint(HttpMethod.GET, "/api/v1/rules", Role.ANALYST, "/api/v1/rules", null),
          new Endpoint(
              HttpMethod.GET,
              "/api/v1/rules/comparison",
              Role.ANALYST,
              "/api/v1/rules/comparison?from=2026-11-16T00:00:00Z&to=2026-11-23T00:00:00Z",
              null),
          new Endpoint(
              HttpMethod.POST,
              "/api/v1/rules/simulations",
              Role.ANALYST,
              "/api/v1/rules/simulations",
              SIMULATION),
          new Endpoint(
              HttpMethod.GET,
              "/api/v1/rules/simulations/{id}",
              Role.ANALYST,
              "/api/v1/rules/simulations/{simulationId}",
              null),
          new Endpoint(
              HttpMethod.PUT, "/api/v1/rules/{slot}", Role.ANALYST, "/api/v1/rules/shadow", RULES),
          new Endpoint(
              HttpMethod.POST,
              "/api/v1/rules/{slot}/rollback",
              Role.ANALYST,
              "/api/v1/rules/shadow/rollback",
              "{\"id\":\"{ruleId}\"}"),
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
  @MockitoBean CurrentNotices currentNotices;
  @MockitoBean NoticeCounts noticeCounts;
  @MockitoBean NoticeSearch noticeSearch;
  @MockitoBean io.kairan.api.coverage.CoverageReader coverage;
  @MockitoBean io.kairan.api.index.ResidentDocuments residentDocuments;
  @Autowired io.kairan.api.profile.ProfileBook profiles;
  @Autowired io.kairan.api.device.DeviceBook devices;
  @MockitoBean io.kairan.api.feed.FeedDeliveries feedDeliveries;
  @Autowired io.kairan.api.draft.DraftBook drafts;
  @Autowired io.kairan.api.email.EmailBook emails;
  @MockitoBean org.springframework.mail.javamail.JavaMailSender mail;

  private final Clock now = Clock.fixed(NOW, ZoneOffset.UTC);
  private final TokenIssuer issuer = PROVIDER.tokens(now);

  /** A notice of {@link #OWNER}'s at version 1, new for each test. */
  private String noticeId;

  /** An earlier shadow rule set of this test's, to roll back to. */
  private String ruleId;

  /** A simulation this test started. */
  private String simulationId;

  @BeforeEach
  void aNoticeOfTheOwnersScheduledAFirmsWaitingAndTwoShadowRuleSets() throws Exception {
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
    // And a draft of the owner's under the same id, for the calls on drafts.
    drafts.put(
        new io.kairan.api.draft.SavedDraft(
            noticeId,
            new io.kairan.model.notice.Publisher(
                OWNER, OWNER, io.kairan.model.notice.PublisherKind.DEPARTMENT),
            io.kairan.model.json.Json.read(
                NoticeTestSupport.DRAFT, io.kairan.api.notice.NoticeDraft.class),
            NOW));
    when(coverage.coverage(org.mockito.ArgumentMatchers.any()))
        .thenReturn(
            new io.kairan.api.coverage.NoticeCoverage(
                noticeId,
                0L,
                new io.kairan.api.coverage.NoticeCoverage.ReachCounts(0L, 0L, 0L, 0L),
                List.of(),
                10));
    when(noticeCounts.of(org.mockito.ArgumentMatchers.any()))
        .thenReturn(new NoticeCounts.Counts(0, Map.of(), Map.of(), Map.of()));
    // The table's resident has a profile and a device, and nothing indexed.
    profiles.put(
        io.kairan.model.json.Json.read(PROFILE, io.kairan.model.resident.ResidentProfile.class)
            .withId("someone-1", NOW));
    devices.put(
        new io.kairan.model.resident.Device(
            RESIDENTS_DEVICE,
            "someone-1",
            "t-someone-1",
            io.kairan.model.resident.Platform.ANDROID,
            "ja",
            NOW));
    // And a verified e-mail address, given two days ago (so another may be mailed now).
    emails.put(
        new io.kairan.model.resident.EmailAddress(
            "someone-1", "old@example.jp", null, NOW.minus(Duration.ofDays(2)), NOW));
    when(mail.createMimeMessage())
        .thenReturn(new jakarta.mail.internet.MimeMessage((jakarta.mail.Session) null));
    when(residentDocuments.of(org.mockito.ArgumentMatchers.any()))
        .thenReturn(
            new io.kairan.api.index.ResidentDocuments.Held(List.of(), List.of(), List.of()));
    // The test's notice was delivered to the resident the table's calls are made for.
    when(feedDeliveries.latestOf(org.mockito.ArgumentMatchers.any(), eq(noticeId)))
        .thenReturn(
            java.util.Optional.of(
                new io.kairan.model.delivery.Delivery(
                    noticeId + "/1/r-1",
                    "r-1",
                    noticeId,
                    1,
                    null,
                    null,
                    Map.of(),
                    0.5,
                    List.of(),
                    "builtin/1",
                    io.kairan.model.delivery.Channel.FEED_ONLY,
                    NOW,
                    NOW)));
    // And n-1, the notice the table's feedback is about.
    when(feedDeliveries.latestOf(org.mockito.ArgumentMatchers.any(), eq("n-1")))
        .thenReturn(
            java.util.Optional.of(
                new io.kairan.model.delivery.Delivery(
                    "n-1/1/r-1",
                    "r-1",
                    "n-1",
                    1,
                    null,
                    null,
                    Map.of(),
                    0.5,
                    List.of(),
                    "builtin/1",
                    io.kairan.model.delivery.Channel.FEED_ONLY,
                    NOW,
                    NOW)));
    when(currentNotices.current(List.of(noticeId)))
        .thenReturn(
            Map.of(
                noticeId,
                NoticeTestSupport.departmentNotice(
                    noticeId, OWNER, 1, NoticeStatus.PUBLISHED, NOW)));
    // Two shadow rule sets, so the first can be rolled back to.
    String analyst = tokenFor(issuer, Role.ANALYST, "ana-1");
    ruleId =
        call(HttpMethod.PUT, "/api/v1/rules/shadow", RULES, analyst)
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getHeader("Kairan-Rules-Id");
    call(
            HttpMethod.PUT,
            "/api/v1/rules/shadow",
            RULES.replace("\"version\":3", "\"version\":4"),
            analyst)
        .andExpect(status().isAccepted());
    simulationId =
        call(HttpMethod.POST, "/api/v1/rules/simulations", SIMULATION, analyst)
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getHeader(HttpHeaders.LOCATION)
            .replace("/api/v1/rules/simulations/", "");
    // Only what a test's own calls do counts.
    clearInvocations(kafka);
  }

  /** The owner's drafts are limited in number: each test's goes with it. */
  @org.junit.jupiter.api.AfterEach
  void theDraftGoes() {
    drafts.ofPublisher(OWNER).forEach(d -> drafts.remove(d.id()));
  }

  // ---- tokens ------------------------------------------------------------------------------

  /** The claims a role's token carries: publishers and operators name their municipality. */
  private static Map<String, String> claimsOf(Role role, String subject, String municipality) {
    return switch (role) {
      case DEPARTMENT, FIRM -> Map.of("name", subject, Role.MUNICIPALITY_CLAIM, municipality);
      case OPERATOR -> Map.of(Role.MUNICIPALITY_CLAIM, municipality);
      case RESIDENT, ANALYST -> Map.of();
    };
  }

  private static String tokenFor(TokenIssuer by, Role role, String subject) {
    return by.token(subject, role.name(), claimsOf(role, subject, MUNICIPALITY));
  }

  private static String subjectFor(Endpoint e) {
    return e.forPublishers() ? OWNER : "someone-1";
  }

  private String rightToken(Endpoint e) {
    return tokenFor(issuer, e.role(), subjectFor(e));
  }

  /**
   * Claims that would let their holder through anywhere: every role, the owner's subject, the
   * endpoints' municipality. Only what a test then breaks (the signature, the issuer, …) is wrong.
   */
  private JWTClaimsSet.Builder everyRole(TokenIssuer by) {
    return by.claims(OWNER, Role.RESIDENT.name(), Map.of())
        .claim("roles", Arrays.stream(Role.values()).map(Role::name).toList())
        .claim("name", OWNER)
        .claim(Role.MUNICIPALITY_CLAIM, MUNICIPALITY);
  }

  private static String hs256(JWTClaimsSet claims, byte[] secret, String keyId) {
    try {
      var jwt =
          new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keyId).build(), claims);
      jwt.sign(new MACSigner(secret));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The provider's public key as an attacker would find it: PEM, as published. */
  private static byte[] publicKeyPem() throws Exception {
    return ("-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(PROVIDER.publicKey().toPublicKey().getEncoded())
            + "\n-----END PUBLIC KEY-----\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Each way a token can be bad, with everything else right, so the defect alone is why it is
   * refused ({@link #aTokenWithEveryRoleAndNothingWrongIsNeverRefusedAs401} is the control).
   */
  private Map<String, Function<Endpoint, String>> badTokens() throws Exception {
    String kid = PROVIDER.publicKey().getKeyID();
    byte[] pem = publicKeyPem();
    byte[] der = PROVIDER.publicKey().toPublicKey().getEncoded();
    byte[] jwk = PROVIDER.publicKey().toJSONString().getBytes(StandardCharsets.UTF_8);
    var forger =
        TokenIssuer.signingWith(
            new RSAKeyGenerator(2048).keyID(kid).generate(), ISSUER, AUDIENCE, now);
    // Issued two days ago, so it expired a day ago (tokens live a day).
    var yesterday = issuer.at(Clock.offset(now, Duration.ofDays(-2)));
    Map<String, Function<Endpoint, String>> bad = new LinkedHashMap<>();
    bad.put("no token", e -> null);
    bad.put("an expired token", e -> yesterday.sign(everyRole(yesterday).build()));
    bad.put(
        "a token from another issuer",
        e -> issuer.sign(everyRole(issuer.asIssuer("https://id.other.example")).build()));
    bad.put(
        "a token for another audience",
        e -> issuer.sign(everyRole(issuer.forAudience("another-api")).build()));
    bad.put(
        "a token for no audience",
        e -> issuer.sign(everyRole(issuer).audience((String) null).build()));
    bad.put(
        "an unsigned token (alg none)", e -> new PlainJWT(everyRole(issuer).build()).serialize());
    bad.put(
        "HS256 keyed with the provider's public key (PEM)",
        e -> hs256(everyRole(issuer).build(), pem, kid));
    bad.put(
        "HS256 keyed with the provider's public key (DER)",
        e -> hs256(everyRole(issuer).build(), der, kid));
    bad.put("HS256 keyed with the provider's JWK", e -> hs256(everyRole(issuer).build(), jwk, kid));
    bad.put(
        "HS256 keyed with a guessed secret",
        e ->
            hs256(
                everyRole(issuer).build(),
                "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8),
                null));
    bad.put(
        "RS256 signed with another key under the provider's key id",
        e -> forger.sign(everyRole(forger).build()));
    bad.put(
        "a mangled signature",
        e -> {
          String token = issuer.sign(everyRole(issuer).build());
          return token.substring(0, token.length() - 4) + "AAAA";
        });
    bad.put("a token without a subject", e -> issuer.sign(everyRole(issuer).subject(null).build()));
    bad.put(
        "a token without an expiry",
        e -> issuer.sign(everyRole(issuer).expirationTime(null).build()));
    return bad;
  }

  // ---- calls -------------------------------------------------------------------------------

  private ResultActions call(HttpMethod method, String path, String body, String token)
      throws Exception {
    var request =
        MockMvcRequestBuilders.request(method, filledIn(path))
            .header(HttpHeaders.IF_MATCH, "\"1\"");
    if (token != null) {
      request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(filledIn(body));
    }
    return mvc.perform(request);
  }

  /** The test's own notice, rule set and simulation where a path or body names one. */
  private String filledIn(String text) {
    String filled = text.replace("{id}", noticeId);
    filled = ruleId == null ? filled : filled.replace("{ruleId}", ruleId);
    return simulationId == null ? filled : filled.replace("{simulationId}", simulationId);
  }

  private ResultActions call(Endpoint e, String token) throws Exception {
    return call(e.method(), e.path(), e.body(), token);
  }

  /** The status, as an RFC 9457 problem; nothing published, the notices as they were. */
  private void refusedAndNothingChanged(ResultActions result, int status) throws Exception {
    result
        .andExpect(status().is(status))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(status));
    verifyNoInteractions(kafka);
    assertThat(ledger.current(noticeId))
        .hasValueSatisfying(
            n -> {
              assertThat(n.version()).isEqualTo(1);
              assertThat(n.status()).isEqualTo(NoticeStatus.PUBLISHED);
            });
    assertThat(schedule.ofPublisher(OWNER)).extracting(ScheduledNotice::id).contains(noticeId);
    assertThat(approvals.waitingIn(MUNICIPALITY)).extracting(Approval::id).contains(noticeId);
  }

  /** Every method and path the handler mapping routes, path variables filled in. */
  private List<Endpoint> mapped() {
    return mappings.getHandlerMethods().keySet().stream()
        .flatMap(EndpointSecurityTest::routes)
        .filter(route -> !PUBLIC.contains(route.pattern()))
        .distinct()
        .toList();
  }

  private static Stream<Endpoint> routes(RequestMappingInfo info) {
    Set<HttpMethod> methods = new TreeSet<>(java.util.Comparator.comparing(HttpMethod::name));
    info.getMethodsCondition().getMethods().forEach(m -> methods.add(HttpMethod.valueOf(m.name())));
    if (methods.isEmpty()) {
      methods.addAll(List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE));
    }
    return info.getPatternValues().stream()
        .flatMap(
            p ->
                methods.stream()
                    .map(
                        m ->
                            new Endpoint(
                                m,
                                p,
                                (Role) null,
                                p.replaceAll("\\{(?!id\\})[^}]+\\}", "x"),
                                null)));
  }

  // ---- every mapped endpoint, whatever the table says ---------------------------------------

  @Test
  void everyMappedEndpointIsInTheTableOrPublic() {
    Set<String> table = new TreeSet<>(ENDPOINTS.stream().map(Endpoint::name).toList());

    assertThat(mapped().stream().map(Endpoint::name).toList())
        .as("an endpoint must say who may call it (table) or be deliberately open (PUBLIC)")
        .containsExactlyInAnyOrderElementsOf(table);
  }

  @TestFactory
  Stream<DynamicTest> everyMappedEndpointRefusesEveryBadTokenAs401AndChangesNothing()
      throws Exception {
    Map<String, Function<Endpoint, String>> bad = badTokens();
    return mapped().stream()
        .flatMap(
            e ->
                bad.entrySet().stream()
                    .map(
                        b ->
                            DynamicTest.dynamicTest(
                                e.name() + " with " + b.getKey(),
                                () ->
                                    refusedAndNothingChanged(
                                        call(e.method(), e.path(), null, b.getValue().apply(e)),
                                        401))));
  }

  @TestFactory
  Stream<DynamicTest> aTokenWithEveryRoleAndNothingWrongIsNeverRefusedAs401() {
    // The control for the test above: the same calls, the same claims, nothing broken.
    return mapped().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.name(),
                    () ->
                        assertThat(
                                call(
                                        e.method(),
                                        e.path(),
                                        null,
                                        issuer.sign(everyRole(issuer).build()))
                                    .andReturn()
                                    .getResponse()
                                    .getStatus())
                            .isNotEqualTo(401)));
  }

  // ---- the table: who may call what ---------------------------------------------------------

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

  /**
   * The ids a resident's call may name besides a notice's: the caller's own device (another's is
   * 404, DeviceControllerTest) and a category of their own consents.
   */
  static final Map<String, String> OWN_IDS =
      Map.of(
          "/api/v1/me/devices/{id}", "/api/v1/me/devices/x",
          "/api/v1/me/consents/{category}/withdraw", "/api/v1/me/consents/x/withdraw");

  /**
   * A resident's calls name nobody: the only id one may name is a notice's, and that call answers
   * only for a notice delivered to the caller (FeedControllerTest: another's is 404).
   */
  @Test
  void noResidentEndpointNamesAnIdSoAResidentOnlyEverReachesTheirOwnData() {
    assertThat(ENDPOINTS)
        .filteredOn(e -> e.role() == Role.RESIDENT)
        .allSatisfy(
            e ->
                assertThat(
                        OWN_IDS
                                .getOrDefault(e.pattern(), e.pattern())
                                .replace("/api/v1/me/notices/{id}", "/api/v1/me/notices/x")
                            + "/")
                    .startsWith("/api/v1/me/")
                    .doesNotContain("{"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void theRightRs256TokenIsLetThrough(Endpoint e) throws Exception {
    call(e, rightToken(e)).andExpect(status().is2xxSuccessful());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void theRightEs256TokenIsLetThrough(Endpoint e) throws Exception {
    call(e, tokenFor(PROVIDER.es256Tokens(now), e.role(), subjectFor(e)))
        .andExpect(status().is2xxSuccessful());
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("endpointsAndWrongRoles")
  void aTokenWithAnotherRoleIs403AsAProblemAndChangesNothing(Endpoint e, Role role)
      throws Exception {
    refusedAndNothingChanged(call(e, tokenFor(issuer, role, subjectFor(e))), 403);
  }

  static Stream<Arguments> municipalityBoundEndpointsAndTheirRoles() {
    return ENDPOINTS.stream()
        .filter(Endpoint::boundToAMunicipality)
        .flatMap(
            e ->
                e.roles().stream()
                    // An operator previews any municipality's draft (by design).
                    .filter(r -> !(r == Role.OPERATOR && e.pattern().endsWith("/preview")))
                    .map(r -> Arguments.of(e, r)));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("municipalityBoundEndpointsAndTheirRoles")
  void aTokenOfAnotherMunicipalityIs403AndChangesNothing(Endpoint e, Role role) throws Exception {
    String elsewhere =
        issuer.token(subjectFor(e), role.name(), claimsOf(role, subjectFor(e), "131016"));

    refusedAndNothingChanged(call(e, elsewhere), 403);
  }

  @Test
  void theApprovalQueueOfAnotherMunicipalityHoldsNoneOfThisOnes() throws Exception {
    String elsewhere =
        issuer.token("dept-9", "DEPARTMENT", claimsOf(Role.DEPARTMENT, "dept-9", "131016"));

    call(HttpMethod.GET, "/api/v1/approvals", null, elsewhere)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(0));
    // The control: this municipality's department sees the firm's notice waiting.
    call(HttpMethod.GET, "/api/v1/approvals", null, tokenFor(issuer, Role.DEPARTMENT, OWNER))
        .andExpect(jsonPath("$[?(@.notice.id == '" + noticeId + "')]").exists());
  }

  static Stream<Endpoint> ownedEndpoints() {
    return ENDPOINTS.stream().filter(Endpoint::ownedByAPublisher);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ownedEndpoints")
  void anotherPublishersNoticeIs403AndChangesNothing(Endpoint e) throws Exception {
    refusedAndNothingChanged(call(e, tokenFor(issuer, Role.DEPARTMENT, "dept-2")), 403);
  }

  static Stream<Endpoint> publisherEndpoints() {
    return ENDPOINTS.stream().filter(Endpoint::forPublishers);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("publisherEndpoints")
  void aTokenThatIsBothDepartmentAndFirmIs403AndChangesNothing(Endpoint e) throws Exception {
    // A space-separated roles claim carries both; guessing one would let a firm act as the other.
    String both =
        issuer.token(
            OWNER,
            "DEPARTMENT",
            Map.of(
                "roles", "DEPARTMENT FIRM", "name", OWNER, Role.MUNICIPALITY_CLAIM, MUNICIPALITY));

    refusedAndNothingChanged(
        call(e, both).andExpect(jsonPath("$.detail", containsString("what kind of publisher"))),
        403);
  }

  @Test
  void aFirmNeverPostsAnEmergencyAndADepartmentMay() throws Exception {
    String emergency = NoticeTestSupport.DRAFT.replace("\"IMPORTANT\"", "\"EMERGENCY\"");

    refusedAndNothingChanged(
        call(HttpMethod.POST, "/api/v1/notices", emergency, tokenFor(issuer, Role.FIRM, "shop-1")),
        400);
    call(HttpMethod.POST, "/api/v1/notices", emergency, tokenFor(issuer, Role.DEPARTMENT, OWNER))
        .andExpect(status().isCreated());
  }

  // ---- what the firewall refuses ------------------------------------------------------------

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
                    HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(issuer, Role.DEPARTMENT, OWNER))
                .header(header, onTheWire("\"キー\""))
                .contentType(MediaType.APPLICATION_JSON)
                .content(NoticeTestSupport.DRAFT)));

    verifyNoInteractions(kafka);
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
                    "Bearer " + tokenFor(issuer, Role.DEPARTMENT, OWNER))));
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
