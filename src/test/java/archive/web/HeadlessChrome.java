package archive.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchShadowRootException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's Chromium, headless, driven through the system's chromedriver (Debian packages {@code
 * chromium} and {@code chromium-driver}). Both paths are given explicitly, so Selenium Manager
 * never looks for, or downloads, a browser or a driver.
 */
final class HeadlessChrome {

  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final String MISSING =
      "install chromium and chromium-driver (" + BROWSER + ", " + DRIVER + ")";

  /** How long a test waits for the page to show something: generous, as CI machines are slow. */
  static final Duration PATIENCE = Duration.ofSeconds(15);

  private static final List<String> FLAGS =
      List.of(
          "--headless=new",
          "--no-sandbox", // CI runs as root, where Chromium's sandbox cannot start
          "--disable-gpu",
          "--disable-dev-shm-usage", // containers often have a tiny /dev/shm
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-default-apps",
          "--disable-extensions",
          "--no-first-run",
          "--no-default-browser-check",
          "--no-proxy-server", // the tests talk to 127.0.0.1 only, never through a proxy
          "--lang=en-US",
          "--window-size=1200,900");

  private HeadlessChrome() {}

  /** Whether both the browser and its driver are installed. */
  static boolean installed() {
    return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
  }

  /**
   * Starts a browser with a fresh profile.
   *
   * @param workDir where the profile and the driver's log go; Chromium's helper processes may still
   *     be writing there just after {@code quit()}, so it should not be a {@code @TempDir} that
   *     JUnit deletes at once
   * @param javascript false to start with JavaScript switched off, as some visitors have it
   */
  static ChromeDriver start(Path workDir, boolean javascript) throws IOException {
    Path profile = Files.createDirectories(workDir.resolve("profile"));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(FLAGS);
    options.addArguments("--user-data-dir=" + profile);
    if (!javascript) {
      options.setExperimentalOption(
          "prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .withLogFile(workDir.resolve("chromedriver.log").toFile())
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(PATIENCE).scriptTimeout(PATIENCE);
    return driver;
  }

  /**
   * Starts a browser for one test: its profile and driver log in {@code browser/<group>-<test>}
   * under the build folder, wiped at the start rather than the end, so that after a failure the log
   * is there to read.
   */
  static ChromeDriver start(String group, TestInfo test, boolean javascript) throws IOException {
    Path workDir =
        buildDir()
            .resolve("browser")
            .resolve(group + "-" + test.getTestMethod().orElseThrow().getName());
    wipe(workDir);
    return start(workDir, javascript);
  }

  /** Waits, as long as a slow CI machine may need, for a condition to hold. */
  static <T> T waitFor(WebDriver driver, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, PATIENCE)
        .withMessage(() -> "on " + driver.getCurrentUrl() + " titled " + driver.getTitle())
        .ignoring(StaleElementReferenceException.class)
        .ignoring(NoSuchShadowRootException.class)
        .until(condition);
  }

  /** The HTTP status the page shown now was answered with. */
  static int status(JavascriptExecutor driver) {
    Object status =
        driver.executeScript("return performance.getEntriesByType('navigation')[0].responseStatus");
    return ((Number) status).intValue();
  }

  /** Where browser tests save the pictures the README shows. */
  static Path screenshots() {
    return buildDir().resolve("screenshots");
  }

  /**
   * Makes pages see {@code prefers-color-scheme} as {@code scheme}, as a visitor's system setting
   * would, through the DevTools protocol (ChromeDriver passes the command on; no selenium-devtools
   * needed). It lasts for the rest of the session, across page loads.
   *
   * @param scheme {@code light} or {@code dark}
   * @throws IllegalStateException if the page does not match the scheme afterwards
   */
  static void colourScheme(ChromeDriver driver, String scheme) {
    Map<String, Object> feature = Map.of("name", "prefers-color-scheme", "value", scheme);
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of(feature)));
    Object matches =
        driver.executeScript(
            "return matchMedia('(prefers-color-scheme: ' + arguments[0] + ')').matches", scheme);
    if (!Boolean.TRUE.equals(matches)) {
      throw new IllegalStateException("the browser did not take prefers-color-scheme: " + scheme);
    }
  }

  /**
   * Lays pages out as a phone with a screen of {@code width} × {@code height} CSS pixels does: the
   * layout viewport follows the page's {@code <meta name="viewport">} (without one it is 980px
   * wide), and screenshots are of the screen at twice the pixels. A narrow window would ignore the
   * meta tag, and part of its height is the window's frame. Lasts for the rest of the session.
   */
  static void phone(ChromeDriver driver, int width, int height) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
  }

  /** Saves what the browser shows as a PNG, replacing an older file. */
  static void screenshot(WebDriver driver, Path png) throws IOException {
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.createDirectories(png.getParent());
    Files.copy(shot.toPath(), png, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Deletes a folder and everything in it, if it is there. */
  static void wipe(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** The build folder ({@code -Darchive.buildDir}, else {@code target}). */
  static Path buildDir() {
    return Path.of(System.getProperty("archive.buildDir", "target"));
  }
}
