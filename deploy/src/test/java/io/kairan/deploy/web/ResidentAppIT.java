package io.kairan.deploy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kairan.api.notice.NoticeDraft;
import io.kairan.deploy.demo.DemoLoader;
import io.kairan.deploy.stack.ApiClient;
import io.kairan.deploy.stack.LocalStack;
import io.kairan.deploy.stack.StackOptions;
import io.kairan.deploy.stack.Waits;
import io.kairan.ingest.site.GsiSiteFile;
import io.kairan.model.json.Json;
import io.kairan.model.notice.Audience;
import io.kairan.model.notice.Category;
import io.kairan.model.notice.Geo;
import io.kairan.model.notice.GeoPoint;
import io.kairan.model.notice.Hazard;
import io.kairan.model.notice.Severity;
import io.kairan.model.notice.Validity;
import io.kairan.model.site.EvacuationSite;
import io.kairan.model.site.SiteKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The resident app (api static {@code app/}) in headless Chromium on the real local stack: a
 * newcomer signs in through the demo sign-in, gives consent per category, fills in home and family
 * (a real town of the city), reads the feed a page at a time, opens a notice and asks why, sees the
 * nearest flood-safe site of an emergency, says useful and not interested, searches in Japanese,
 * switches to English and やさしい日本語, reads with text at 200 %, has the last feed kept for offline
 * use, exports and erases their data. Every page is checked with axe-core (no serious or critical
 * violation) and saved as a screenshot; what the pages show is compared with what the test posted
 * and with the API's own answers for the same token.
 */
class ResidentAppIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final Validity VALIDITY = new Validity(NOW, NOW.plus(Duration.ofDays(3650)));
  private static final Path SAMPLES = Path.of(System.getProperty("kairan.samples", "../samples"));
  private static final String DISTRICT = "北会津町";
  private static final int CHILD_BORN = 2021;
  private static final String BODY_JA = "くわしくは市役所の窓口でおたずねください。";
  private static LocalStack stack;
  private static ApiClient api;

  /**
   * A town of the city as its CSV says, read here with plain splitting (the app parses its own).
   */
  record Town(String name, String district, GeoPoint centre) {}

  @BeforeAll
  static void startStack() throws Exception {
    stack = LocalStack.start(StackOptions.freePorts(SAMPLES, 0, Clock.fixed(NOW, ZoneOffset.UTC)));
    api = new ApiClient(stack.apiUrl());
    DemoLoader.publishSites(stack.kafkaBootstrapServers(), SAMPLES, NOW);
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  private static Town firstTownOf(String district) throws Exception {
    List<String> lines = Files.readAllLines(SAMPLES.resolve("city/aizuwakamatsu_towns.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      String d = f[4].isBlank() ? f[3] : f[4];
      if (d.equals(district)) {
        return new Town(f[1], d, new GeoPoint(Double.parseDouble(f[8]), Double.parseDouble(f[9])));
      }
    }
    throw new IllegalStateException("no town in " + district);
  }

  private String department() {
    return stack.tokens().publisher("kodomo-ka", "こども家庭課", "DEPARTMENT", "072028");
  }

  private String post(
      Category category, Severity severity, Map<String, String> title, Hazard hazard)
      throws Exception {
    Audience audience =
        category == Category.CHILDCARE
            ? new Audience.AllOf(
                List.of(
                    new Audience.InDistrict(List.of(DISTRICT)),
                    new Audience.HasChildAgedBetween(0, 6)))
            : new Audience.InDistrict(List.of(DISTRICT));
    var draft =
        new NoticeDraft(
            "072028",
            category,
            title,
            Map.of("ja", BODY_JA, "en", "Details at the city office."),
            null,
            null,
            VALIDITY,
            severity,
            audience,
            null,
            null,
            hazard);
    var response = api.post("/api/v1/notices", department(), draft);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return Json.mapper().readTree(response.body()).path("id").asText();
  }

  /** Every notice id in the resident's feed, by the API, following the cursor. */
  private static Set<String> feedIds(String token) throws Exception {
    Set<String> ids = new HashSet<>();
    String cursor = null;
    do {
      var r =
          api.get("/api/v1/me/feed?size=50" + (cursor == null ? "" : "&cursor=" + cursor), token);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      Json.mapper().readTree(r.body()).forEach(i -> ids.add(i.path("noticeId").asText()));
      cursor = r.headers().firstValue("Kairan-Next-Cursor").orElse(null);
    } while (cursor != null);
    return ids;
  }

  private static JsonNode json(java.net.http.HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
    return Json.mapper().readTree(r.body());
  }

  private static void check(Browser browser, String name) {
    browser.axe(name);
    browser.screenshot("resident-" + name);
  }

  /** From the app to the demo sign-in, as a new resident, and back to the app's onboarding. */
  private void signInAsNewcomer(Browser browser) {
    browser.open(stack.apiUrl() + "/app/index.html?pageSize=3");
    browser.find(By.id("demo-sign-in"));
    check(browser, "01-sign-in");
    browser.find(By.id("demo-sign-in")).click();
    browser.find(By.cssSelector("button[data-account='newcomer']"));
    check(browser, "02-demo-sign-in");
    browser.find(By.cssSelector("button[data-account='newcomer']")).click();
    browser.findWithText(By.tagName("h1"), "どのお知らせを受け取りますか");
  }

  private static String session(Browser browser, String field) {
    return (String)
        browser.script(
            "return JSON.parse(sessionStorage.getItem('kairan.session'))[arguments[0]];", field);
  }

  /** Follows "show more" to the end of the feed (a notice may be on any page). */
  private static void showWholeFeed(Browser browser) {
    browser.waitUntil(
        "the end of the feed",
        d -> {
          var end = d.findElements(By.id("feed-end"));
          if (!end.isEmpty()) {
            return true;
          }
          d.findElements(By.id("more")).stream()
              .filter(WebElement::isEnabled)
              .findFirst()
              .ifPresent(WebElement::click);
          return null;
        });
  }

  private static void type(WebElement field, String text) {
    field.clear();
    field.sendKeys(text);
  }

  @Test
  void aNewcomerGoesFromSignInToErasureAndEveryPageShowsWhatTheApiHolds() throws Exception {
    Town town = firstTownOf(DISTRICT);
    try (Browser browser = Browser.mobile()) {
      signInAsNewcomer(browser);

      // Onboarding: consent per category, each with its purpose.
      check(browser, "03-onboarding");
      assertThat(browser.find(By.id("consent-CHILDCARE-purpose")).getText()).contains("児童手当");
      browser.find(By.id("consent-CHILDCARE")).click();
      browser.find(By.id("consent-EVENTS")).click();
      browser.find(By.id("next")).click();

      // Home and family: a real town of the city, grouped by its district.
      new Select(browser.find(By.id("town"))).selectByVisibleText(town.name());
      type(browser.find(By.id("birthYear")), "1985");
      type(browser.find(By.id("children")), String.valueOf(CHILD_BORN));
      type(browser.find(By.id("quietStart")), "22:00");
      type(browser.find(By.id("quietEnd")), "07:00");
      check(browser, "04-profile");
      browser.find(By.id("save")).click();
      browser.findWithText(By.tagName("h1"), "あなたへのお知らせ");

      String token = session(browser, "token");
      String subject = session(browser, "subject");
      assertThat(subject).startsWith("newcomer-");
      // What the page saved, as the API now holds it.
      JsonNode profile = json(api.get("/api/v1/me/profile", token));
      assertThat(profile.path("district").asText()).isEqualTo(DISTRICT);
      assertThat(profile.path("home").path("lat").asDouble()).isEqualTo(town.centre().lat());
      assertThat(profile.path("home").path("lon").asDouble()).isEqualTo(town.centre().lon());
      assertThat(profile.path("birthYear").asInt()).isEqualTo(1985);
      assertThat(profile.path("childrenBirthYears").get(0).asInt()).isEqualTo(CHILD_BORN);
      assertThat(profile.path("quietHours").path("start").asText()).isEqualTo("22:00");
      assertThat(profile.path("quietHours").path("end").asText()).isEqualTo("07:00");
      JsonNode consents = json(api.get("/api/v1/me/consents", token)).path("current");
      Set<String> granted = new HashSet<>();
      consents
          .properties()
          .forEach(
              e -> {
                if (e.getValue().path("granted").asBoolean()) {
                  granted.add(e.getKey());
                }
              });
      assertThat(granted).containsExactlyInAnyOrder("CHILDCARE", "EVENTS");
      assertThat(consents.size()).isEqualTo(Category.values().length);

      // Four notices for the resident's district.
      String childcare =
          post(
              Category.CHILDCARE,
              Severity.IMPORTANT,
              Map.of(
                  "ja", "児童手当の現況届を出してください",
                  "ja-x-easy", "こどもの てあての とどけを だしてください",
                  "en", "Please send the child allowance status report"),
              null);
      String autumn = post(Category.EVENTS, Severity.INFO, Map.of("ja", "紅葉まつりのご案内"), null);
      String sports = post(Category.EVENTS, Severity.INFO, Map.of("ja", "市民運動会のお知らせ"), null);
      String flood =
          post(Category.DISASTER, Severity.EMERGENCY, Map.of("ja", "洪水の避難指示（訓練）"), Hazard.FLOOD);
      Set<String> posted = Set.of(childcare, autumn, sports, flood);
      Waits.until(
          "the four notices in the resident's feed",
          PATIENCE,
          () -> feedIds(token).containsAll(posted));

      // The feed, three at a time (pageSize=3), then the rest: each notice once.
      // The same address: a reload, as a resident pulling the feed again.
      browser.driver().navigate().refresh();
      browser.find(By.cssSelector("#feed li"));
      assertThat(browser.driver().findElements(By.cssSelector("#feed li"))).hasSize(3);
      check(browser, "05-feed");
      showWholeFeed(browser);
      List<String> shown = new ArrayList<>();
      for (WebElement li : browser.driver().findElements(By.cssSelector("#feed li"))) {
        shown.add(li.getAttribute("data-notice"));
      }
      assertThat(shown).containsExactlyInAnyOrderElementsOf(posted);
      assertThat(browser.find(By.cssSelector("li[data-notice='" + flood + "'] .badge")).getText())
          .isEqualTo("緊急");

      // A notice by keyboard, and why it came.
      WebElement link = browser.find(By.cssSelector("li[data-notice='" + childcare + "'] a"));
      assertThat(link.getText()).isEqualTo("児童手当の現況届を出してください");
      link.sendKeys(Keys.ENTER);
      browser.findWithText(By.tagName("h1"), "児童手当の現況届を出してください");
      assertThat(browser.find(By.cssSelector("#main .body")).getText()).isEqualTo(BODY_JA);
      // What the notice does not have (a correction, a link) is left out, not written as "null".
      assertThat(browser.find(By.id("main")).getText()).doesNotContain("null");
      browser.find(By.cssSelector("#why summary")).click();
      int childAge = NOW.atZone(ZoneOffset.UTC).getYear() - CHILD_BORN;
      assertThat(browser.find(By.id("reasons")).getText())
          .contains(DISTRICT + " にお住まいです")
          .contains("お子さんが " + childAge + " 歳です");
      JsonNode detail = json(api.get("/api/v1/me/notices/" + childcare, token));
      assertThat(detail.path("ruleVersion").asText()).isNotBlank();
      assertThat(browser.find(By.id("rule-version")).getText())
          .isEqualTo("判断に使ったルール：" + detail.path("ruleVersion").asText());
      check(browser, "06-notice-why");
      browser.find(By.id("useful")).click();
      browser.findWithText(By.id("feedback-status"), "役に立った");

      // The emergency: the nearest site safe for a flood, by plain distance from the town's centre.
      browser.open(stack.apiUrl() + "/app/index.html?pageSize=3#/notice/" + flood);
      browser.findWithText(By.tagName("h1"), "洪水の避難指示（訓練）");
      EvacuationSite floodSafe =
          GsiSiteFile.read(
                  Files.readAllBytes(
                      SAMPLES.resolve(
                          "city/aizuwakamatsu_designated_emergency_evacuation_sites.csv")),
                  SiteKind.EVACUATION_SITE,
                  "072028")
              .sites()
              .stream()
              .filter(s -> s.safeFor().contains(Hazard.FLOOD))
              .min(
                  Comparator.comparingDouble(
                          (EvacuationSite s) -> Geo.distanceKm(town.centre(), s.location()))
                      .thenComparing(EvacuationSite::id))
              .orElseThrow();
      WebElement site = browser.find(By.cssSelector(".site"));
      assertThat(site.getAttribute("data-site")).isEqualTo(floodSafe.id());
      assertThat(site.findElement(By.className("site-name")).getText()).isEqualTo(floodSafe.name());
      assertThat(site.findElement(By.className("site-distance")).getText())
          .isEqualTo(
              "町の中心から約 "
                  + String.format(
                      Locale.ROOT, "%.1f", Geo.distanceKm(town.centre(), floodSafe.location()))
                  + " km");
      check(browser, "07-emergency");

      browser.open(stack.apiUrl() + "/app/index.html?pageSize=3#/notice/" + autumn);
      browser.findWithText(By.tagName("h1"), "紅葉まつりのご案内");
      browser.find(By.id("not-interested")).click();
      browser.findWithText(By.id("feedback-status"), "興味がない");

      // Search in Japanese.
      browser.find(By.cssSelector("#nav a[href='#/search']")).click();
      type(browser.find(By.id("q")), "児童手当");
      browser.find(By.id("search")).click();
      browser.find(By.id("result-count"));
      List<String> found = new ArrayList<>();
      for (WebElement li : browser.driver().findElements(By.cssSelector("#results li"))) {
        found.add(li.getAttribute("data-notice"));
      }
      assertThat(found).containsExactly(childcare);
      check(browser, "08-search");

      // English, then やさしい日本語: the app's words and the notices' language.
      new Select(browser.find(By.id("lang"))).selectByValue("en");
      browser.find(By.cssSelector("#nav a[href='#/feed']")).click();
      showWholeFeed(browser);
      WebElement english =
          browser.findWithText(
              By.cssSelector("li[data-notice='" + childcare + "'] a"),
              "Please send the child allowance status report");
      assertThat(english.getAttribute("lang")).isEqualTo("en");
      assertThat(browser.script("return document.documentElement.lang")).isEqualTo("en");
      assertThat(browser.find(By.cssSelector("#nav a[href='#/feed']")).getText())
          .isEqualTo("Notices");
      check(browser, "09-feed-english");
      new Select(browser.find(By.id("lang"))).selectByValue("ja-x-easy");
      showWholeFeed(browser);
      browser.findWithText(
          By.cssSelector("li[data-notice='" + childcare + "'] a"), "こどもの てあての とどけを だしてください");
      assertThat(browser.find(By.cssSelector("#nav a[href='#/feed']")).getText()).isEqualTo("おしらせ");
      check(browser, "10-feed-easy-japanese");
      new Select(browser.find(By.id("lang"))).selectByValue("ja");
      browser.findWithText(By.tagName("h1"), "あなたへのお知らせ");

      // Text at 200 %: the page reflows, nothing to scroll sideways.
      browser.script("document.documentElement.style.fontSize = '200%'");
      // What sticks out on the right, if anything (the message names it).
      assertThat(
              browser.script(
                  "const w = document.documentElement.clientWidth;"
                      + "return [...document.querySelectorAll('body *')]"
                      + ".filter(e => e.getBoundingClientRect().right > w + 1)"
                      + ".map(e => e.tagName + '#' + e.id + '.' + e.className).join(' ');"))
          .isEqualTo("");
      browser.screenshot("resident-11-feed-200-percent");
      browser.script("document.documentElement.style.fontSize = ''");

      // The last feed, kept by the service worker for offline use.
      browser.waitUntil(
          "the service worker to control the app",
          d -> (Boolean) browser.script("return !!navigator.serviceWorker.controller"));
      browser.driver().navigate().refresh();
      browser.find(By.cssSelector("#feed li"));
      Object kept =
          ((org.openqa.selenium.JavascriptExecutor) browser.driver())
              .executeAsyncScript(
                  "const done = arguments[arguments.length - 1];"
                      + "caches.match('/api/v1/me/feed', {cacheName: 'kairan-last-feed'})"
                      + ".then(r => r ? r.text() : '').then(done, e => done('error ' + e));");
      assertThat(String.valueOf(kept)).contains(shown.get(0));

      // Settings show what was saved.
      browser.find(By.cssSelector("#nav a[href='#/settings']")).click();
      browser.findWithText(By.tagName("h1"), "設定");
      assertThat(new Select(browser.find(By.id("town"))).getFirstSelectedOption().getText())
          .isEqualTo(town.name());
      assertThat(browser.find(By.id("consent-CHILDCARE")).isSelected()).isTrue();
      assertThat(browser.find(By.id("consent-HEALTH")).isSelected()).isFalse();
      check(browser, "12-settings");

      // Export: once the API's export holds the not-interested reaction (the last one sent), the
      // page's summary counts what the API's export counts.
      Waits.until(
          "the reactions in the export",
          PATIENCE,
          () ->
              json(api.get("/api/v1/me/export", token))
                  .path("feedback")
                  .toString()
                  .contains("NOT_INTERESTED"));
      JsonNode export = json(api.get("/api/v1/me/export", token));
      browser.find(By.cssSelector("#nav a[href='#/data']")).click();
      browser.find(By.id("export-button")).click();
      assertThat(browser.find(By.id("export-summary")).getText())
          .isEqualTo(
              "プロフィール あり・同意の記録 "
                  + export.path("consentHistory").size()
                  + " 件・端末 "
                  + export.path("devices").size()
                  + " 台・届いたお知らせ "
                  + export.path("deliveries").size()
                  + " 件・反応 "
                  + export.path("feedback").size()
                  + " 件");
      assertThat(export.path("deliveries").size()).isGreaterThanOrEqualTo(4);
      check(browser, "13-my-data");
      Path shot = browser.screenshot("resident-13-my-data");
      assertThat(shot).exists();

      // Erasure: the API then has no profile for the token's resident.
      browser.find(By.id("confirm-erase")).click();
      browser.find(By.id("erase")).click();
      browser.find(By.id("erased"));
      check(browser, "14-erased");
      Waits.until(
          "the profile gone",
          PATIENCE,
          () -> api.get("/api/v1/me/profile", token).statusCode() == 404);
      assertThat(browser.script("return sessionStorage.getItem('kairan.token')")).isNull();
    }
    // The README's screenshot is refreshed only when asked: a test run leaves the checkout alone.
    String docs = System.getProperty("kairan.docs", "");
    if (!docs.isEmpty()) {
      Path feed = Browser.SCREENSHOTS.resolve("resident-05-feed.png");
      Files.createDirectories(Path.of(docs));
      Files.copy(
          feed, Path.of(docs).resolve("resident-app.png"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  void offlineTheAppShowsTheLastFeedFromItsServiceWorkerAndSaysItIsOffline() throws Exception {
    String resident = "offline-reader";
    String token = stack.tokens().resident(resident);
    String body =
        "{\"municipalityCode\":\"072028\",\"district\":\"大戸町\",\"birthYear\":1960,"
            + "\"consents\":{\"EVENTS\":{\"granted\":true,\"at\":\""
            + NOW
            + "\"}}}";
    json(api.put("/api/v1/me/profile", token, body));
    var draft =
        new NoticeDraft(
            "072028",
            Category.EVENTS,
            Map.of("ja", "大戸町の秋の収穫祭"),
            Map.of("ja", BODY_JA),
            null,
            null,
            VALIDITY,
            Severity.INFO,
            new Audience.InDistrict(List.of("大戸町")));
    var posted = api.post("/api/v1/notices", department(), draft);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    String notice = Json.mapper().readTree(posted.body()).path("id").asText();
    Waits.until("the notice in the feed", PATIENCE, () -> feedIds(token).contains(notice));

    // The app through a port of its own, which the test can cut like a lost connection.
    try (TcpForwarder network = new TcpForwarder(URI.create(stack.apiUrl()).getPort());
        Browser browser = Browser.mobile()) {
      String app = "http://127.0.0.1:" + network.port() + "/app/index.html";
      browser.open(app);
      browser.script("sessionStorage.setItem('kairan.token', arguments[0])", token);
      browser.waitUntil(
          "the service worker to control the app",
          d -> {
            d.navigate().refresh();
            return (Boolean) browser.script("return !!navigator.serviceWorker.controller")
                ? true
                : null;
          });
      // Once more, so the whole load goes through the worker (it may have taken the page over
      // halfway through the last one, after the profile was read past it).
      browser.driver().navigate().refresh();
      browser.findWithText(By.cssSelector("li[data-notice='" + notice + "'] a"), "大戸町の秋の収穫祭");
      assertThat(browser.driver().findElements(By.id("offline"))).isEmpty();

      network.cut();
      browser.driver().navigate().refresh();
      try {
        browser.findWithText(By.id("offline"), "オフラインです");
      } catch (RuntimeException e) {
        browser.screenshot("resident-16-offline-failed");
        throw new AssertionError(
            "offline page: " + browser.script("return document.body.innerText"), e);
      }
      assertThat(browser.find(By.cssSelector("li[data-notice='" + notice + "'] a")).getText())
          .isEqualTo("大戸町の秋の収穫祭");
      check(browser, "16-offline");
    }
  }

  @Test
  void anInvalidQuietHourShowsTheApisProblemAndACorrectedOneIsSaved() throws Exception {
    Town town = firstTownOf("湊町");
    try (Browser browser = Browser.mobile()) {
      signInAsNewcomer(browser);
      browser.find(By.id("next")).click();
      new Select(browser.find(By.id("town"))).selectByVisibleText(town.name());
      type(browser.find(By.id("birthYear")), "1970");
      type(browser.find(By.id("quietStart")), "25:00");
      type(browser.find(By.id("quietEnd")), "07:00");
      browser.find(By.id("save")).click();
      WebElement problem = browser.find(By.cssSelector(".problem"));

      // The API's answer to the same profile, asked directly with another resident's token.
      String body =
          "{\"municipalityCode\":\"072028\",\"district\":\""
              + town.district()
              + "\",\"birthYear\":1970,\"quietHours\":{\"start\":\"25:00\",\"end\":\"07:00\"}}";
      var reference = api.put("/api/v1/me/profile", stack.tokens().resident("reference"), body);
      assertThat(reference.statusCode()).isEqualTo(400);
      JsonNode expected = Json.mapper().readTree(reference.body());
      List<String> errors = new ArrayList<>();
      expected.path("errors").forEach(e -> errors.add(e.asText()));
      assertThat(errors).anyMatch(e -> e.startsWith("quietHours.start"));
      List<String> shownErrors = new ArrayList<>();
      for (WebElement li : problem.findElements(By.cssSelector(".problem-errors li"))) {
        shownErrors.add(li.getText());
      }
      assertThat(shownErrors).containsExactlyElementsOf(errors);
      assertThat(problem.findElement(By.className("problem-title")).getText())
          .isEqualTo(expected.path("title").asText());
      assertThat(problem.getAttribute("role")).isEqualTo("alert");
      check(browser, "15-invalid-quiet-hours");

      // Nothing was saved: the API still has no profile for this resident.
      String token = session(browser, "token");
      assertThat(api.get("/api/v1/me/profile", token).statusCode()).isEqualTo(404);

      type(browser.find(By.id("quietStart")), "23:00");
      browser.find(By.id("save")).click();
      browser.findWithText(By.tagName("h1"), "あなたへのお知らせ");
      Waits.until(
          "the corrected profile",
          PATIENCE,
          () ->
              json(api.get("/api/v1/me/profile", token))
                  .path("quietHours")
                  .path("start")
                  .asText()
                  .equals("23:00"));
    }
  }

  @Test
  void theAppsFilesNeedNoTokenAndCarryAPolicyWhileTheApiStillRefusesWithoutOne() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String path :
        List.of(
            "/app/index.html",
            "/app/app.js",
            "/app/sw.js",
            "/app/manifest.webmanifest",
            "/demo/sign-in")) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(stack.apiUrl() + path)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Security-Policy").orElse(""))
          .as(path)
          .contains("script-src 'self'");
    }
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/app/index.html"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(403);
    assertThat(api.get("/api/v1/me/feed", null).statusCode()).isEqualTo(401);
  }
}
