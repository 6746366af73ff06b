package io.newsline.timeline.web;

import static io.newsline.timeline.testing.Articles.article;
import static io.newsline.timeline.testing.Articles.event;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.model.EventType;
import io.newsline.localkafka.KafkaTestResource;
import io.newsline.localkafka.WebhookReceiver;
import io.newsline.timeline.testing.Articles.Town;
import io.newsline.timeline.testing.Broker;
import io.newsline.timeline.testing.HeadlessChromium;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;

/**
 * The page's "Download GeoJSON / CSV" and "Watch this view" in Debian's headless Chromium: the downloads are the
 * filtered view, and a watch saved from the page delivers to a real receiver while the page shows its status.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WatchControlsBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TestHTTPResource("/")
    URL root;

    private ChromeDriver browser;

    @BeforeAll
    void startBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private Object js(String script, Object... args) {
        return browser.executeScript(script, args);
    }

    private Object fetched(String url) {
        return browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed: ' + e));", url);
    }

    @Test
    void downloadsAreTheFilteredViewAndAWatchSavedFromThePageDeliversAndShowsItsStatus() {
        // Given a strike in a town on the timeline, and the page open on that town's strikes
        Town town = Town.fresh();
        Broker.publish(article("alpha", "2025-08-01T08:00:00Z", List.of(town.place()),
                event(EventType.SHELLING, "2025-08-01", town.location(), null, 1, "Shelling hit the town.")));
        String place = URLEncoder.encode(town.name(), StandardCharsets.UTF_8);
        browser.get(root.toString().replaceAll("/$", "") + "/?place=" + place + "&type=SHELLING");
        await().atMost(PATIENCE).until(() -> "true".equals(browser.findElement(By.tagName("body"))
                .getDomAttribute("data-loaded")) && browser.findElements(By.cssSelector("li.event")).size() == 1);

        // Then the downloads carry the page's filters and hold what the list shows
        String geojson = browser.findElement(By.id("download-geojson")).getDomProperty("href");
        String csv = browser.findElement(By.id("download-csv")).getDomProperty("href");
        assertTrue(geojson.contains("format=geojson") && geojson.contains("type=SHELLING")
                && geojson.contains("place="), geojson);
        assertTrue(csv.contains("format=csv"), csv);
        assertEquals(1L, js("return JSON.parse(arguments[0]).features.length;", fetched(geojson)));
        String table = (String) fetched(csv);
        assertTrue(table.startsWith("event_id,event_date,"), table);
        assertEquals(2, table.strip().split("\\R").length, "the header and the one event: " + table);

        // When the analyst asks to watch this view, with a wrong token first
        browser.findElement(By.id("watch-view")).click();
        WebElement form = browser.findElement(By.id("watch-form"));
        String secret = form.findElement(By.name("secret")).getDomProperty("value");
        assertTrue(secret.length() >= 32, "the page offers a random secret: " + secret);
        try (WebhookReceiver receiver = WebhookReceiver.start(secret)) {
            String name = "page-" + UUID.randomUUID().toString().substring(0, 8);
            form.findElement(By.name("name")).sendKeys(name);
            form.findElement(By.name("url")).sendKeys(receiver.url());
            form.findElement(By.name("token")).sendKeys("not-the-token");
            browser.findElement(By.id("watch-save")).click();
            await().atMost(PATIENCE).until(() -> browser.findElement(By.id("watch-error")).isDisplayed());
            assertTrue(browser.findElement(By.id("watch-error")).getText().contains("not known"),
                    browser.findElement(By.id("watch-error")).getText());

            // And then with the right one
            form.findElement(By.name("token")).clear();
            form.findElement(By.name("token")).sendKeys("test-token");
            browser.findElement(By.id("watch-save")).click();

            // Then the page shows the watch and its status
            await().atMost(PATIENCE).until(() -> browser.findElement(By.id("watch-status")).getText()
                    .contains("Watch “" + name + "”"));
            assertTrue(browser.findElement(By.id("watch-status")).getText().contains("0 delivered"));

            // And a new strike there is delivered, signed, and counted on the page
            Broker.publish(article("beta", "2025-08-03T08:00:00Z", List.of(town.place()),
                    event(EventType.SHELLING, "2025-08-03", town.location(), 2, null, "Another strike.")));
            await().atMost(PATIENCE).until(() -> receiver.deliveries().size() == 1);
            assertTrue(receiver.deliveries().get(0).signatureValid());
            await().atMost(PATIENCE).until(() -> browser.findElement(By.id("watch-status")).getText()
                    .contains("1 delivered"));
        }
        assertEquals(List.of(), browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(l -> l.getMessage().contains("Content Security Policy")).map(Object::toString).toList());
    }
}
