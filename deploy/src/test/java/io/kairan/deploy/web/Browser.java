package io.kairan.deploy.web;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.kairan.model.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages ({@code chromium}, {@code chromium-driver}), driven by
 * Selenium, with the two checks every page of a browser test gets: axe-core's accessibility rules
 * ({@link #axe}) and a screenshot ({@link #screenshot}). Nothing is downloaded here: a missing
 * browser or axe-core fails the test, naming {@code ./deploy/test.sh}, which installs them; a
 * browser test never skips.
 */
public final class Browser implements AutoCloseable {
  /** Debian's chromium-driver; Selenium Manager would download a driver, which we never want. */
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** deploy/test.sh runs {@code npm ci} there (the version in its package-lock.json). */
  static final Path AXE =
      Path.of(System.getProperty("kairan.axe", "src/test/web/node_modules/axe-core/axe.min.js"));

  static final Path SCREENSHOTS =
      Path.of(System.getProperty("kairan.screenshots", "target/screenshots"));

  /** What axe finds that fails a page: WCAG 2.1 AA failures are serious or critical. */
  private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final ChromeDriver driver;
  private final String axeSource;

  private Browser(Dimension size) {
    String setUp =
        "Run ./deploy/test.sh, which installs Debian's chromium and chromium-driver and"
            + " axe-core (npm ci), then the tests.";
    if (!Files.isExecutable(CHROMEDRIVER)) {
      fail(CHROMEDRIVER + " is missing. " + setUp);
    }
    if (!Files.isRegularFile(AXE)) {
      fail("axe-core is missing (" + AXE.toAbsolutePath() + "). " + setUp);
    }
    try {
      axeSource = Files.readString(AXE, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + AXE, e);
    }
    ChromeOptions options = new ChromeOptions();
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--window-size=" + size.width + "," + size.height,
        "--lang=ja");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(size);
  }

  /** A phone's screen (390 × 844 CSS pixels): the resident app is built for it first. */
  public static Browser mobile() {
    return new Browser(new Dimension(390, 844));
  }

  /** A desktop screen (1280 × 900): the staff pages. */
  public static Browser desktop() {
    return new Browser(new Dimension(1280, 900));
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  public WebElement find(By by) {
    return waitUntil("an element " + by, d -> d.findElements(by).stream().findFirst().orElse(null));
  }

  /**
   * Clicks the element once it is there; when the page re-renders it between finding and clicking
   * (a list refreshed after a tab is opened), finds it again and clicks that one.
   */
  public void click(By by) {
    waitUntil(
        "an element to click " + by,
        d -> {
          var found = d.findElements(by);
          if (found.isEmpty()) {
            return null;
          }
          found.get(0).click();
          return Boolean.TRUE;
        });
  }

  /** Waits (30 s at most) until the element is there and shows the text. */
  public WebElement findWithText(By by, String text) {
    return waitUntil(
        by + " showing \"" + text + "\"",
        d ->
            d.findElements(by).stream()
                .filter(e -> e.getText().contains(text))
                .findFirst()
                .orElse(null));
  }

  public <T> T waitUntil(String what, Function<WebDriver, T> condition) {
    // A page that re-renders replaces its elements: one found a moment ago may be gone; look again.
    return new WebDriverWait(driver, PATIENCE)
        .withMessage("waiting for " + what + " on " + driver.getCurrentUrl())
        .ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  public Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /**
   * Runs axe-core on the page as it is now and fails listing every serious or critical violation:
   * the rule, its help text and the elements it found.
   */
  public void axe(String page) {
    JavascriptExecutor js = driver;
    js.executeScript(axeSource);
    Object answer =
        js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document).then(r => done(JSON.stringify(r.violations)),"
                + " e => done('axe failed: ' + e));");
    String json = String.valueOf(answer);
    if (json.startsWith("axe failed")) {
      fail(page + ": " + json);
    }
    JsonNode violations;
    try {
      violations = Json.mapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException("axe's answer is not JSON: " + json, e);
    }
    List<String> failing = new ArrayList<>();
    for (JsonNode v : violations) {
      if (!FAILING_IMPACTS.contains(v.path("impact").asText())) {
        continue;
      }
      List<String> where = new ArrayList<>();
      for (JsonNode node : v.path("nodes")) {
        where.add(node.path("target").toString() + " " + node.path("failureSummary").asText());
      }
      failing.add(
          v.path("impact").asText()
              + " "
              + v.path("id").asText()
              + ": "
              + v.path("help").asText()
              + "\n      "
              + String.join("\n      ", where));
    }
    if (!failing.isEmpty()) {
      fail(
          "axe-core: "
              + failing.size()
              + " serious or critical violation(s) on "
              + page
              + " ("
              + driver.getCurrentUrl()
              + "):\n  "
              + String.join("\n  ", failing));
    }
  }

  /** Saves the viewport as {@code target/screenshots/<name>.png} and returns the file. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new IllegalStateException("cannot save the screenshot " + name, e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
