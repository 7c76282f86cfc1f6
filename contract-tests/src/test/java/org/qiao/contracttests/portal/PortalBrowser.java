package org.qiao.contracttests.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real headless Chromium driven by Playwright: the one browser.sh prepared (npm's
 * {@code @sparticuz/chromium}, or {@code $QIAO_CHROMIUM}), never Playwright's own download. Pages
 * are checked with axe-core in the same browser and photographed for docs/portal.
 */
final class PortalBrowser implements AutoCloseable {

  private static final Path DIR =
      Path.of(System.getProperty("qiao.browser.dir", "target/browser")).toAbsolutePath();
  static final Path SCREENSHOTS = Path.of("target", "portal-screenshots").toAbsolutePath();

  private final Playwright playwright;
  private final Browser browser;

  private PortalBrowser(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  static PortalBrowser launch() throws IOException {
    Path chromium = Path.of(Files.readString(DIR.resolve("chromium-path")).strip());
    Playwright playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    // The machine's network is closed: no background connections, no component updates.
    Browser browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(chromium)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-dev-shm-usage",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--disable-quic",
                            "--no-first-run")));
    return new PortalBrowser(playwright, browser);
  }

  /** A fresh browser profile (no cookies) in China time, Chinese unless told otherwise. */
  Page newPage(String locale) {
    BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setLocale(locale)
                .setTimezoneId("Asia/Shanghai")
                .setAcceptDownloads(true)
                .setViewportSize(1280, 900));
    context.setDefaultTimeout(20_000);
    return context.newPage();
  }

  /** No serious or critical axe-core violation on the page as it is now. */
  static void assertAccessible(Page page) {
    if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe !== 'undefined'"))) {
      page.addScriptTag(
          new Page.AddScriptTagOptions().setPath(DIR.resolve("node_modules/axe-core/axe.min.js")));
    }
    Object found =
        page.evaluate(
            "async () => { const r = await axe.run(document, { resultTypes: ['violations'] });"
                + " return JSON.stringify(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => ({ id: v.id, impact: v.impact, help: v.help,"
                + " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }))); }");
    assertEquals("[]", found, "axe-core: serious or critical violations on " + page.url());
  }

  /**
   * A full-page screenshot under target/portal-screenshots (the current ones live in docs/portal).
   */
  static void screenshot(Page page, String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
